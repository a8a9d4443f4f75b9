"""Starting the GUI: platform checks that turn Qt's obscure aborts into clear messages, the
QApplication, and the main window on the right document."""

from __future__ import annotations

import argparse
import ctypes
import os
import signal
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from kfor_viewer import APP_NAME

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kfor_viewer.core.pdf_engine import PdfEngine

ORGANIZATION = "kfor-viewer"
# Libraries Qt's xcb platform plugin loads, with the Debian/Ubuntu package that ships each.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def missing_xcb_packages(load: Callable[[str], object] = ctypes.CDLL) -> list[str]:
    """The Debian packages whose libraries the xcb plugin needs but cannot load."""
    missing = []
    for library, package in XCB_LIBRARIES.items():
        try:
            load(library)
        except OSError:
            missing.append(package)
    return missing


def platform_problem(
    environ: dict[str, str] | os._Environ[str] = os.environ,
    platform: str = sys.platform,
    load: Callable[[str], object] = ctypes.CDLL,
) -> str | None:
    """Why Qt could not show a window here, in words a user can act on; None when it can."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return (
            "the app needs a graphical desktop, but no display was found (neither "
            "DISPLAY nor WAYLAND_DISPLAY is set). Start it from a desktop session, or use "
            "the command-line tools (kfor-viewer extract|annotate|export --help)."
        )
    if environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"):
        return None  # Qt uses its Wayland plugin; xcb is not involved
    missing = missing_xcb_packages(load)
    if missing:
        return (
            "Qt cannot load its X11 (xcb) platform plugin because system libraries are "
            "missing. Install them with:\n\n    sudo apt-get install "
            + " ".join(missing)
            + "\n\n(or run packaging/bootstrap.sh, which does this for you)"
        )
    return None


def run_gui(args: argparse.Namespace) -> int:
    if getattr(args, "self_test", False):
        from kfor_viewer.selftest import run_self_test

        return run_self_test(args)
    problem = platform_problem()
    if problem:
        print(f"kfor-viewer: {problem}", file=sys.stderr)
        return 2
    if getattr(args, "data_dir", None):
        from kfor_viewer.core.paths import DATA_DIR_ENV

        # The stores, the tag list and the child processes all find the folder through it.
        os.environ[DATA_DIR_ENV] = os.path.abspath(os.path.expanduser(args.data_dir))
    # The worker's own start (a new Python importing PyMuPDF) is the longest step to the first
    # page; begun before anything else is loaded (the engine, Qt for the hand-off check), it runs
    # alongside all of that.
    from kfor_viewer.core.worker_process import WorkerProcess

    worker = WorkerProcess()
    worker.start()
    from kfor_viewer.core.pdf_engine import PdfEngine

    engine = PdfEngine(on_event=lambda _event: None, worker=worker)
    from kfor_viewer.ui.single_instance import try_hand_off

    file = os.path.abspath(args.file) if getattr(args, "file", None) else None
    if not getattr(args, "new_window", False) and try_hand_off([file] if file else []):
        engine.shutdown()  # the running app shows the file
        return 0
    return _run_app(engine, file)


def _run_app(engine: PdfEngine, file: str | None) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from kfor_viewer.core.paths import sample_pdf
    from kfor_viewer.ui import refcount_guard
    from kfor_viewer.ui.document_client import DocumentClient
    from kfor_viewer.ui.icons import install_app_icon
    from kfor_viewer.ui.settings import ViewerSettings, initial_document
    from kfor_viewer.ui.single_instance import InstanceServer

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("KFOR Viewer")
    app.setOrganizationName(ORGANIZATION)
    refcount_guard.install(app)
    settings = ViewerSettings()
    sample = sample_pdf()
    path, restore = initial_document(settings, file, sample if sample.exists() else None)
    # The worker starts and opens the document while the window is being built.
    client = DocumentClient(app, engine=engine)
    if path:
        client.open(path)
    install_app_icon(app)
    from kfor_viewer.ui.main_window import MainWindow

    window = MainWindow(client=client, settings=settings, defer_panels=True)
    window.instance_server = InstanceServer(window, on_open=window.open_path)
    window.show()
    window.open_initial(path, restore, already_requested=True)
    _close_on_termination(window)
    return app.exec()


def _close_on_termination(window: QWidget) -> None:
    """Ctrl+C or a session's SIGTERM closes the window like its close button, so the page,
    zoom and window state are saved and the worker stops. Python runs signal handlers only
    between bytecodes, so a timer lets it in while Qt's loop waits."""
    from PySide6.QtCore import QTimer

    for number in (signal.SIGINT, signal.SIGTERM):
        # Close from the event loop, not from inside whatever Python code the signal interrupted.
        signal.signal(number, lambda _signum, _frame: QTimer.singleShot(0, window.close))
    wake = QTimer(window, interval=250)
    wake.timeout.connect(lambda: None)
    wake.start()
