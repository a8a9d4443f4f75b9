"""HTML summaries: self-contained, escaped, and holding what the reader needs."""

from __future__ import annotations

import base64
import html
import re
from html.parser import HTMLParser

import pymupdf

from kfor_viewer.core.export.html import render_html
from kfor_viewer.core.export.summary import ExportOptions, build_summary
from tests.core.export.annotated_sample import SCRIPT_NOTE
from tests.core.export.summary_factories import make_annotation, make_annotations, make_result


class _Collector(HTMLParser):
    """Tags, attributes and text of a page, to check what a browser would see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def test_sample_html_holds_identity_figures_and_highlights(annotated_sample):
    page = render_html(annotated_sample.summary())
    text = " ".join(" ".join(_parse(page).text).split())
    assert "kfor report.pdf" in text
    assert annotated_sample.stored().sha256 in text
    assert re.search(r"Troops approx\. 3,600 approx\. 3,400 \u2212200", text)
    assert re.search(r"NATO nations 19 18 \u22121", text)
    for quote in ("remained approximately 3,600", "third security responder"):
        assert f"\u201c{quote}\u201d" in text
    assert "Troop strength, Q2." in text and "Page 5" in text
    assert re.search(r"troops \(2\)", text) and re.search(r"Untagged \(1\)", text)


def test_a_script_in_a_note_stays_text_also_in_attributes():
    stored = make_annotations()
    evil = '"><script>alert(1)</script>'
    hostile = make_annotation(
        7, 2, "x<img src=x onerror=alert(1)>", tags=(evil,), note=SCRIPT_NOTE, color="#123456"
    )
    stored.annotations[hostile.id] = hostile
    page = render_html(build_summary(make_result(), stored, ExportOptions(tags=(evil,))))
    parsed = _parse(page)
    assert [t for t, _ in parsed.tags].count("script") == 0
    assert not any(name == "img" for name, _ in parsed.tags)
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    assert SCRIPT_NOTE in "".join(parsed.text)
    assert html.escape(SCRIPT_NOTE) in page


def test_html_is_self_contained_and_printable(annotated_sample):
    page = render_html(annotated_sample.summary(ExportOptions(include_images=True)))
    parsed = _parse(page)
    sources = [attrs.get("src") or attrs.get("href") for _, attrs in parsed.tags]
    sources = [s for s in sources if s]
    pictures = [s for s in sources if s.startswith("data:image/png;base64,")]
    assert pictures and all(s in pictures or s.startswith("#") for s in sources)
    assert "@media print" in page and "<link" not in page and "<script" not in page
    assert "url(" not in page
    png = base64.b64decode(pictures[0].split(",", 1)[1])
    with pymupdf.open("png", png) as picture:
        assert picture[0].rect.width > 50  # a real picture of the passage


def test_corrected_cells_are_marked_with_the_extracted_value():
    from kfor_viewer.core.annotations import FieldCorrection

    correction = FieldCorrection("report:2", "troops_total", 3450, "edited", original=3400)
    page = render_html(build_summary(make_result(), make_annotations(correction)))
    assert '<b>approx. 3,450</b> <span class="badge edited">corrected</span>' in page
    assert '<s class="was">approx. 3,400</s>' in page
    assert "<h2>Field corrections</h2>" in page


def test_colour_swatch_uses_the_highlight_colour():
    page = render_html(build_summary(make_result(), make_annotations()))
    assert 'class="swatch" style="background-color:#8CE99A"' in page
    assert "border-left-color:#74C0FC" in page


def test_groups_are_listed_with_links_to_them():
    page = render_html(build_summary(make_result(), make_annotations()))
    assert '<a href="#group-3">troops\u00a0(2)</a>' in page
    assert '<h3 id="group-3" class="group-tag">troops' in page
