"""Opening, words, search and outline over a pymupdf.Document (Qt-free); drawing is page_render's.

Only the worker process calls these: PyMuPDF is not thread-safe and a hostile file may crash or hang
MuPDF, so nothing here runs in the GUI process. Errors reach the user as DocumentError messages.
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from collections.abc import Iterator

import pymupdf
from pymupdf import mupdf

from kfor_viewer.core.pdf_types import (
    DocumentError,
    DocumentInfo,
    OutlineEntry,
    PasswordRequired,
    RenderKey,
    SearchHit,
    Word,
)

__all__ = [
    "DocumentError",
    "DocumentInfo",
    "OutlineEntry",
    "PasswordRequired",
    "RenderKey",
    "SearchHit",
    "TextSearcher",
    "Word",
    "describe_error",
    "document_info",
    "open_document",
    "page_words",
]

# Acrobat accepts the "%PDF-" header anywhere in the first 1024 bytes; so does MuPDF.
_HEADER_WINDOW = 1024
_MUPDF_CODE_PREFIX = re.compile(r"^code=\d+:\s*")
# The text extraction flags of page.search_for: hyphenated words joined, ligatures kept whole.
_SEARCH_FLAGS = (
    pymupdf.TEXT_DEHYPHENATE
    | pymupdf.TEXT_PRESERVE_WHITESPACE
    | pymupdf.TEXT_PRESERVE_LIGATURES
    | pymupdf.TEXT_MEDIABOX_CLIP
)
# A size of a missing or broken page's box, so the page still gets a place in the layout.
A4_POINTS = (595.0, 842.0)


def describe_error(exc: BaseException) -> str:
    """MuPDF's own reason for a failure: PyMuPDF often wraps it, keeping it in __cause__."""
    reasons: list[str] = []
    seen: BaseException | None = exc
    while seen is not None and len(reasons) < 4:
        text = _MUPDF_CODE_PREFIX.sub("", str(seen).strip())
        if text and text not in reasons:
            reasons.append(text)
        seen = seen.__cause__ or seen.__context__
    innermost = reasons[-1] if reasons else type(exc).__name__
    return innermost.rstrip(".")


def open_document(path: str, password: str | None = None) -> pymupdf.Document:
    """Open `path` as a PDF or raise DocumentError (PasswordRequired for encryption)."""
    _check_file(path)
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as exc:
        raise DocumentError(_open_failure_message(exc)) from exc
    try:
        _unlock(doc, password)
        if doc.page_count == 0:
            if doc.is_repaired:
                raise DocumentError("The PDF is damaged: no pages could be recovered")
            raise DocumentError("The PDF has no pages")
    except BaseException:
        doc.close()
        raise
    return doc


def _check_file(path: str) -> None:
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as stream:
            head = stream.read(_HEADER_WINDOW)
    except FileNotFoundError:
        raise DocumentError("The file does not exist") from None
    except IsADirectoryError:
        raise DocumentError("This is a folder, not a PDF file") from None
    except OSError as exc:
        raise DocumentError(f"The file cannot be read: {exc.strerror or exc}") from None
    if size == 0:
        raise DocumentError("The file is empty")
    if b"%PDF-" not in head:
        raise DocumentError("This file is not a PDF")


def _open_failure_message(exc: BaseException) -> str:
    reason = describe_error(exc)
    if "encryption handler" in reason:
        return "The PDF is encrypted with a certificate: not supported"
    return f"The PDF is damaged: {reason}"


def _unlock(doc: pymupdf.Document, password: str | None) -> None:
    if not doc.needs_pass:
        return
    if password is None:
        raise PasswordRequired(wrong_password=False)
    if not doc.authenticate(password):
        raise PasswordRequired(wrong_password=True)


def document_info(doc: pymupdf.Document, path: str) -> DocumentInfo:
    title = (doc.metadata or {}).get("title", "").strip() or os.path.basename(path)
    return DocumentInfo(
        path=path,
        page_count=doc.page_count,
        page_sizes=page_sizes(doc),
        title=title,
        outline=read_outline(doc),
        repaired=bool(doc.is_repaired),
    )


def page_sizes(doc: pymupdf.Document) -> tuple[tuple[float, float], ...]:
    """Every page's (width, height) with rotation applied.

    Goes through MuPDF directly: `doc[i].rect` builds a Python Page per page, 5x slower on 2,000
    pages. A page that fails to load (e.g. a cycle in the page tree) gets its neighbour's size and
    fails again, with its reason, when it is rendered.
    """
    sizes: list[tuple[float, float]] = []
    fallback = A4_POINTS
    for number in range(doc.page_count):
        try:
            bounds = mupdf.fz_bound_page(mupdf.fz_load_page(doc.this, number))
            size = (bounds.x1 - bounds.x0, bounds.y1 - bounds.y0)
        except Exception:
            size = fallback
        if size[0] <= 0 or size[1] <= 0:
            size = fallback
        sizes.append(size)
        fallback = size
    return tuple(sizes)


def read_outline(doc: pymupdf.Document) -> tuple[OutlineEntry, ...]:
    try:
        toc = doc.get_toc(simple=True)
    except Exception:
        return ()  # a broken outline must not stop the document from opening
    # get_toc numbers pages from 1 and gives -1 (or 0) to entries that point nowhere.
    return tuple(
        OutlineEntry(level=int(level), title=str(title), page=max(int(page) - 1, -1))
        for level, title, page in toc
    )


