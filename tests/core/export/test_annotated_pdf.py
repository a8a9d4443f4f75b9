"""The annotated copy: standard highlight annotations over the right words, with comments."""

from __future__ import annotations

import hashlib

import pymupdf

from kfor_viewer.core.export import ExportOptions, export_file
from kfor_viewer.core.export.annotated_pdf import AUTHOR, highlight_comment
from kfor_viewer.core.export.values import color_rgb
from tests.core.export.annotated_sample import HIGHLIGHTS, SCRIPT_NOTE


def _text_under(page: pymupdf.Page, annot: pymupdf.Annot) -> str:
    """The characters whose centre lies inside one of the annotation's quads, as a reader
    copying the highlighted text would get them."""
    points = annot.vertices
    rects = [pymupdf.Quad(points[i : i + 4]).rect for i in range(0, len(points), 4)]
    chars = []
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            line_chars = [
                c["c"]
                for span in line["spans"]
                for c in span["chars"]
                if any(r.contains(_centre(c["bbox"])) for r in rects)
            ]
            chars.append("".join(line_chars))
    return " ".join(" ".join(chars).split())


def _centre(box) -> pymupdf.Point:
    return pymupdf.Point((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def _export(sample, tmp_path, options=None):
    out = tmp_path / "annotated.pdf"
    options = options or ExportOptions()
    outcome = export_file(sample.pdf, "annotated-pdf", out, options, sample.data_dir)
    return out, outcome


def test_each_highlight_becomes_a_pdf_highlight_over_its_words(annotated_sample, tmp_path):
    before = hashlib.sha256(annotated_sample.pdf.read_bytes()).hexdigest()
    out, outcome = _export(annotated_sample, tmp_path)
    assert outcome.highlights == len(HIGHLIGHTS) and outcome.skipped == 0
    with pymupdf.open(out) as document:
        found = {}
        for page in document:
            for annot in page.annots(types=[pymupdf.PDF_ANNOT_HIGHLIGHT]):
                found[_text_under(page, annot)] = (
                    page.number + 1,
                    annot.type[1],
                    annot.colors["stroke"],
                    annot.info,
                )
        assert set(found) == {quote for quote, *_ in HIGHLIGHTS}
        for quote, page_number, tags, note, color in HIGHLIGHTS:
            page, kind, stroke, info = found[quote]
            assert (page, kind) == (page_number, "Highlight")
            assert [round(c, 3) for c in stroke] == [round(c, 3) for c in color_rgb(color)]
            assert info["title"] == AUTHOR
            if tags:
                assert info["content"].startswith("Tags: " + ", ".join(tags))
            assert note.strip() in info["content"]
    assert hashlib.sha256(annotated_sample.pdf.read_bytes()).hexdigest() == before


def test_multi_line_highlight_has_one_quad_per_line(annotated_sample, tmp_path):
    out, _ = _export(annotated_sample, tmp_path)
    with pymupdf.open(out) as document:
        page = document[4]
        annot = next(
            a
            for a in page.annots()
            if _text_under(page, a).startswith("remained approximately 3,400")
        )
        assert len(annot.vertices) == 8  # two lines, four points each


def test_comment_text_and_the_store_ids_survive(annotated_sample, tmp_path):
    out, _ = _export(annotated_sample, tmp_path)
    ids = {a.id for a in annotated_sample.annotations}
    with pymupdf.open(out) as document:
        names = set()
        for page in document:
            for annot in page.annots():
                _kind, value = document.xref_get_key(annot.xref, "NM")
                names.add(value)
                if annot.info["content"].startswith("Tags: security"):
                    assert annot.info["content"] == f"Tags: security\n\n{SCRIPT_NOTE}"
    assert names == ids


def test_tag_filter_applies_to_the_annotated_copy(annotated_sample, tmp_path):
    out, outcome = _export(annotated_sample, tmp_path, ExportOptions(tags=("politics",)))
    with pymupdf.open(out) as document:
        annots = [a for page in document for a in page.annots()]
    assert outcome.highlights == 1 and len(annots) == 1


def test_comment_of_an_untagged_highlight_is_its_note(annotated_sample):
    summary = annotated_sample.summary()
    untagged = next(h for h in summary.highlights if not h.tags)
    assert highlight_comment(untagged) == "=SUM(A1:A9)"


def test_a_highlight_imported_from_the_pdf_is_updated_not_doubled(tmp_path, sample_pdf):
    from kfor_viewer.core.anchoring import import_pdf_highlights
    from kfor_viewer.core.annotation_store import AnnotationStore
    from kfor_viewer.core.document_identity import identify_document
    from kfor_viewer.core.page_text import read_document_text

    marked = tmp_path / "marked.pdf"
    with pymupdf.open(sample_pdf) as document:
        page = document[2]
        page.add_highlight_annot(quads=page.search_for("third security responder", quads=True))
        document.save(marked)
    data = tmp_path / "data"
    with pymupdf.open(marked) as document:
        [imported] = import_pdf_highlights(document, read_document_text(document))
        store = AnnotationStore.open(identify_document(marked, document), data)
    store.add(imported)
    store.update(imported.id, tags=("role",), note="KFOR is the third responder.")
    store.save()
    out = tmp_path / "annotated.pdf"
    export_file(marked, "annotated-pdf", out, data_dir=data)
    with pymupdf.open(out) as document:
        annots = [(a.info["content"], a.info["title"]) for a in document[2].annots()]
    assert annots == [("Tags: role\n\nKFOR is the third responder.", AUTHOR)]
