"""Generated PDFs for the benchmarks: a short report, a 2,000-page report and 50 scanned pages.

Made once per machine into the temp folder (generating 2,000 pages takes a few seconds), and
shaped like the documents the viewer is for: A4, ~45 lines of running text per page, numbered
paragraphs, "EULEX" in some paragraphs, and image-only pages like a scanned letter.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pymupdf

CORPUS_DIR = Path(tempfile.gettempdir()) / "kfor-viewer-bench"
A4 = (595.0, 842.0)
_SENTENCES = [
    "KFOR continued to fulfil its mandate to maintain a safe and secure environment.",
    "The close coordination at the tactical level between KFOR, EULEX and the Kosovo police",
    "was effective, and freedom of movement was maintained throughout the reporting period.",
    "The security situation in the joint operations area remained calm but unpredictable.",
    "Patrols were conducted in the north and along the administrative boundary line.",
]
LINES_PER_PAGE = 45


def _line(page: int, line: int) -> str:
    text = _SENTENCES[(page * 7 + line) % len(_SENTENCES)]
    if line % 9 == 0:
        text = f"{page * 5 + line // 9 + 1}. {text}"
    return text


def _write_text_pages(doc: pymupdf.Document, pages: int) -> None:
    for number in range(pages):
        page = doc.new_page(width=A4[0], height=A4[1])
        lines = "\n".join(_line(number, line) for line in range(LINES_PER_PAGE))
        page.insert_text((72, 72), lines, fontsize=10, lineheight=1.4)
        page.insert_text((270, 810), f"{number + 1}/{pages}", fontsize=9)


def text_pdf(pages: int) -> Path:
    """`pages` pages of report text; cached by page count."""
    path = CORPUS_DIR / f"report-{pages}-pages.pdf"
    if not path.exists():
        CORPUS_DIR.mkdir(parents=True, exist_ok=True)
        doc = pymupdf.open()
        _write_text_pages(doc, pages)
        doc.save(path, garbage=1, deflate=True)
        doc.close()
    return path


def scanned_pdf(pages: int = 50, dpi: int = 200) -> Path:
    """Image-only pages: each a JPEG of a rendered text page, as a scanner would produce."""
    path = CORPUS_DIR / f"scanned-{pages}-pages.pdf"
    if path.exists():
        return path
    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    source = pymupdf.open()
    _write_text_pages(source, pages)
    scanned = pymupdf.open()
    for number in range(pages):
        image = source[number].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        page = scanned.new_page(width=A4[0], height=A4[1])
        page.insert_image(page.rect, stream=image.tobytes("jpeg", jpg_quality=80))
    scanned.save(path, garbage=1)
    return path


def page_count(path: Path) -> int:
    with pymupdf.open(path) as doc:
        return doc.page_count
