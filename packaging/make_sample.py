"""Typeset the seed Markdown of a KFOR Security Council document into the bundled sample PDF.

Usage: python3 packaging/make_sample.py [SEED.md] [--output PDF]

The layout follows a UN Security Council document: an A4 page, the header block on the first page,
the Secretary-General's letter, each annex on a new page, numbered paragraphs with hanging
indents, a running header on later pages and "n/N" page labels. Only facts the seed states are
printed (the seed gives no document symbol, so none appears). The output is byte-for-byte
reproducible: the PDF carries no dates and no file identifier.
"""

from __future__ import annotations

import argparse
import html
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEED = REPO_ROOT.parent / "shared" / "seed" / "kfor-report-2020-q2-q3.md"
DEFAULT_OUTPUT = REPO_ROOT / "resources" / "samples" / "kfor-report-2020-q2-q3.pdf"

PAGE = pymupdf.paper_rect("a4")
MARGIN_X = 70.9  # 2.5 cm, as in UN documents
MARGIN_TOP = 68.0
MARGIN_BOTTOM = 72.0
BODY_RECT = pymupdf.Rect(MARGIN_X, MARGIN_TOP, PAGE.width - MARGIN_X, PAGE.height - MARGIN_BOTTOM)
# Every document of the family opens its header block with the organisation's name; the seed's
# Markdown leaves that line blank, so it is set here.
ORGANISATION = "United Nations"

# ---------------------------------------------------------------------------------------------
# Markdown parsing: the small subset the seed uses (headings, paragraphs, hard line breaks,
# numbered items, a thematic break, emphasis, links and backslash escapes).

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
NUMBERED_RE = re.compile(r"^(\d+)\.\s+(.*)$")
RULE_RE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
DATE_RE = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")


@dataclass
class Block:
    """One typeset unit; `kind` says which role it plays in the document."""

    kind: str
    markdown: str
    number: str = ""


@dataclass
class Section:
    """A run of blocks that starts on a new page: the letter, each annex, each enclosure."""

    blocks: list[Block] = field(default_factory=list)


@dataclass
class SeedDocument:
    """The seed split into the first-page header block and the page-starting sections."""

    organ: str
    distribution: list[list[str]]  # paragraphs of lines: "Distr.: General", the date, ...
    sections: list[Section]

    @property
    def distribution_date(self) -> str:
        lines = (line for paragraph in self.distribution for line in paragraph)
        return next((line for line in lines if DATE_RE.match(line)), "")

    @property
    def title(self) -> str:
        blocks = (b for section in self.sections for b in section.blocks)
        first = next((b for b in blocks if b.kind == "letter_title"), None)
        return inline_text(first.markdown) if first else ""

    @property
    def report_title(self) -> str:
        blocks = (b for section in self.sections for b in section.blocks)
        first = next((b for b in blocks if b.kind == "report_title"), None)
        return inline_text(first.markdown) if first else ""


def markdown_blocks(source: str) -> list[Block]:
    """Split Markdown into raw blocks: headings, rules, numbered items and paragraphs."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", source.replace("\r\n", "\n")):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if NUMBERED_RE.match(lines[0].strip()):
            blocks.extend(_numbered_items(lines))
        elif heading := HEADING_RE.match(lines[0].strip()):
            blocks.append(Block("heading", heading.group(2)))
        elif RULE_RE.match(lines[0].strip()):
            blocks.append(Block("rule", ""))
        else:
            blocks.append(Block("paragraph", _join_lines(lines)))
    return blocks


def _numbered_items(lines: list[str]) -> list[Block]:
    items: list[Block] = []
    for line in lines:
        match = NUMBERED_RE.match(line.strip())
        if match:
            items.append(Block("numbered", match.group(2), number=match.group(1)))
        elif items:  # a lazy continuation line belongs to the item above
            items[-1].markdown += " " + line.strip()
    return items


def _join_lines(lines: list[str]) -> str:
    """Join soft-wrapped lines; a line ending in two spaces or a backslash is a hard break."""
    parts = []
    for line in lines[:-1]:
        hard = line.endswith("  ") or line.endswith("\\")
        parts.append(line.rstrip(" \\") + ("\n" if hard else " "))
    parts.append(lines[-1].strip())
    return "".join(parts).strip()


def inline_html(markdown: str) -> str:
    """Markdown inline markup to HTML; links keep their text only (the seed's targets are '#')."""
    text = re.sub(r"\[((?:\\.|[^\]])*)\]\([^)]*\)", r"\1", markdown)
    placeholders: list[str] = []

    def protect(match: re.Match[str]) -> str:
        placeholders.append(match.group(1))
        return f"\x00{len(placeholders) - 1}\x00"

    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", protect, text)
    text = _break_ligatures(html.escape(text, quote=False))
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"(?<![*\w])\*(.+?)\*(?![*\w])", r"<i>\1</i>", text)
    text = text.replace("\n", "<br/>")
    return re.sub(r"\x00(\d+)\x00", lambda m: html.escape(placeholders[int(m.group(1))]), text)


