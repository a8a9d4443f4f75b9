"""The summary as one self-contained HTML file: inline CSS with print styles, passage images as
data: URIs, no scripts and no external resources, so it can be mailed, archived and printed.

Every piece of user or document text goes through `escape` (quotes included, so it is safe in
attributes too); colours are checked to be '#RRGGBB' before they reach a style attribute.
`html_body` is shared with the typeset PDF summary, which lays it out with MuPDF's Story.
"""

from __future__ import annotations

import base64
import html
import struct

from kfor_viewer.core.export.summary import (
    CorrectionLine,
    FigureCell,
    FiguresTable,
    Highlight,
    HighlightGroup,
    Summary,
)
from kfor_viewer.core.export.values import display_time, safe_color

IMAGE_SCALE = 2.0  # passage images are rendered at twice their size in points
MAX_PICTURE_PT = 470  # the width of an A4 page's text column in the PDF summary


def escape(text: object) -> str:
    return html.escape(str(text), quote=True)


def render_html(summary: Summary) -> str:
    title = escape(summary.document.title)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{escape(summary.generator)}">\n'
        f"<title>{title} \u2014 summary</title>\n<style>\n{SCREEN_CSS}</style>\n</head>\n"
        f'<body>\n<main class="summary">\n{html_body(summary)}</main>\n</body>\n</html>\n'
    )


def html_body(summary: Summary, breaks_before: frozenset[str] = frozenset()) -> str:
    """The summary's content; `breaks_before` names highlight blocks (see `block_id`) that start
    a new page (the PDF
    layout moves a highlight whose picture would not fit at the foot of a page)."""
    parts = [_identity(summary)]
    if summary.figures is not None:
        parts.append(_figures(summary.figures))
    parts.append(_highlights(summary, breaks_before))
    if summary.corrections:
        parts.append(_corrections(summary.corrections))
    if summary.warnings:
        items = "".join(f"<li>{escape(w)}</li>" for w in summary.warnings)
        parts.append(f'<h2>Extraction warnings</h2>\n<ul class="warnings">{items}</ul>\n')
    parts.append(
        f'<p class="footer">Exported by {escape(summary.generator)} on '
        f"{escape(display_time(summary.generated))}.</p>\n"
    )
    return "".join(parts)


def _identity(summary: Summary) -> str:
    document = summary.document
    rows = [
        ("Symbol", escape(document.symbol) if document.symbol else "<i>not printed</i>"),
        ("Date", escape(document.date) if document.date else "<i>not stated</i>"),
        ("File", escape(document.file_name)),
        ("SHA-256", f'<code class="sha">{escape(document.sha256 or "unknown")}</code>'),
        ("Pages", str(document.page_count)),
    ]
    cells = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows)
    return (
        '<p class="kicker">KFOR report summary</p>\n'
        f"<h1>{escape(document.title)}</h1>\n"
        f'<table class="identity">{cells}</table>\n'
        + ("" if document.recognised else f'<p class="notice">{escape(document.message)}</p>\n')
    )


def _figures(figures: FiguresTable) -> str:
    head = "".join(f'<th class="num">{escape(name)}</th>' for name in figures.report_names)
    head += "".join(
        f'<th class="num change">Change<br><span class="period">{escape(n)}</span></th>'
        for n in figures.change_names
    )
    body = "".join(
        f"<tr><th>{escape(row.label)}</th>"
        + "".join(_cell(c) for c in row.cells)
        + "".join(f'<td class="num change">{escape(c)}</td>' for c in row.changes)
        + "</tr>"
        for row in figures.rows
    )
    legend = ""
    if any(c.state for row in figures.rows for c in row.cells):
        legend = (
            '<p class="legend"><span class="badge edited">corrected</span> value corrected by '
            'the reviewer (the extracted value struck through) \u00a0 <span class="badge '
            'verified">verified</span> value checked by the reviewer</p>\n'
        )
    return (
        "<h2>Key figures</h2>\n"
        f'<table class="figures"><thead><tr><th>Figure</th>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>\n{legend}"
    )


def _cell(cell: FigureCell) -> str:
    text = escape(cell.text)
    if cell.corrected:
        original = escape(cell.original_text or "")
        return (
            f'<td class="num corrected" title="extracted: {original}"><b>{text}</b> '
            f'<span class="badge edited">corrected</span><br><s class="was">{original}</s></td>'
        )
    if cell.state == "verified":
        return f'<td class="num">{text} <span class="badge verified">verified</span></td>'
    return f'<td class="num">{text}</td>'


