"""The GUI process starts without MuPDF: all MuPDF work happens in worker processes, and
importing PyMuPDF costs a noticeable part of a second before the first page can show."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_building_the_window_modules_does_not_load_pymupdf():
    probe = (
        "import sys, kfor_viewer.ui.app, kfor_viewer.ui.main_window\n"
        "print(sorted(name for name in ('pymupdf', 'fitz') if name in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