def _break_ligatures(text: str) -> str:
    """Keep "fi", "fl", "ff" as separate glyphs: MuPDF's layout would set ligature glyphs that
    extract as U+FB01 etc., so a search for "find" in the PDF would miss the word. A span
    boundary is enough to stop it, and adds nothing to the text."""
    return re.sub(r"(?<=f)([fil])", r"<span>\1</span>", text)


def inline_text(markdown: str) -> str:
    """The plain text a reader sees for a piece of inline Markdown."""
    return html.unescape(re.sub(r"<[^>]+>", "", inline_html(markdown).replace("<br/>", " ")))


def parse_seed(source: str) -> SeedDocument:
    """Give each raw block its role: header block, letter, annexes, enclosures and reports."""
    blocks = markdown_blocks(source)
    rule_at = next((i for i, b in enumerate(blocks) if b.kind == "rule"), -1)
    front, body = blocks[: rule_at + 1], blocks[rule_at + 1 :]
    organ = next((inline_text(b.markdown) for b in front if b.kind == "heading"), "")
    distribution = [inline_text_lines(b.markdown) for b in front if b.kind == "paragraph"]
    return SeedDocument(organ, distribution, _sections(body))


def inline_text_lines(markdown: str) -> list[str]:
    return [inline_text(part).strip() for part in markdown.split("\n")]


def _sections(body: list[Block]) -> list[Section]:
    sections = [Section()]
    state = "letter"
    for block in body:
        plain = inline_text(block.markdown)
        if block.kind in ("heading", "paragraph") and re.fullmatch(r"Annex(?: [IVXLC\d]+)?", plain):
            sections.append(Section())
            block, state = Block("annex", block.markdown), "annex"
        elif block.kind == "heading" and plain == "Enclosure":
            sections.append(Section())
            block, state = Block("enclosure", block.markdown), "enclosure"
        elif block.kind == "heading":
            block = Block(_heading_role(state), block.markdown)
            state = {"letter": "letter_body", "enclosure": "report"}.get(state, state)
        elif block.kind == "paragraph" and plain.startswith("(Signed)"):
            block = Block("signature", block.markdown)
        sections[-1].blocks.append(block)
    return [s for s in sections if s.blocks]


def _heading_role(state: str) -> str:
    return {"letter": "letter_title", "enclosure": "report_title"}.get(state, "section_heading")


# ---------------------------------------------------------------------------------------------
# Typesetting with PyMuPDF's Story.

CSS = """
body { font-family: Times; font-size: 10pt; line-height: 12pt; margin: 0; }
p { margin: 0 0 6pt 0; text-align: justify; }
.organisation { font-size: 10pt; margin: 0; padding: 0 0 3pt 0; text-align: left;
                border-bottom: 0.75pt solid black; }
.header { width: 100%; border-bottom: 3pt solid black; margin: 0 0 24pt 0; border-spacing: 0; }
.organ { font-size: 24pt; font-weight: bold; line-height: 28pt; padding: 14pt 0 10pt 0;
         vertical-align: bottom; }
.distribution { width: 150pt; padding: 12pt 0 10pt 0; vertical-align: bottom; }
.distribution p { margin: 0 0 10pt 0; text-align: left; }
.distribution p.last { margin: 0; }
h1, h2, h3, h4 { font-weight: bold; font-size: 10pt; line-height: 12pt; margin: 0; }
.letter-title { font-size: 12pt; line-height: 14pt; margin: 6pt 36pt 12pt 36pt; text-align: left; }
.body-text { margin-left: 36pt; }
.signature { text-align: right; margin: 12pt 0 12pt 0; }
.annex { font-size: 12pt; line-height: 14pt; margin: 0 0 12pt 36pt; }
.enclosure { margin: 18pt 0 12pt 36pt; }
.report-title { font-size: 12pt; line-height: 14pt; margin: 0 36pt 12pt 36pt; }
.section-heading { margin: 6pt 0 6pt 36pt; }
.numbered { width: 100%; border-collapse: collapse; margin: 0 0 6pt 0; }
.number { width: 36pt; padding: 0; text-align: left; }
.numbered-text { padding: 0; text-align: justify; }
"""

