"""Property tests: whatever a user types, HTML keeps it as text and CSV keeps it inert."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from kfor_viewer.core.export.csv_export import render_csv
from kfor_viewer.core.export.html import html_body
from kfor_viewer.core.export.markdown import md_text
from kfor_viewer.core.export.summary import build_summary
from tests.core.export.summary_factories import make_annotation, make_annotations, make_result

_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
_hostile = st.sampled_from(["<script>", "</div>", '"', "'", "&amp;", "=", "+", "-", "@", "<!--"])
_notes = st.lists(_text | _hostile, min_size=1, max_size=4).map("".join)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text += data


def _summary_with(note: str, tag: str):
    stored = make_annotations()
    hostile = make_annotation(9, 4, note, tags=(tag,), note=note)
    stored.annotations[hostile.id] = hostile
    return build_summary(make_result(), stored)


@settings(max_examples=60, deadline=None)
@given(_notes, _notes.filter(lambda t: t.strip() != ""))
def test_html_shows_user_text_and_adds_no_elements(note, tag):
    baseline = _Elements()
    baseline.feed(html_body(_summary_with("plain", "plain")))
    parsed = _Elements()
    parsed.feed(html_body(_summary_with(note, tag)))
    assert sorted(parsed.tags) == sorted(baseline.tags)  # nothing the user typed became markup
    assert note.strip().split()[0] in parsed.text if note.strip() else True


@settings(max_examples=60, deadline=None)
@given(_notes, _notes.filter(lambda t: t.strip() != ""))
def test_csv_cells_never_start_a_formula(note, tag):
    text = render_csv(_summary_with(note, tag)).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:
        for column in ("quote", "tags", "note"):
            assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r"))
    [typed] = [row for row in rows if row["page"] == "4"]
    for column, value in (("quote", note), ("note", note), ("tags", tag)):
        assert typed[column] in (value, "'" + value)  # the text itself, at most quoted


@given(_notes)
def test_markdown_text_is_one_line_with_no_raw_markup(note):
    escaped = md_text(note)
    assert "\n" not in escaped
    assert "<" not in escaped.replace("\\<", "")