def _highlights(summary: Summary, breaks_before: frozenset[str]) -> str:
    count = len(summary.highlights)
    grouping = "page" if summary.options.group_by == "page" else "tag"
    intro = f"{count} highlight{'s' if count != 1 else ''}, grouped by {grouping}"
    if summary.options.tags is not None:
        intro += "; tags: " + ", ".join(escape(t) for t in summary.options.tags)
    if not count:
        intro = "No highlights" + (" with the selected tags" if summary.options.tags else "")
    groups = "".join(_group(i, g, breaks_before) for i, g in enumerate(summary.groups, 1))
    return f'<h2>Highlights</h2>\n<p class="intro">{intro}.</p>\n{_contents(summary)}{groups}'


def _contents(summary: Summary) -> str:
    """Links to the groups, for a long list of highlights."""
    if len(summary.groups) < 2:
        return ""
    links = " \u00b7 ".join(
        f'<a href="#group-{i}">{escape(g.title)}\u00a0({len(g.highlights)})</a>'
        for i, g in enumerate(summary.groups, 1)
    )
    return f'<p class="contents">{links}</p>\n'


def block_id(group_number: int, index: int) -> str:
    """The HTML id of the `index`-th highlight block of group `group_number` (from 1): a
    highlight with several tags has one block under each."""
    return f"g{group_number}-{index}"


def _group(number: int, group: HighlightGroup, breaks_before: frozenset[str]) -> str:
    css = "group-tag" if group.kind == "tag" else "group-other"
    # A group whose first highlight must start a new page takes its heading along.
    heading_break = (
        ' style="page-break-before:always"' if block_id(number, 0) in breaks_before else ""
    )
    items = "".join(
        _highlight(h, block_id(number, i), i > 0 and block_id(number, i) in breaks_before)
        for i, h in enumerate(group.highlights)
    )
    return (
        f'<h3 id="group-{number}" class="{css}"{heading_break}>{escape(group.title)} '
        f'<span class="count">({len(group.highlights)})</span></h3>\n{items}'
    )


def _highlight(highlight: Highlight, element_id: str, break_before: bool = False) -> str:
    color = safe_color(highlight.color)
    tags = "".join(f' <span class="tag">{escape(t)}</span>' for t in highlight.tags)
    orphan = ' <span class="orphan">not found in this version</span>' if highlight.orphan else ""
    meta = (
        f'<p class="meta"><span class="swatch" style="background-color:{color}">'
        "\u00a0\u00a0\u00a0\u00a0</span> "
        f'<span class="page">Page {highlight.page}</span> '
        f'<span class="colour">{escape(highlight.color_name)}</span>{tags}{orphan}</p>'
    )
    quote = f'<blockquote class="quote">\u201c{escape(highlight.quote)}\u201d</blockquote>'
    note = ""
    if highlight.note.strip():
        lines = "<br>".join(escape(line) for line in highlight.note.splitlines())
        note = f'<p class="note"><b>Note:</b> {lines}</p>'
    page_break = "page-break-before:always;" if break_before else ""
    return (
        f'<div id="{element_id}" class="highlight" '
        f'style="{page_break}border-left-color:{color}">'
        f"{meta}{quote}{note}{_image(highlight)}</div>\n"
    )


def _image(highlight: Highlight) -> str:
    """The passage picture at its printed size, in points so that browsers (96 px to 72 pt)
    and the PDF layout (1 px = 1 pt) both show it as large as on the page."""
    if not highlight.image_png:
        return ""
    width = min(MAX_PICTURE_PT, round(png_width(highlight.image_png) / IMAGE_SCALE))
    data = base64.b64encode(highlight.image_png).decode("ascii")
    return (
        f'<p class="passage"><img src="data:image/png;base64,{data}" '
        f'style="width:{width}pt" alt="The passage as printed on page {highlight.page}"></p>'
    )


def png_width(png: bytes) -> int:
    """Pixel width from a PNG's IHDR chunk."""
    return struct.unpack(">I", png[16:20])[0] if png[:8] == b"\x89PNG\r\n\x1a\n" else 0