# Role -> (HTML tag, CSS class, outline level; 0 = not in the outline on its own).
ROLE_MARKUP = {
    "letter_title": ("h1", "letter-title", 1),
    "annex": ("h1", "annex", 1),
    "enclosure": ("h2", "enclosure", 2),
    "report_title": ("h3", "report-title", 0),
    "section_heading": ("h4", "section-heading", 3),
}


@dataclass
class OutlineEntry:
    level: int
    title: str
    page: int
    top: float


def header_block_html(seed: SeedDocument) -> str:
    paragraphs = ["<br/>".join(html.escape(line) for line in lines) for lines in seed.distribution]
    distribution = "".join(
        f'<p class="{"last" if n == len(paragraphs) - 1 else "line"}">{text}</p>'
        for n, text in enumerate(paragraphs)
    )
    return (
        f'<p class="organisation">{html.escape(ORGANISATION)}</p>'
        f'<table class="header"><tr><td class="organ">{html.escape(seed.organ)}</td>'
        f'<td class="distribution">{distribution}</td></tr></table>'
    )


def block_html(block: Block, element_id: str) -> str:
    content = inline_html(block.markdown)
    if block.kind in ROLE_MARKUP:
        tag, css_class, _level = ROLE_MARKUP[block.kind]
        return f'<{tag} id="{element_id}" class="{css_class}">{content}</{tag}>'
    if block.kind == "numbered":
        return (
            f'<table class="numbered"><tr><td class="number">{block.number}.</td>'
            f'<td class="numbered-text">{content}</td></tr></table>'
        )
    if block.kind == "signature":
        return f'<p class="signature">{content}</p>'
    if block.kind == "rule":
        return ""
    return f'<p class="body-text">{content}</p>'


def section_html(seed: SeedDocument, index: int) -> tuple[str, dict[str, tuple[int, str]]]:
    """The HTML of one section, and the outline level and title behind element ids."""
    blocks = seed.sections[index].blocks
    parts = [header_block_html(seed)] if index == 0 else []
    anchors: dict[str, tuple[int, str]] = {}
    for position, block in enumerate(blocks):
        element_id = f"s{index}b{position}"
        level = ROLE_MARKUP.get(block.kind, ("", "", 0))[2]
        if level:
            anchors[element_id] = (level, outline_title(block, blocks))
        parts.append(block_html(block, element_id))
    return "".join(parts), anchors


def outline_title(block: Block, section: list[Block]) -> str:
    """An enclosure is listed under the title of the report it holds."""
    text = inline_text(block.markdown)
    if block.kind != "enclosure":
        return text
    report = next((b for b in section if b.kind == "report_title"), None)
    return f"{text}: {inline_text(report.markdown)}" if report else text


def write_section(
    writer: pymupdf.DocumentWriter, markup: str, first_page: int
) -> tuple[int, list[tuple[str, int, float]]]:
    """Lay one section out on as many new pages as it needs; return the page count and where
    each element with an id landed (id, page, top)."""
    story = pymupdf.Story(html=markup, user_css=CSS)
    landed: list[tuple[str, int, float]] = []
    pages, more = 0, True
    while more:
        device = writer.begin_page(PAGE)
        more, _filled = story.place(BODY_RECT)
        page_number = first_page + pages

        def record(position) -> None:
            if position.id and position.open_close & 1:
                landed.append((position.id, position.page_number, position.rect[1]))

        story.element_positions(record, {"page_number": page_number})
        story.draw(device)
        writer.end_page()
        pages += 1
    return pages, landed


