"""Start-up checks that replace Qt's obscure aborts with messages a user can act on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from kfor_viewer.ui.app import missing_xcb_packages, platform_problem
from tests.conftest import REPO_ROOT
from tests.core import bad_pdfs


def _loader(missing: set[str]):
    def load(name: str):
        if name in missing:
            raise OSError(f"{name}: cannot open shared object file")
        return object()

    return load


def test_missing_xcb_libraries_name_their_debian_packages():
    load = _loader({"libxcb-cursor.so.0", "libxcb-icccm.so.4"})
    assert missing_xcb_packages(load) == ["libxcb-cursor0", "libxcb-icccm4"]
    problem = platform_problem({"DISPLAY": ":0"}, "linux", load)
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in problem


def test_no_display_is_said_plainly():
    problem = platform_problem({}, "linux", _loader(set()))
    assert "no display" in problem


def test_nothing_to_say_when_qt_can_start():
    assert platform_problem({"DISPLAY": ":0"}, "linux", _loader(set())) is None
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", _loader({"x"})) is None
    assert platform_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", _loader({"x"})) is None
    assert platform_problem({}, "win32", _loader(set())) is None


def test_kfor_viewer_file_opens_it_and_a_sigterm_keeps_the_place(tmp_path):
    pdf = bad_pdfs.text_pdf(tmp_path / "report.pdf")
    config = tmp_path / "config"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KFOR_VIEWER_CONFIG_DIR=str(config),
        PYTHONPATH=str(REPO_ROOT),
    )
    app = subprocess.Popen(
        [sys.executable, "-m", "kfor_viewer", str(pdf), "--new-window"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    ini = config / "kfor-viewer.ini"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (ini.exists() and str(pdf) in ini.read_text()):
            time.sleep(0.2)  # the recent-files entry appears once the document is open
        app.send_signal(signal.SIGTERM)
        output = app.communicate(timeout=20)[0].decode()
    finally:
        app.kill()
    assert app.returncode == 0, output
    settings = ini.read_text()
    assert f"path={pdf}" in settings
