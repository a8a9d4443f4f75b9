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

_ID_ARRAY_RE = re.compile(r"\[\s*<([0-9A-Fa-f]*)>\s*<([0-9A-Fa-f]*)>\s*\]")


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
    match = _ID_ARRAY_RE.fullmatch(value.strip()) if kind == "array" else None
    if not match or not match.group(1):
        return None
    return (match.group(1).upper(), match.group(2).upper())


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