def load_page(doc: pymupdf.Document, number: int) -> pymupdf.Page:
    if not 0 <= number < doc.page_count:
        raise DocumentError(f"There is no page {number + 1}")
    try:
        return doc.load_page(number)
    except Exception as exc:
        raise DocumentError(f"Page {number + 1} cannot be read: {describe_error(exc)}") from exc


def page_words(doc: pymupdf.Document, number: int) -> tuple[Word, ...]:
    page = load_page(doc, number)
    try:
        raw = page.get_text("words", sort=False)
    except Exception as exc:
        raise DocumentError(
            f"The text of page {number + 1} cannot be read: {describe_error(exc)}"
        ) from exc
    return tuple(
        Word(number, x0, y0, x1, y1, text, block, line, index)
        for index, (x0, y0, x1, y1, text, block, line, _word) in enumerate(raw)
    )


def _normalise(text: str) -> str:
    """Text as MuPDF's search sees it: hyphenated line ends joined, white space collapsed."""
    return " ".join(text.replace("-\n", "").split())


class TextSearcher:
    """Searches a document page by page and remembers what it read.

    Each page's text is kept (a few KB a page), so a later search skips, by a string test, the
    pages that cannot contain the query and asks MuPDF only about the others; the hits of the last
    few queries are kept too, so repeating a search (Enter in the find bar) costs no MuPDF work.
    """

    REMEMBERED_QUERIES = 8

    def __init__(self, doc: pymupdf.Document) -> None:
        self._doc = doc
        self._texts: dict[int, tuple[str, str]] = {}  # page -> (text, casefolded text)
        self._hits: OrderedDict[str, dict[int, list[SearchHit]]] = OrderedDict()

    def page_text(self, number: int) -> str:
        return self._text(number)[0]

    def _text(self, number: int) -> tuple[str, str]:
        texts = self._texts.get(number)
        if texts is None:
            self._read_page(number)
            texts = self._texts[number]
        return texts

    def _read_page(self, number: int) -> pymupdf.TextPage | None:
        """Extract the page's text once (MuPDF's costly step) and keep the plain text."""
        try:
            textpage = load_page(self._doc, number).get_textpage(flags=_SEARCH_FLAGS)
            text = _normalise(textpage.extractText())
        except Exception:
            textpage, text = None, ""  # an unreadable page has no hits; rendering says why
        self._texts[number] = (text, text.casefold())
        return textpage

    def search_page(self, number: int, query: str, case_sensitive: bool = False) -> list[SearchHit]:
        needle = " ".join(query.split())
        if not needle:
            return []
        hits = self._caseless_hits(number, needle)
        if case_sensitive and hits:
            hits = _keep_exact_case(hits, self._text(number)[0], needle)
        return hits

    def _caseless_hits(self, number: int, needle: str) -> list[SearchHit]:
        folded_needle = needle.casefold()
        remembered = self._hits.get(folded_needle)
        if remembered is None:
            remembered = self._hits[folded_needle] = {}
            while len(self._hits) > self.REMEMBERED_QUERIES:
                self._hits.popitem(last=False)
        else:
            self._hits.move_to_end(folded_needle)
        hits = remembered.get(number)
        if hits is None:
            hits = remembered[number] = self._find(number, needle)
        return hits

    def _find(self, number: int, needle: str) -> list[SearchHit]:
        textpage = None if number in self._texts else self._read_page(number)
        folded = self._texts[number][1]
        count = folded.count(needle.casefold())
        if count == 0:
            return []
        if textpage is not None:  # just extracted for the text: search it while we have it
            quads = textpage.search(needle, quads=True)
            if len(quads) == count:  # one line piece per hit: no hit spans lines
                return [SearchHit(number, (tuple(quad.rect),)) for quad in quads]
        # MuPDF's own search: one more text extraction, and it groups the pieces of each hit.
        return _mupdf_hits(self._doc, number, needle)

    def search(self, query: str, case_sensitive: bool = False) -> Iterator[list[SearchHit]]:
        """The hits of each page in page order (an empty list for a page without hits)."""
        for number in range(self._doc.page_count):
            yield self.search_page(number, query, case_sensitive)


def _mupdf_hits(doc: pymupdf.Document, number: int, needle: str) -> list[SearchHit]:
    try:
        quads = mupdf.fz_search_page2(doc.this, number, needle, 10_000)
    except Exception:
        return []  # a page whose text cannot be read has no hits; rendering reports it
    grouped: dict[int, list[tuple[float, float, float, float]]] = {}
    for found in quads:
        quad = found.quad
        xs = (quad.ul.x, quad.ur.x, quad.ll.x, quad.lr.x)
        ys = (quad.ul.y, quad.ur.y, quad.ll.y, quad.lr.y)
        grouped.setdefault(found.mark, []).append((min(xs), min(ys), max(xs), max(ys)))
    return [SearchHit(number, tuple(rects)) for _mark, rects in sorted(grouped.items())]


def _keep_exact_case(hits: list[SearchHit], text: str, needle: str) -> list[SearchHit]:
    """MuPDF matches without case: keep the hits whose text matches `needle` exactly.

    The n-th caseless match in the page text is MuPDF's n-th hit (both walk the same text in the
    same order); if the counts disagree we cannot pair them and keep all hits rather than lose one.
    """
    folded, folded_needle = text.casefold(), needle.casefold()
    starts = [m.start() for m in re.finditer(re.escape(folded_needle), folded)]
    if len(starts) != len(hits) or len(folded) != len(text):
        return hits
    return [
        hit for hit, at in zip(hits, starts, strict=True) if text[at : at + len(needle)] == needle
    ]
