"""The bundled sample PDF: it carries every paragraph of the seed and the page furniture of a UN
Security Council document, and packaging/make_sample.py rebuilds it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from tests.packaging_scripts import load_packaging_script

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPT = REPO_ROOT / "packaging" / "make_sample.py"
SEED = REPO_ROOT.parent / "shared" / "seed" / "kfor-report-2020-q2-q3.md"
A4_POINTS = (595.28, 841.89)
FURNITURE_MARGIN = 60.0  # running header above, page label below: not body text
make_sample = load_packaging_script("make_sample")
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason=f"seed Markdown not found at {SEED}")


def normalise(text: str) -> str:
    """Collapse whitespace; a line broken after a hyphen ("non-\\nNATO") reads as one word."""
    text = re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()
    return re.sub(r"- (?=\S)", "-", text)


def strip_markdown(block: str) -> str:
    block = re.sub(r"^#{1,6}\s+", "", block)
    block = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", block)
    block = re.sub(r"\\(.)", r"\1", block)
    block = re.sub(r"\*\*(.+?)\*\*", r"\1", block)
    block = re.sub(r"\*(.+?)\*", r"\1", block)
    return normalise(block)


def seed_paragraphs(source: str) -> list[str]:
    """Each Markdown paragraph, heading and numbered item of the seed as a reader sees it."""
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", source):
        lines = [line for line in chunk.splitlines() if line.strip()]
        if not lines or re.fullmatch(r"-{3,}", lines[0].strip()):
            continue
        if re.match(r"\d+\.\s", lines[0]):
            paragraphs.extend(strip_markdown(line) for line in lines)
        else:
            paragraphs.append(strip_markdown(" ".join(lines)))
    return paragraphs


def body_lines(page: pymupdf.Page) -> list[str]:
    """The page's text lines top to bottom, without the running header and the page label."""
    height = page.rect.height
    lines = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            top, bottom = line["bbox"][1], line["bbox"][3]
            if top > FURNITURE_MARGIN and bottom < height - FURNITURE_MARGIN:
                text = "".join(span["text"] for span in line["spans"]).strip()
                lines.append((top, text))
    return [text for _top, text in sorted(lines) if text]


def furniture_text(page: pymupdf.Page, top: bool) -> str:
    height = page.rect.height
    band = (
        pymupdf.Rect(0, 0, page.rect.width, FURNITURE_MARGIN)
        if top
        else pymupdf.Rect(0, height - FURNITURE_MARGIN, page.rect.width, height)
    )
    return normalise(page.get_text(clip=band))


@pytest.fixture(scope="module")
def sample_doc(request):
    doc = pymupdf.open(REPO_ROOT / "resources" / "samples" / "kfor-report-2020-q2-q3.pdf")
    request.addfinalizer(doc.close)
    return doc


@pytest.fixture(scope="module")
def sample_text(sample_doc) -> str:
    return normalise(" ".join(page.get_text() for page in sample_doc))


@needs_seed
def test_every_seed_paragraph_is_in_the_pdf_text(sample_text):
    paragraphs = seed_paragraphs(SEED.read_text(encoding="utf-8"))
    assert len(paragraphs) >= 30, "the seed parser found too few paragraphs to prove anything"
    missing = [p for p in paragraphs if p not in sample_text]
    assert not missing, f"{len(missing)} seed paragraphs are not in the PDF, first: {missing[0]!r}"


def test_words_extract_without_ligature_glyphs(sample_doc, sample_text):
    assert not re.search("[\ufb00-\ufb06]", sample_text)
    # A viewer's search must find words with "fi", "ff" and "fl" in them.
    assert sample_doc[0].search_for("find") or sample_doc[1].search_for("find")
    assert any(page.search_for("effective") for page in sample_doc)


def test_every_page_is_a4(sample_doc):
    for page in sample_doc:
        assert page.rect.width == pytest.approx(A4_POINTS[0], abs=0.5)
        assert page.rect.height == pytest.approx(A4_POINTS[1], abs=0.5)


