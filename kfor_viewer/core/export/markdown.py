"""The summary as CommonMark (with GitHub-style tables), readable as plain text too.

User and document text is backslash-escaped, so a note holding `<script>` or `*` stays text in any
Markdown renderer (CommonMark allows a backslash before every ASCII punctuation character).
"""

from __future__ import annotations

import re

from kfor_viewer.core.export.summary import (
    CorrectionLine,
    FigureCell,
    FiguresTable,
    Highlight,
    HighlightGroup,
    Summary,
)
from kfor_viewer.core.export.values import display_time

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!{}])")
EDITED_MARK = "\u270e"  # ✎
VERIFIED_MARK = "\u2713"  # ✓


def md_text(text: str) -> str:
    """One line of text safe in Markdown: specials escaped, line breaks folded to spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def render_markdown(summary: Summary) -> str:
    parts = [_identity(summary)]
    if summary.figures is not None:
        parts.append(_figures(summary.figures))
    parts.append(_highlights(summary))
    if summary.corrections:
        parts.append(_corrections(summary.corrections))
    if summary.warnings:
        parts.append(_warnings(summary.warnings))
    parts.append(
        f"---\n\n*Exported by {md_text(summary.generator)} on {display_time(summary.generated)}.*\n"
    )
    return "\n".join(parts)


def _identity(summary: Summary) -> str:
    document = summary.document
    facts = [
        ("Symbol", md_text(document.symbol) if document.symbol else "not printed"),
        ("Date", md_text(document.date or "not stated")),
        ("File", md_text(document.file_name)),
        ("SHA-256", f"`{document.sha256}`" if document.sha256 else "unknown"),
        ("Pages", str(document.page_count)),
    ]
    lines = "  \n".join(f"**{name}:** {value}" for name, value in facts)
    notice = "" if document.recognised else f"\n> {md_text(document.message)}\n"
    return f"# {md_text(document.title)}\n\n*KFOR report summary*\n\n{lines}\n{notice}"


def _figures(figures: FiguresTable) -> str:
    head = ["Figure"] + [md_text(name) for name in figures.report_names]
    head += [f"Change {md_text(name)}" for name in figures.change_names]
    lines = [
        "## Key figures\n",
        "| " + " | ".join(head) + " |",
        "|---" + "|--:" * (len(head) - 1) + "|",
    ]
    for row in figures.rows:
        cells = [md_text(row.label)] + [_cell(c) for c in row.cells]
        cells += [md_text(change) for change in row.changes]
        lines.append("| " + " | ".join(cells) + " |")
    states = {c.state for row in figures.rows for c in row.cells}
    legend = [
        f"{EDITED_MARK} corrected by the reviewer (the extracted value follows)"
        if "edited" in states
        else "",
        f"{VERIFIED_MARK} verified by the reviewer" if "verified" in states else "",
    ]
    if any(legend):
        lines.append("\n" + "; ".join(part for part in legend if part) + ".")
    return "\n".join(lines) + "\n"


def _cell(cell: FigureCell) -> str:
    text = md_text(cell.text)
    if cell.corrected:
        return f"**{text}** {EDITED_MARK} (extracted: {md_text(cell.original_text or '')})"
    if cell.state == "verified":
        return f"{text} {VERIFIED_MARK}"
    return text


def _highlights(summary: Summary) -> str:
    count = len(summary.highlights)
    if not count:
        return "## Highlights\n\nNo highlights" + (
            " with the selected tags.\n" if summary.options.tags is not None else ".\n"
        )
    grouping = "page" if summary.options.group_by == "page" else "tag"
    intro = f"{count} highlight{'s' if count != 1 else ''}, grouped by {grouping}"
    if summary.options.tags is not None:
        intro += "; tags: " + ", ".join(md_text(t) for t in summary.options.tags)
    return "\n".join([f"## Highlights\n\n{intro}.\n"] + [_group(g) for g in summary.groups])


def _group(group: HighlightGroup) -> str:
    count = len(group.highlights)
    title = md_text(group.title)
    return f"### {title} ({count})\n\n" + "\n".join(_highlight(h) for h in group.highlights)


def _highlight(highlight: Highlight) -> str:
    facts = [f"**Page {highlight.page}**", f"{highlight.color_name} ({highlight.color})"]
    if highlight.tags:
        facts.append("tags: " + ", ".join(f"*{md_text(t)}*" for t in highlight.tags))
    if highlight.orphan:
        facts.append("not found in this version of the document")
    lines = ["- " + " \u00b7 ".join(facts), "", f"  > {md_text(highlight.quote)}", ""]
    if highlight.note.strip():
        note = "  \n  ".join(md_text(line) for line in highlight.note.splitlines() if line.strip())
        lines += [f"  **Note:** {note}", ""]
    return "\n".join(lines)


def _corrections(corrections: tuple[CorrectionLine, ...]) -> str:
    lines = [
        "## Field corrections\n",
        "Values the reviewer corrected or verified; the summary above uses the corrected values.\n",
        "| Section | Field | Extracted | Reviewer | Status |",
        "|---|---|---|---|---|",
    ]
    for line in corrections:
        status = "corrected" if line.state == "edited" else "verified"
        reviewer = line.value_text if line.state == "edited" else line.original_text
        cells = [line.section_label, line.field_label, line.original_text, reviewer, status]
        lines.append("| " + " | ".join(md_text(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _warnings(warnings: tuple[str, ...]) -> str:
    return "## Extraction warnings\n\n" + "\n".join(f"- {md_text(w)}" for w in warnings) + "\n"
