"""`kfor-viewer --self-test`: check an installation offscreen, printing each check.

It opens the bundled sample report through the real render worker process, renders page 1,
extracts the fields, highlights the period it found in a temporary annotation store and reads it
back. Exit status 0 when every check passed, 1 otherwise (the failing check says why). Meant
for a freshly installed package or a frozen build, where a missing library or data file shows up
here rather than in front of a user.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Generous: the self-test checks that things work, not how fast (the machine may be busy).
OPEN_TIMEOUT_S = 90.0
RENDER_TIMEOUT_S = 90.0
RENDER_WIDTH_PX = 600


class CheckFailed(Exception):
    """A check found the installation broken; the message says how."""


@dataclass
class SelfTestState:
    """What earlier checks found, for the later ones."""

    sample: Path | None = None
    found: dict[str, Any] = field(default_factory=dict)


def run_self_test(
    args: argparse.Namespace | None = None, out: Callable[[str], None] = print
) -> int:
    """Run every check; 0 when all passed. Creates its own offscreen QApplication if none exists."""
    del args  # the self-test uses a temporary store, whatever --data-dir says
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "kfor-viewer"])
    state = SelfTestState()
    checks: list[tuple[str, Callable[[SelfTestState], str]]] = [
        ("versions", check_versions),
        ("qt", check_qt),
        ("icon", check_icon),
        ("source", check_source),
        ("sample", check_sample),
        ("render", check_render),
        ("fields", check_fields),
        ("annotations", check_annotations),
        ("ocr", check_ocr),
    ]
    failed = [name for name, check in checks if not _run_check(name, check, state, out)]
    del app
    if failed:
        out(f"self-test FAILED: {', '.join(failed)}")
        return 1
    out(f"self-test passed: {len(checks)} checks")
    return 0


def _run_check(
    name: str,
    check: Callable[[SelfTestState], str],
    state: SelfTestState,
    out: Callable[[str], None],
) -> bool:
    started = time.perf_counter()
    try:
        detail = check(state)
    except CheckFailed as failure:
        out(f"FAIL  {name}: {failure}")
        return False
    except Exception as error:  # a bug or a broken installation: report it, go on
        out(f"FAIL  {name}: {type(error).__name__}: {error}")
        out(traceback.format_exc().rstrip())
        return False
    out(f"ok    {name}: {detail} ({(time.perf_counter() - started) * 1000:.0f} ms)")
    return True


def check_versions(state: SelfTestState) -> str:
    from kfor_viewer.ui.about_dialog import components

    shown = ("kfor-viewer", "Python", "PySide6", "Qt", "PyMuPDF")
    return ", ".join(f"{c.name} {c.version}" for c in components() if c.name in shown)


def check_qt(state: SelfTestState) -> str:
    """The platform plugins a desktop session needs are installed next to Qt."""
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QGuiApplication

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    plugins = (
        sorted(p.stem.removeprefix("lib") for p in folder.glob("*")) if folder.is_dir() else []
    )
    desktop = {"linux": "qxcb", "win32": "qwindows", "darwin": "qcocoa"}
    wanted = next((v for k, v in desktop.items() if sys.platform.startswith(k)), None)
    if wanted and not any(wanted in name for name in plugins):
        raise CheckFailed(f"the {wanted} platform plugin is missing from {folder}")
    return f"platform {QGuiApplication.platformName()}; plugins: {', '.join(plugins)}"


def check_icon(state: SelfTestState) -> str:
    from kfor_viewer.ui.icons import app_icon

    sizes = sorted(size.width() for size in app_icon().availableSizes())
    if not {16, 256} <= set(sizes):
        raise CheckFailed(f"app icon sizes {sizes}: the icons in resources/icons are missing")
    return f"sizes {sizes[0]}-{sizes[-1]} px"


def check_source(state: SelfTestState) -> str:
    """The source code the About dialog points AGPL users to is really there."""
    from kfor_viewer.ui.about_dialog import source_location

    folder = source_location()
    if not any((folder / name).is_file() for name in ("__init__.py", "kfor_viewer/__init__.py")):
        raise CheckFailed(f"the source code the About dialog names is missing: {folder}")
    return str(folder)


def check_sample(state: SelfTestState) -> str:
    from kfor_viewer.core.paths import sample_pdf

    sample = sample_pdf()
    if not sample.is_file():
        raise CheckFailed(f"the sample report is missing: {sample}")
    state.sample = sample
    return f"{sample} ({sample.stat().st_size // 1024} KiB)"


def check_render(state: SelfTestState) -> str:
    """Page 1 through the real worker process, as the viewer renders it."""
    from kfor_viewer.core.pdf_engine import TimeLimits
    from kfor_viewer.core.pdf_types import RenderKey
    from kfor_viewer.ui.document_client import DocumentClient

    sample = _require_sample(state)
    limit = OPEN_TIMEOUT_S - 10
    client = DocumentClient(time_limits=TimeLimits(open=limit, render=limit, other=limit))
    try:
        info = _wait_for(client, "open", lambda: client.open(str(sample)), OPEN_TIMEOUT_S)
        width_pt, height_pt = info.page_sizes[0]
        key = RenderKey(
            client.doc_generation, 0, RENDER_WIDTH_PX, round(600 * height_pt / width_pt)
        )
        image = _wait_for(client, "render", lambda: client.request_render(key), RENDER_TIMEOUT_S)
    finally:
        client.shutdown()
    ink = _ink_fraction(image)
    if ink < 0.005:
        raise CheckFailed(f"page 1 rendered blank ({ink:.2%} ink)")
    return (
        f"{info.page_count} pages; page 1 at {image.width()}x{image.height()} px "
        f"by the worker process, {ink:.1%} ink"
    )


def _wait_for(client: Any, what: str, start: Callable[[], None], timeout_s: float) -> Any:
    """Run the event loop until the client answers `start()`; its result or CheckFailed."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, outcome = QEventLoop(), {}

    def finish(key: str, value: Any) -> None:
        outcome.setdefault(key, value)
        loop.quit()

    if what == "open":
        client.opened.connect(lambda info: finish("ok", info))
        client.openFailed.connect(lambda path, message: finish("error", message))
        client.passwordRequired.connect(lambda path, wrong: finish("error", "needs a password"))
    else:
        client.pageRendered.connect(lambda key, image: finish("ok", image))
        client.pageFailed.connect(lambda key, reason: finish("error", reason))
    client.workerRestarted.connect(lambda message: finish("error", message))
    QTimer.singleShot(
        round(timeout_s * 1000), lambda: finish("error", f"no answer in {timeout_s:.0f} s")
    )
    start()
    if not outcome:
        loop.exec()
    if "ok" not in outcome:
        raise CheckFailed(f"{what} failed: {outcome.get('error')}")
    return outcome["ok"]


