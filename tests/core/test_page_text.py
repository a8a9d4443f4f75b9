"""Reading-order text: furniture left out, paragraphs rejoined across lines, pages and hyphens,
and every span of the text mapped back to its page, rects and quote."""

from __future__ import annotations

import itertools

import pymupdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kfor_viewer.core.page_text import read_document_text
from tests.core.synthetic_pdf import Block, Furniture, heading, make_pdf, para

LONG = (
    "KFOR continued to conduct routine framework operations across the KFOR area of operations, "
    "while maintaining a proactive and flexible force posture in the whole of Kosovo. "
)


@pytest.fixture
def un_document(tmp_path):
    """Three pages with the family's furniture, a paragraph broken across a page and words
    hyphenated at line ends."""
    blocks = [
        Block("Letter dated 1 March 2021 from the Secretary-General", "heading"),
        para(
            "During the reporting period the situation remained calm but fragile owing to "
            "unresolved political issues and the stalled normal~ization of relations between "
            "Belgrade and Pristina, a matter of long-standing concern to all of the parties.",
            "1.",
        ),
        heading("Summary"),
        para(LONG * 4, "2."),
        para(LONG * 2 + "The inter~ethnic situation remained tense.", "3."),
    ]
    furniture = Furniture(
        symbol="S/2021/228", job_number="21-04137 (E)  150321  160321", barcode="*2104137*"
    )
    path = make_pdf(tmp_path / "un.pdf", blocks, furniture, max_lines_per_page=7)
    return pymupdf.open(path)


def test_furniture_is_kept_out_of_the_text(un_document):
    doc_text = read_document_text(un_document)
    assert un_document.page_count >= 3
    for furniture in ("S/2021/228", "21-04137", "*2104137*", "2/", "3/"):
        assert furniture not in doc_text.text
    kinds = {line.furniture for line in doc_text.furniture()}
    assert kinds == {"symbol", "page_label", "job_number", "barcode"}
    (job,) = [ln for ln in doc_text.furniture("job_number") if ln.page_index == 0]
    assert job.text == "21-04137 (E) 150321 160321"


def test_paragraphs_rejoin_across_lines_pages_and_hyphens(un_document):
    doc_text = read_document_text(un_document)
    paragraphs = [doc_text.text[p.start : p.end] for p in doc_text.paragraphs]
    assert paragraphs[0] == "Letter dated 1 March 2021 from the Secretary-General"
    assert paragraphs[1].startswith("1. During the reporting period")
    assert "the stalled normalization of relations" in paragraphs[1]
    assert paragraphs[2] == "Summary"
    assert paragraphs[3] == "2. " + (LONG * 4).strip()
    assert paragraphs[4].endswith("The inter-ethnic situation remained tense.")
    assert len(paragraphs) == 5
    pages_of_second = {
        ev.page
        for ev in doc_text.evidence(doc_text.paragraphs[3].start, doc_text.paragraphs[3].end)
    }
    assert len(pages_of_second) >= 2  # the paragraph really crosses a page break


def test_evidence_of_a_span_across_a_page_break(un_document):
    doc_text = read_document_text(un_document)
    paragraph = doc_text.paragraphs[3]
    evidence = doc_text.evidence(paragraph.start, paragraph.end)
    assert [e.page for e in evidence] == sorted(e.page for e in evidence)
    assert " ".join(e.quote for e in evidence) == doc_text.text[paragraph.start : paragraph.end]
    for item in evidence:
        page = un_document[item.page - 1]
        covered = " ".join(
            w[4]
            for w in page.get_text("words")
            if any(
                r[0] <= (w[0] + w[2]) / 2 <= r[2] and r[1] <= (w[1] + w[3]) / 2 <= r[3]
                for r in item.rects
            )
        )
        assert covered == item.quote


def test_hyphenated_word_maps_to_both_halves(un_document):
    doc_text = read_document_text(un_document)
    start = doc_text.text.index("normalization")
    (evidence,) = doc_text.evidence(start, start + len("normalization"))
    assert evidence.quote == "normalization"
    assert len(evidence.rects) == 2  # "normal-" at a line end, "ization" on the next line
    assert evidence.rects[0][1] < evidence.rects[1][1]