def _corrections(corrections: tuple[CorrectionLine, ...]) -> str:
    rows = "".join(
        f"<tr><td>{escape(c.section_label)}</td><td>{escape(c.field_label)}</td>"
        f'<td class="num">{escape(c.original_text)}</td>'
        f'<td class="num"><b>{escape(c.value_text if c.state == "edited" else c.original_text)}'
        f"</b></td><td>{_state_badge(c.state)}</td></tr>"
        for c in corrections
    )
    return (
        "<h2>Field corrections</h2>\n"
        '<p class="intro">Values the reviewer corrected or verified; the figures above use '
        "the corrected values.</p>\n"
        '<table class="corrections"><thead><tr><th>Section</th><th>Field</th><th>Extracted</th>'
        f"<th>Reviewer</th><th>Status</th></tr></thead><tbody>{rows}</tbody></table>\n"
    )


def _state_badge(state: str) -> str:
    if state == "edited":
        return '<span class="badge edited">corrected</span>'
    return '<span class="badge verified">verified</span>'


# Plain colours and pixel sizes, no CSS variables or rem: mail clients and simple HTML
# viewers ignore those.
SCREEN_CSS = """\
* { box-sizing: border-box; }
body { margin: 0; background: #f4f6f8; color: #1d232b;
  font: 15px/1.5 "Segoe UI", "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
main.summary { max-width: 780px; margin: 30px auto; padding: 38px 45px; background: #fff;
  border: 1px solid #d5dbe1; border-radius: 6px; }
.kicker { margin: 0; color: #1f4e79; font-size: 12px; font-weight: 600;
  letter-spacing: .08em; text-transform: uppercase; }
h1 { margin: 4px 0 19px; font-size: 23px; line-height: 1.25; }
h2 { margin: 33px 0 9px; padding-bottom: 4px; font-size: 18px; color: #1f4e79;
  border-bottom: 2px solid #1f4e79; }
h3 { margin: 24px 0 9px; font-size: 15px; }
h3 .count { color: #5b6673; font-weight: normal; }
h3.group-tag::before { content: "#"; color: #5b6673; margin-right: 2px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 9px; text-align: left; vertical-align: top;
  border-bottom: 1px solid #d5dbe1; }
table.identity { width: auto; }
table.identity th { color: #5b6673; font-weight: 600; padding-left: 0; }
code.sha { font: 12px/1.3 "SFMono-Regular", Consolas, "DejaVu Sans Mono", monospace;
  word-break: break-all; }
table.figures thead th { background: #eef2f6; border-bottom: 2px solid #d5dbe1; }
table.figures tbody tr:nth-child(even) { background: #f8fafb; }
.num { text-align: right; }
.change { background: #f3f6f9; font-weight: 600; }
.period { color: #5b6673; font-size: 12px; font-weight: normal; }
.badge { display: inline-block; padding: 0 5px; border-radius: 3px; font-size: 10px;
  font-weight: 600; text-transform: uppercase; letter-spacing: .04em; vertical-align: middle; }
.badge.edited { background: #fde2c8; color: #8a3b00; }
.badge.verified { background: #d8efdc; color: #1d5e2a; }
s.was { color: #5b6673; font-size: 12px; }
.legend, .intro, .footer { color: #5b6673; font-size: 13px; }
.contents { font-size: 13px; } .contents a { color: #1f4e79; text-decoration: none; }
.highlight { margin: 0 0 15px; padding: 8px 14px 9px; border-left: 5px solid #FFE066;
  background: #fbfbfa; page-break-inside: avoid; break-inside: avoid; }
.meta { margin: 0 0 4px; font-size: 12px; color: #5b6673; }
.swatch { display: inline-block; width: 14px; height: 14px; margin-right: 3px;
  border: 1px solid rgba(0,0,0,.25); border-radius: 2px; vertical-align: -2px; }
.page { color: #1d232b; font-weight: 600; }
.tag { display: inline-block; margin-left: 4px; padding: 0 7px; border-radius: 999px;
  background: #e4ebf2; color: #23415f; font-size: 11px; }
.orphan { color: #8a3b00; font-style: italic; }
blockquote.quote { margin: 3px 0 5px; font-family: Georgia, "Times New Roman", serif;
  font-size: 15px; }
.note { margin: 4px 0 0; font-size: 14px; }
.passage { margin: 8px 0 0; }
.passage img { max-width: 100%; height: auto; border: 1px solid #d5dbe1; }
ul.warnings, .notice { color: #8a3b00; }
.footer { margin-top: 38px; border-top: 1px solid #d5dbe1; padding-top: 9px; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { background: #fff; font-size: 10.5pt; }
  main.summary { max-width: none; margin: 0; padding: 0; border: 0; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  table.figures { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