def test_first_page_has_the_security_council_header_block(sample_doc):
    page = sample_doc[0]
    assert normalise(page.get_text()).startswith(
        "United Nations Security Council Distr.: General 7 December 2020 Original: English"
    )
    organ = page.search_for("Security Council")[0]
    distribution = page.search_for("Distr.: General")[0]
    assert distribution.x0 > organ.x1, "the distribution lines stand to the right of the organ"
    assert organ.height > 1.5 * distribution.height, "the organ's name is set large"


@pytest.mark.parametrize("annex", ["Annex I", "Annex II"])
def test_each_annex_starts_a_new_page(sample_doc, annex):
    starts = [page.number for page in sample_doc if body_lines(page)[:1] == [annex]]
    assert len(starts) == 1, f"{annex!r} is not the first line of exactly one page"
    assert starts[0] > 0
    previous_page = normalise(sample_doc[starts[0] - 1].get_text())
    assert not re.search(rf"\b{annex}\b(?! I)", previous_page)


def test_every_page_carries_its_n_of_total_label(sample_doc):
    total = sample_doc.page_count
    assert total >= 3
    for page in sample_doc:
        assert furniture_text(page, top=False) == f"{page.number + 1}/{total}"


def test_later_pages_repeat_a_running_header_and_the_first_does_not(sample_doc):
    assert furniture_text(sample_doc[0], top=True) == ""
    headers = {furniture_text(page, top=True) for page in list(sample_doc)[1:]}
    assert len(headers) == 1
    assert "Security Council" in headers.pop()


def test_numbered_paragraphs_hang_their_number_in_the_margin(sample_doc):
    """Each number stands left of its paragraph, and every line of the paragraph starts at the
    same indent: the text block hangs, it does not wrap back under the number."""
    checked = 0
    for page in sample_doc:
        lines = [
            (line["bbox"], "".join(span["text"] for span in line["spans"]).strip())
            for block in page.get_text("dict")["blocks"]
            for line in block.get("lines", [])
        ]
        body = [(box, text) for box, text in lines if FURNITURE_MARGIN < box[1] < 780 and text]
        numbers = [box for box, text in body if re.fullmatch(r"\d+\.", text)]
        if not numbers:
            continue
        text_lines = [box for box, text in body if not re.fullmatch(r"\d+\.", text)]
        indent = min(box[0] for box in text_lines)
        for number in numbers:
            beside = [box for box in text_lines if abs(box[1] - number[1]) < 1.0]
            assert beside, "a number stands alone on its line"
            assert beside[0][0] - number[0] >= 28, "the text is not indented past the number"
            assert number[2] < indent
            checked += 1
    assert checked == 15  # paragraphs 1-7 and 1-8 of the two reports


def test_body_text_is_set_in_a_times_like_serif_at_10pt(sample_doc):
    spans = [
        span
        for block in sample_doc[2].get_text("dict")["blocks"]
        for line in block.get("lines", [])
        for span in line["spans"]
        if span["text"].strip()
    ]
    body = [span for span in spans if span["size"] == pytest.approx(10)]
    assert len(body) > 0.8 * len(spans)
    assert all("Roman" in span["font"] or "Times" in span["font"] for span in spans)


def test_no_document_symbol_is_invented(sample_text, sample_doc):
    assert not re.search(r"S/\d{4}/\d+", sample_text)
    assert not re.search(r"S/\d{4}/\d+", str(sample_doc.metadata))


def test_metadata_title_is_the_letter_title(sample_doc):
    assert sample_doc.metadata["title"] == (
        "Letter dated 3 December 2020 from the Secretary-General addressed to the President "
        "of the Security Council"
    )
    assert sample_doc.metadata["creationDate"] == ""


def test_outline_points_at_the_letter_annexes_and_enclosures(sample_doc):
    toc = sample_doc.get_toc()
    top_level = [(title, page) for level, title, page in toc if level == 1]
    assert [title for title, _ in top_level] == [
        "Letter dated 3 December 2020 from the Secretary-General addressed to the President "
        "of the Security Council",
        "Annex I",
        "Annex II",
    ]
    for title, page in top_level[1:]:
        assert body_lines(sample_doc[page - 1])[0] == title
    enclosures = [page for level, title, page in toc if title.startswith("Enclosure")]
    assert len(enclosures) == 2
    for page in enclosures:
        assert body_lines(sample_doc[page - 1])[0] == "Enclosure"