def test_partial_word_rect_is_narrower(un_document):
    doc_text = read_document_text(un_document)
    start = doc_text.text.index("Secretary-General")
    (whole,) = doc_text.evidence(start, start + len("Secretary-General"))
    (part,) = doc_text.evidence(start, start + len("Secretary"))
    assert part.quote == "Secretary"
    assert part.rects[0][0] == whole.rects[0][0]
    assert part.rects[0][2] < whole.rects[0][2]


def test_find_ignores_line_breaks_and_hyphenation(un_document):
    doc_text = read_document_text(un_document)
    span = doc_text.find_span("the stalled normal-\nization   of relations")
    assert span is not None
    assert doc_text.text[span[0] : span[1]] == "the stalled normalization of relations"
    assert doc_text.find("not in the text at all") == -1


def test_numbered_paragraphs_without_spacing_still_split(tmp_path):
    blocks = [
        Block(text, "para", number, space_before=0)
        for number, text in (("1.", "First paragraph ends here."), ("2.", "Second paragraph."))
    ]
    doc_text = read_document_text(pymupdf.open(make_pdf(tmp_path / "n.pdf", blocks)))
    assert doc_text.text == "1. First paragraph ends here.\n2. Second paragraph."


def test_header_columns_stay_separate(tmp_path):
    path = make_pdf(
        tmp_path / "h.pdf",
        [para("Body text.")],
        header_block=[("Security Council", "Distr.: General"), ("", "7 December 2020")],
    )
    doc_text = read_document_text(pymupdf.open(path))
    assert doc_text.text.split("\n")[:3] == [
        "Security Council",
        "Distr.: General",
        "7 December 2020",
    ]


def test_empty_page_gives_empty_text():
    document = pymupdf.open()
    document.new_page()
    doc_text = read_document_text(document)
    assert doc_text.text == ""
    assert doc_text.evidence(0, 10) == []
    assert doc_text.ocr_unavailable_pages == []


def test_page_ranges_and_paragraph_lookup(un_document):
    doc_text = read_document_text(un_document)
    ranges = [doc_text.page_range(i) for i in range(un_document.page_count)]
    assert ranges[0][0] == 0 and ranges[-1][1] == len(doc_text.text)
    for (_, end), (start, _) in itertools.pairwise(ranges):
        assert end < start
    for index, (start, end) in enumerate(ranges):
        assert doc_text.page_of(start) == doc_text.page_of(end - 1) == index
    offset = doc_text.text.index("Summary")
    paragraph = doc_text.paragraph_at(offset)
    assert doc_text.text[paragraph.start : paragraph.end] == "Summary"
    assert doc_text.paragraph_at(paragraph.end) is None  # the "\n" between paragraphs


def test_a_damaged_page_is_left_out_and_reported(tmp_path):
    from tests.core.bad_pdfs import page_tree_cycle_pdf

    document = pymupdf.open(page_tree_cycle_pdf(tmp_path / "cycle.pdf"))
    doc_text = read_document_text(document)
    assert doc_text.unreadable_pages == [1]
    assert "cycle" in doc_text.page_errors[1]
    assert doc_text.page_count == document.page_count


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_span_maps_to_its_quotes_in_order(un_document, data):
    doc_text = _cached_text(un_document)
    start = data.draw(st.integers(0, len(doc_text.text) - 1))
    end = data.draw(st.integers(start + 1, min(len(doc_text.text), start + 400)))
    evidence = doc_text.evidence(start, end)
    span = doc_text.text[start:end]
    assert [e.page for e in evidence] == sorted({e.page for e in evidence})
    joined = " ".join(e.quote for e in evidence)
    assert " ".join(joined.split()) in " ".join(span.split())
    for item in evidence:
        assert item.quote.strip() and item.rects
        assert all(r[0] <= r[2] and r[1] < r[3] for r in item.rects)


_TEXTS: dict[int, object] = {}


def _cached_text(document):
    """The document's text read once for all the examples of a property test."""
    key = id(document)
    if key not in _TEXTS:
        _TEXTS.clear()
        _TEXTS[key] = read_document_text(document)
    return _TEXTS[key]
