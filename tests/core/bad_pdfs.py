"""Generated PDFs for the engine tests: good ones, and each kind of bad file a user meets."""

from __future__ import annotations

import os
from pathlib import Path

import pymupdf

PASSWORD = "kfor-2020"
# The text of each generated page; "EULEX" twice, once in lower case.
PAGE_TEXT = "Page {n}: KFOR, EULEX and the Kosovo police; eulex cooperation."


def text_pdf(path: Path, pages: int = 3, **save_options) -> Path:
    doc = pymupdf.open()
    for number in range(1, pages + 1):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 100), PAGE_TEXT.format(n=number), fontsize=11)
        page.insert_text((72, 130), "Safe and secure environment", fontsize=11)
    doc.set_toc([[1, "First page", 1], [2, "Last page", pages]])
    doc.set_metadata({"title": "Generated KFOR test report"})
    doc.save(path, **save_options)
    doc.close()
    return path


def encrypted_pdf(path: Path) -> Path:
    return text_pdf(
        path,
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        user_pw=PASSWORD,
        owner_pw=PASSWORD + "-owner",
    )


def encrypted_pdf_with_highlight(path: Path, page: int, text: str) -> Path:
    """An encrypted PDF (PASSWORD) with a PDF highlight annotation over the first `text` on
    0-based `page`, as another viewer would have saved it."""
    encrypted_pdf(path)
    with pymupdf.open(path) as document:
        assert document.authenticate(PASSWORD)
        target = document[page]
        target.add_highlight_annot(target.search_for(text)[0])
        document.saveIncr()
    return path


def raw_pdf(path: Path, objects: list[bytes], trailer: bytes = b"") -> Path:
    """A PDF written object by object with a correct xref table, for structures PyMuPDF will not
    create (an empty page tree, a cycle, certificate encryption)."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<</Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    path.write_bytes(bytes(out))
    return path


def zero_page_pdf(path: Path) -> Path:
    return raw_pdf(path, [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[]/Count 0>>"])


def page_tree_cycle_pdf(path: Path) -> Path:
    """Page 1 is fine; the page tree's second kid is the tree itself."""
    return raw_pdf(
        path,
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[3 0 R 2 0 R]/Count 2>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 400]>>",
        ],
    )


def certificate_encrypted_pdf(path: Path) -> Path:
    return raw_pdf(
        path,
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 400]>>",
            b"<</Filter/Adobe.PubSec/SubFilter/adbe.pkcs7.s5/V 4/R 4/Recipients[<00>]>>",
        ],
        trailer=b"/Encrypt 4 0 R /ID[<01><01>]",
    )


def not_a_pdf(path: Path) -> Path:
    path.write_text("Minutes of the meeting\n" * 50, encoding="utf-8")
    return path


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def garbage_pdf(path: Path) -> Path:
    """A PDF header followed by random bytes: MuPDF finds no objects."""
    path.write_bytes(b"%PDF-1.7\n" + os.urandom(4096).replace(b"obj", b"xxx"))
    return path


def truncated_pdf(path: Path, good: Path) -> Path:
    """The first 300 bytes of a good PDF: the header survives, the objects do not."""
    path.write_bytes(good.read_bytes()[:300])
    return path


def broken_image_pdf(path: Path) -> Path:
    """A page with a line of text and an image whose colour space has 40 components (MuPDF
    allows 32): "too many components in DeviceN colorspace"."""
    names = b" ".join(b"/C%d" % i for i in range(40))
    content = b"BT /F1 24 Tf 40 250 Td (Still readable) Tj ET q 200 0 0 100 50 50 cm /Im1 Do Q"
    image_data = bytes(160)
    return raw_pdf(
        path,
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 300]/Contents 4 0 R"
            b"/Resources<</XObject<</Im1 5 0 R>>"
            b"/Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>>>",
            b"<</Length %d>>stream\n" % len(content) + content + b"\nendstream",
            b"<</Type/XObject/Subtype/Image/Width 2/Height 2/BitsPerComponent 8"
            b"/ColorSpace[/DeviceN["
            + names
            + b"]/DeviceGray{pop}]/Length %d>>" % len(image_data)
            + b"stream\n"
            + image_data
            + b"\nendstream",
        ],
    )
