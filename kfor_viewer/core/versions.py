"""The versions of kfor-viewer and of the libraries under it, for the About dialog, bug reports
and the self-test. Qt's version is added by the UI, which may import Qt."""

from __future__ import annotations

import platform
import shutil
import subprocess
from dataclasses import dataclass

from kfor_viewer import __version__


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    license: str = ""
    detail: str = ""  # longer information, e.g. where a component was found


def tesseract_version() -> str | None:
    """The installed Tesseract's version ("5.3.0"), or None when it is not on PATH or does not
    answer. Tesseract is optional: only OCR of scanned pages needs it."""
    executable = shutil.which("tesseract")
    if executable is None:
        return None
    try:
        result = subprocess.run(
            [executable, "--version"], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    # Tesseract 4 printed its version on stderr, 5 prints it on stdout: "tesseract 5.3.0".
    for line in (result.stdout + "\n" + result.stderr).splitlines():
        if line.lower().startswith("tesseract "):
            return line.split(None, 1)[1].strip()
    return None


def ocr_component() -> Component:
    """What reads scanned pages here. MuPDF carries its own Tesseract engine and needs only the
    English language data (Debian: tesseract-ocr-eng); the tesseract program, when installed,
    shows which release that data belongs to."""
    from kfor_viewer.core.ocr import tessdata_dir

    data = tessdata_dir()
    if data is None:
        missing = "not found (install tesseract-ocr-eng)"
        return Component("OCR", missing, detail="Scanned pages cannot be read without it.")
    version = tesseract_version()
    engine = f"Tesseract {version}" if version else "MuPDF's Tesseract"
    return Component("OCR", f"{engine}, English", "Apache-2.0", f"Language data in {data}")


def core_components() -> list[Component]:
    """kfor-viewer, Python, PyMuPDF, MuPDF, OCR and the system, in that order."""
    import pymupdf

    python_implementation = platform.python_implementation()
    return [
        Component("kfor-viewer", __version__, "AGPL-3.0-or-later"),
        Component("Python", f"{platform.python_version()} ({python_implementation})", "PSF-2.0"),
        Component("PyMuPDF", pymupdf.VersionBind, "AGPL-3.0"),
        Component("MuPDF", pymupdf.VersionFitz, "AGPL-3.0"),
        ocr_component(),
        Component("System", platform.platform(terse=True)),
    ]