@needs_seed
def test_the_script_rebuilds_the_committed_pdf(tmp_path, sample_doc):
    output = tmp_path / "rebuilt.pdf"
    subprocess.run(
        [sys.executable, str(SCRIPT), str(SEED), "--output", str(output)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with pymupdf.open(output) as rebuilt:
        assert rebuilt.page_count == sample_doc.page_count
        for new_page, old_page in zip(rebuilt, sample_doc, strict=True):
            assert new_page.get_text() == old_page.get_text()
    # Byte equality with the committed file would tie the test to one PyMuPDF release; a second
    # build in the same environment must match the first to the byte.
    assert make_sample.build_pdf(SEED) == output.read_bytes(), "the build is not reproducible"


# The script's own Markdown reading, on small documents of the same family.

SMALL_SEED = """
## Security Council

Distr.: General\\
1 March 2021

Original: English

---

### Letter dated 1 March 2021 from the Secretary-General

I have the honour to transmit resolution [1244 \\(1999\\)](#) texts,
wrapped over two lines.

*(Signed)* A. Name

**Annex I**

Annex text with a *word* in italics.

## Enclosure

### Report title

#### First heading

1. First numbered paragraph about the office.
2. Second one.

## Annex II

Second annex text.
"""


def test_parser_gives_each_block_its_role():
    seed = make_sample.parse_seed(SMALL_SEED)
    assert seed.organ == "Security Council"
    assert seed.distribution == [["Distr.: General", "1 March 2021"], ["Original: English"]]
    assert seed.distribution_date == "1 March 2021"
    assert seed.title == "Letter dated 1 March 2021 from the Secretary-General"
    roles = [[block.kind for block in section.blocks] for section in seed.sections]
    assert roles == [
        ["letter_title", "paragraph", "signature"],
        ["annex", "paragraph"],
        ["enclosure", "report_title", "section_heading", "numbered", "numbered"],
        ["annex", "paragraph"],
    ]
    numbered = seed.sections[2].blocks[3]
    assert (numbered.number, make_sample.inline_text(numbered.markdown)) == (
        "1",
        "First numbered paragraph about the office.",
    )


def test_inline_markup_becomes_html_and_plain_text():
    paragraph = make_sample.parse_seed(SMALL_SEED).sections[0].blocks[1].markdown
    assert make_sample.inline_text(paragraph) == (
        "I have the honour to transmit resolution 1244 (1999) texts, wrapped over two lines."
    )
    two_space_break = make_sample.markdown_blocks("Distr.: General" + "  \n" + "1 March 2021")
    assert (
        make_sample.inline_html(two_space_break[0].markdown) == "Distr.: General<br/>1 March 2021"
    )
    assert make_sample.inline_html("Jens **Stoltenberg**") == "Jens <b>Stoltenberg</b>"
    assert make_sample.inline_html("*(Signed)* A & B") == "<i>(Signed)</i> A &amp; B"
    # "fi" and "ffi" are split so that the PDF's text says "office", not a ligature glyph.
    assert make_sample.inline_html("office") == "of<span>f</span><span>i</span>ce"


def test_small_seed_typesets_with_annexes_on_their_own_pages(tmp_path):
    seed_file = tmp_path / "small.md"
    seed_file.write_text(SMALL_SEED, encoding="utf-8")
    with pymupdf.open("pdf", make_sample.build_pdf(seed_file)) as doc:
        assert doc.page_count == 4
        assert [body_lines(page)[0] for page in list(doc)[1:]] == [
            "Annex I",
            "Enclosure",
            "Annex II",
        ]
        assert furniture_text(doc[3], top=True) == "Security Council, 1 March 2021"
        assert [entry[1] for entry in doc.get_toc()] == [
            "Letter dated 1 March 2021 from the Secretary-General",
            "Annex I",
            "Enclosure: Report title",
            "First heading",
            "Annex II",
        ]
