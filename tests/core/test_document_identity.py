"""A PDF is known by its bytes (renaming keeps its annotations) and linked to revisions by /ID."""

from __future__ import annotations

import shutil

import pymupdf

from kfor_viewer.core.document_identity import identify_document, pdf_trailer_id


def _pdf(path, text="hello"):
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), text)
    document.save(path)
    return path


def test_a_renamed_copy_has_the_same_identity_but_its_own_name(tmp_path):
    original = _pdf(tmp_path / "report.pdf")
    renamed = tmp_path / "renamed.pdf"
    shutil.copy(original, renamed)
    first, second = identify_document(original), identify_document(renamed)
    assert first.sha256 == second.sha256 and len(first.sha256) == 64
    assert (first.file_name, second.file_name) == ("report.pdf", "renamed.pdf")


def test_a_re_saved_revision_keeps_the_first_id_element(tmp_path):
    original = _pdf(tmp_path / "v1.pdf")
    document = pymupdf.open(original)
    document[0].insert_text((72, 200), "revised")
    document.save(tmp_path / "v2.pdf")
    v1, v2 = identify_document(original), identify_document(tmp_path / "v2.pdf")
    assert v1.sha256 != v2.sha256
    assert v1.pdf_id[0] == v2.pdf_id[0] and v1.pdf_id[1] != v2.pdf_id[1]


def test_a_pdf_without_an_id_has_none():
    document = pymupdf.open()
    document.new_page()
    assert pdf_trailer_id(document) is None  # never saved: no trailer /ID yet


class _TrailerWithId:
    """Stands in for a document whose trailer /ID MuPDF prints as `value`."""

    is_pdf = True

    def __init__(self, value):
        self.value = value

    def xref_get_key(self, _xref, _key):
        return "array", self.value


def test_an_id_element_printed_as_a_literal_string_is_read_as_its_bytes():
    # MuPDF prints some random ID strings in literal form, with octal and character escapes.
    value = r"[<0673C385C398C39B2E0DC38658C288C3>(5\2430jW\324a\310^*T\"hs\304@\(\n\\)]"
    first, second = pdf_trailer_id(_TrailerWithId(value))
    assert first == "0673C385C398C39B2E0DC38658C288C3"
    expected = b'5\xa30jW\xd4a\xc8^*T"hs\xc4@(\n\\'
    assert bytes.fromhex(second) == expected


def test_revisions_keep_their_link_however_the_id_is_printed(tmp_path):
    # About one save in thirty gets an /ID element printed in literal form: try enough of them.
    for attempt in range(60):
        original = _pdf(tmp_path / f"v1-{attempt}.pdf")
        with pymupdf.open(original) as document:
            document[0].insert_text((72, 200), "revised")
            document.save(tmp_path / f"v2-{attempt}.pdf")
        v1 = identify_document(original)
        v2 = identify_document(tmp_path / f"v2-{attempt}.pdf")
        assert v1.pdf_id is not None and v2.pdf_id is not None
        assert v1.pdf_id[0] == v2.pdf_id[0]