def typeset(seed: SeedDocument) -> tuple[bytes, list[OutlineEntry]]:
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    outline: list[OutlineEntry] = []
    page_count = 0
    for index in range(len(seed.sections)):
        markup, anchors = section_html(seed, index)
        pages, landed = write_section(writer, markup, page_count)
        for element_id, page, top in landed:
            if element_id in anchors:
                level, title = anchors[element_id]
                outline.append(OutlineEntry(level, title, page, top))
        page_count += pages
    writer.close()
    return buffer.getvalue(), outline


# ---------------------------------------------------------------------------------------------
# Page furniture, outline and metadata, added to the laid-out pages.

FURNITURE_BOLD = "Times-Bold"  # a base-14 font: nothing to embed


def add_page_furniture(doc: pymupdf.Document, seed: SeedDocument) -> None:
    total = doc.page_count
    running = f"{seed.organ}, {seed.distribution_date}" if seed.distribution_date else seed.organ
    for page in doc:
        outer_right = page.number % 2 == 0  # printed pages 1, 3, 5 are right-hand pages
        if page.number > 0:
            _text_at_outer_edge(page, running, 44.0, FURNITURE_BOLD, 9, outer_right)
            page.draw_line((MARGIN_X, 50), (PAGE.width - MARGIN_X, 50), width=0.5)
        label = f"{page.number + 1}/{total}"
        _text_at_outer_edge(page, label, PAGE.height - 40, FURNITURE_BOLD, 8, outer_right)


def _text_at_outer_edge(
    page: pymupdf.Page, text: str, baseline: float, font: str, size: float, right: bool
) -> None:
    width = pymupdf.get_text_length(text, fontname=font, fontsize=size)
    x = PAGE.width - MARGIN_X - width if right else MARGIN_X
    page.insert_text((x, baseline), text, fontname=font, fontsize=size)


def nested_toc(outline: list[OutlineEntry]) -> list[list]:
    """PyMuPDF's table of contents: levels must rise one step at a time."""
    toc: list[list] = []
    previous = 0
    for entry in sorted(outline, key=lambda e: (e.page, e.top)):
        level = min(entry.level, previous + 1)
        toc.append(
            [
                level,
                entry.title,
                entry.page + 1,
                {"kind": pymupdf.LINK_GOTO, "to": pymupdf.Point(0, entry.top), "page": entry.page},
            ]
        )
        previous = level
    return toc


def finish(raw_pdf: bytes, seed: SeedDocument, outline: list[OutlineEntry]) -> bytes:
    doc = pymupdf.open("pdf", raw_pdf)
    add_page_furniture(doc, seed)
    doc.set_toc(nested_toc(outline))
    doc.set_metadata(
        {
            "title": seed.title,
            "subject": seed.report_title,
            "creator": "kfor-viewer packaging/make_sample.py",
            "producer": "PyMuPDF",
            "creationDate": "",
            "modDate": "",
        }
    )
    doc.set_pagemode("UseOutlines")
    doc.set_language("en")  # the seed's "Original: English"; screen readers pick the voice
    doc.subset_fonts()  # a third of the size; the subset tags repeat on every run (checked)
    output = doc.tobytes(garbage=4, deflate=True, no_new_id=True)
    doc.close()
    return output


def build_pdf(seed_path: Path) -> bytes:
    """The finished PDF; ValueError when the seed holds no letter or annex to typeset."""
    seed = parse_seed(seed_path.read_text(encoding="utf-8"))
    if not seed.sections:
        raise ValueError(f"{seed_path} has nothing after its header block to typeset")
    raw_pdf, outline = typeset(seed)
    return finish(raw_pdf, seed, outline)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", nargs="?", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--output", "-o", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if not args.seed.is_file():
        print(f"make_sample: no seed file at {args.seed}", file=sys.stderr)
        return 2
    try:
        pdf = build_pdf(args.seed)
    except (ValueError, UnicodeDecodeError) as error:
        print(f"make_sample: {error}", file=sys.stderr)
        return 2
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(pdf)
    print(f"wrote {args.output} ({len(pdf)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
