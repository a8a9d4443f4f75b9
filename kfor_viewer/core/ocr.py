"""OCR of pages with no text layer (scans), through PyMuPDF and Tesseract.

`ocr_available()` says whether Tesseract's language data can be found: $TESSDATA_PREFIX when
it names a folder holding `eng.traineddata`, else the folder `tesseract --list-langs` reports,
else the usual install folders. The answer is computed once per process.
`ocr_words(page)` returns the page's words in the tuple format of `page.get_text("words")`.
"""

from __future__ import annotations

import functools
import glob
import os
import re
import shutil
import subprocess
from pathlib import Path

import pymupdf

OCR_LANGUAGE = "eng"
OCR_DPI = 300
_COMMON_TESSDATA_GLOBS = (
    "/usr/share/tesseract-ocr/*/tessdata",
    "/usr/share/tesseract-ocr/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
    "C:/Program Files/Tesseract-OCR/tessdata",
)


def _has_language(folder: str | os.PathLike[str]) -> bool:
    return (Path(folder) / f"{OCR_LANGUAGE}.traineddata").is_file()


def _tessdata_from_tesseract() -> str | None:
    executable = shutil.which("tesseract")
    if executable is None:
        return None
    try:
        completed = subprocess.run(
            [executable, "--list-langs"], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    # Tesseract 4 prints the listing on stderr, Tesseract 5 on stdout.
    found = re.search(r'languages in "([^"]+)"', completed.stdout + completed.stderr)
    return found.group(1) if found and _has_language(found.group(1)) else None


@functools.cache
def tessdata_dir() -> str | None:
    """The folder of Tesseract's language data with English in it, or None."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    if prefix:
        for candidate in (prefix, os.path.join(prefix, "tessdata")):
            if _has_language(candidate):
                return candidate
    from_tesseract = _tessdata_from_tesseract()
    if from_tesseract:
        return from_tesseract
    for pattern in _COMMON_TESSDATA_GLOBS:
        for folder in sorted(glob.glob(pattern), reverse=True):
            if _has_language(folder):
                return folder
    return None


def ocr_available() -> bool:
    return tessdata_dir() is not None


def page_needs_ocr(page: pymupdf.Page) -> bool:
    """A page with no text but with an image (a scan) needs OCR to be read."""
    return bool(page.get_images(full=False))


def ocr_words(page: pymupdf.Page, flags: int) -> list[tuple]:
    """The page's words read by Tesseract; an empty list when OCR fails on this page."""
    tessdata = tessdata_dir()
    if tessdata is None:
        return []
    try:
        textpage = page.get_textpage_ocr(
            flags=flags, language=OCR_LANGUAGE, dpi=OCR_DPI, full=True, tessdata=tessdata
        )
    except (RuntimeError, ValueError, OSError):
        return []
    words = page.get_text("words", flags=flags, textpage=textpage)
    return [(*w[:4], _fix_digits(w[4]), *w[5:]) for w in words]


def _fix_digits(text: str) -> str:
    """Tesseract reads a lone "1" as "|" ("from | April"): in a token of digits it is a 1."""
    return text.replace("|", "1") if re.fullmatch(r"[|\d.,]+", text) else text