def _ink_fraction(image: Any) -> float:
    """Share of sampled pixels that are not near-white: 0 for a blank page."""
    step = 4
    samples = dark = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            samples += 1
            dark += image.pixelColor(x, y).lightness() < 200
    return dark / max(samples, 1)


def check_fields(state: SelfTestState) -> str:
    from kfor_viewer.core.extraction import extract

    result = extract(_require_sample(state))
    if not result.recognised or not result.reports:
        raise CheckFailed(f"the sample was not recognised as a KFOR document: {result.message}")
    report = result.reports[0]
    if report.period_start is None or report.troops_total is None:
        raise CheckFailed("the first report's period or troop strength was not found")
    periods = result.cover_letter.periods if result.cover_letter else []
    if periods and periods[0].evidence:
        state.found["period_evidence"] = periods[0].evidence[0]
    return (
        f"{len(result.reports)} reports; first covers {report.period_start.value} to "
        f"{report.period_end.value if report.period_end else '?'}, "
        f"troops {report.troops_total.value}"
    )


def check_annotations(state: SelfTestState) -> str:
    """A highlight written to a temporary store comes back from a fresh read of it."""
    from kfor_viewer.core.annotation_store import AnnotationStore
    from kfor_viewer.core.annotations import Annotation, new_id
    from kfor_viewer.core.document_identity import identify_document

    sample = _require_sample(state)
    evidence = state.found.get("period_evidence")
    page, quote, rects = (
        (evidence.page, evidence.quote, tuple(evidence.rects)) if evidence else (1, "KFOR", ())
    )
    identity = identify_document(sample)
    with tempfile.TemporaryDirectory(prefix="kfor-viewer-self-test-") as data_dir:
        store = AnnotationStore.open(identity, data_dir)
        written = store.add(Annotation(id=new_id(), page=page, quote=quote, rects=rects))
        store.save()
        read_back = AnnotationStore.open(identity, data_dir).get(written.id)
    if read_back is None or read_back.quote != quote or read_back.page != page:
        raise CheckFailed(f"the highlight written was read back as {read_back}")
    return f"highlight {quote!r} on page {page} written and read back"


def check_ocr(state: SelfTestState) -> str:
    """Informational: OCR is optional, only scanned pages need it."""
    from kfor_viewer.core.versions import ocr_component

    component = ocr_component()
    return f"{component.version}; {component.detail}"


def _require_sample(state: SelfTestState) -> Path:
    if state.sample is None:
        raise CheckFailed("skipped: no sample report")
    return state.sample
