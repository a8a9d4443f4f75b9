"""What identifies a PDF for the annotation store: the SHA-256 of its bytes (so renaming or
moving the file keeps its annotations) and the trailer /ID (which links revised versions)."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the GUI process imports this module but never needs MuPDF itself
    import pymupdf

# A PDF string as MuPDF prints it: hex <...>, or literal (...) with backslash escapes (MuPDF
# picks the literal form for some byte strings, so a random /ID element can come either way).
_PDF_STRING_RE = re.compile(r"<([0-9A-Fa-f\s]*)>|\(((?:\\.|[^\\()])*)\)", re.DOTALL)
_ESCAPE_RE = re.compile(r"\\([0-7]{1,3}|.)", re.DOTALL)
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "\n": ""}


@dataclass(frozen=True)
class DocumentIdentity:
    sha256: str
    file_name: str
    pdf_id: tuple[str, str] | None = None


def file_sha256(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def pdf_trailer_id(document: pymupdf.Document) -> tuple[str, str] | None:
    """The two hex strings of the trailer's /ID, upper-case; None when absent or not a PDF.
    The first is meant to stay the same across revisions of a document."""
    if not document.is_pdf:
        return None
    kind, value = document.xref_get_key(-1, "ID")
    elements = [_string_hex(m) for m in _PDF_STRING_RE.finditer(value)] if kind == "array" else []
    if len(elements) != 2 or not elements[0]:
        return None
    return (elements[0], elements[1])


def _string_hex(match: re.Match[str]) -> str:
    hex_digits, literal = match.groups()
    if hex_digits is not None:
        return "".join(hex_digits.split()).upper()
    unescaped = _ESCAPE_RE.sub(_unescape, literal)
    return unescaped.encode("latin-1").hex().upper()


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] in "01234567":
        return chr(int(code, 8) & 0xFF)
    return _ESCAPES.get(code, code)


def identify_document(
    path: str | os.PathLike[str], document: pymupdf.Document | None = None
) -> DocumentIdentity:
    """Identity of the PDF at `path`; pass the open `document` to avoid opening it again."""
    sha256 = file_sha256(path)
    if document is not None:
        return DocumentIdentity(sha256, Path(path).name, pdf_trailer_id(document))
    import pymupdf

    with pymupdf.open(path) as opened:
        return DocumentIdentity(sha256, Path(path).name, pdf_trailer_id(opened))
