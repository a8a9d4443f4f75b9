"""The Summary model: identity, figures with changes and corrections, highlight grouping."""

from __future__ import annotations

import dataclasses
import datetime as dt

from kfor_viewer.core.annotations import FieldCorrection
from kfor_viewer.core.export.summary import UNTAGGED, ExportOptions, build_summary
from kfor_viewer.core.extraction.model import Field
from tests.core.export.summary_factories import (
    make_annotation,
    make_annotations,
    make_report,
    make_result,
)


def _quotes(group) -> list[str]:
    return [h.quote for h in group.highlights]


def test_identity_holds_symbol_title_date_file_and_hash():
    summary = build_summary(make_result(), make_annotations())
    document = summary.document
    assert document.symbol == "S/2020/1191"
    assert document.title == "Letter dated 3 December 2020"
    assert document.date == "7 December 2020"
    assert document.file_name == "S-2020-1191.pdf"
    assert document.sha256 == "0123456789abcdef" * 4
    assert document.page_count == 5


def test_figures_table_has_each_report_and_the_change_between_them():
    figures = build_summary(make_result(), make_annotations()).figures
    assert figures.report_names == ("Annex I", "Annex II")
    assert figures.change_names == ("Annex I \u2192 Annex II",)
    assert figures.report_periods[0] == "1 April 2020 \u2013 30 June 2020"
    troops = figures.row("troops_total")
    assert [c.text for c in troops.cells] == ["approx. 3,600", "approx. 3,400"]
    assert troops.changes == ("\u2212200",)
    nato = figures.row("nato_nations")
    assert [c.value for c in nato.cells] == [19, 18]
    assert nato.changes == ("\u22121",)
    assert figures.row("non_nato_nations").changes == ("0",)
    assert figures.row("as_at").changes == ("",)  # dates have no change column value


def test_an_edited_correction_replaces_the_value_is_marked_and_moves_the_change():
    correction = FieldCorrection("report:2", "troops_total", 3450, "edited", original=3400)
    summary = build_summary(make_result(), make_annotations(correction))
    cell = summary.figures.row("troops_total").cells[1]
    assert (cell.value, cell.text, cell.corrected) == (3450, "approx. 3,450", True)
    assert cell.original_text == "approx. 3,400"
    assert summary.figures.row("troops_total").changes == ("\u2212150",)
    [line] = summary.corrections
    assert (line.section_label, line.field_label, line.state) == ("Annex II", "Troops", "edited")
    assert (line.original_text, line.value_text) == ("3,400", "3,450")


def test_verified_and_document_corrections():
    verified = FieldCorrection("report:1", "nato_nations", 19, "verified", original=19)
    symbol = FieldCorrection("document", "symbol", "S/2020/1192", "edited", original="S/2020/1191")
    date = FieldCorrection("report:1", "period_end", "2020-06-29", "edited", original="2020-06-30")
    summary = build_summary(make_result(), make_annotations(verified, symbol, date))
    cell = summary.figures.row("nato_nations").cells[0]
    assert cell.state == "verified" and not cell.corrected and cell.text == "19"
    assert summary.document.symbol == "S/2020/1192"
    assert summary.figures.row("period_end").cells[0].text == "29 June 2020"
    assert [c.section_label for c in summary.corrections] == ["Document", "Annex I", "Annex I"]


def test_grouped_by_tag_a_highlight_appears_under_each_tag_and_untagged_last():
    summary = build_summary(make_result(), make_annotations())
    assert [g.title for g in summary.groups] == ["figures", "security", "troops", UNTAGGED]
    troops = summary.groups[2]
    assert _quotes(troops) == ["remained approximately 3,600", "remained approximately 3,400"]
    assert _quotes(summary.groups[3]) == ["third security responder"]
    assert len(summary.highlights) == 4  # each once in the flat list


def test_grouped_by_page_in_page_order():
    summary = build_summary(make_result(), make_annotations(), ExportOptions(group_by="page"))
    assert [g.title for g in summary.groups] == ["Page 3", "Page 5"]
    assert _quotes(summary.groups[1]) == [
        "remained approximately 3,400",
        "third security responder",
    ]


def test_page_order_within_a_group_follows_the_text_not_creation():
    stored = make_annotations()
    late_but_early = make_annotation(9, 1, "Security Council", tags=("troops",), start=0, end=16)
    stored.annotations[late_but_early.id] = late_but_early
    troops = build_summary(make_result(), stored).groups[2]
    assert _quotes(troops)[0] == "Security Council"


def test_tag_filter_keeps_only_those_tags_and_drops_untagged():
    summary = build_summary(make_result(), make_annotations(), ExportOptions(tags=("troops",)))
    assert [g.title for g in summary.groups] == ["troops"]
    assert [h.quote for h in summary.highlights] == [
        "remained approximately 3,600",
        "remained approximately 3,400",
    ]


def test_without_fields_there_is_no_figures_table():
    summary = build_summary(make_result(), make_annotations(), ExportOptions(include_fields=False))
    assert summary.figures is None


def test_images_are_asked_for_only_when_the_option_is_set():
    asked = []

    def crop(annotation):
        asked.append(annotation.id)
        return b"png"

    plain = build_summary(make_result(), make_annotations(), image_source=crop)
    assert not asked and all(h.image_png is None for h in plain.highlights)
    with_images = build_summary(
        make_result(), make_annotations(), ExportOptions(include_images=True), crop
    )
    assert len(asked) == 4 and all(h.image_png == b"png" for h in with_images.highlights)


def test_orphans_are_kept_and_marked_but_get_no_picture():
    stored = make_annotations()
    first = next(iter(stored.annotations.values()))
    stored.annotations[first.id] = dataclasses.replace(first, orphan=True)
    summary = build_summary(
        make_result(), stored, ExportOptions(include_images=True), lambda a: b"png"
    )
    orphan = next(h for h in summary.highlights if h.id == first.id)
    assert orphan.orphan and orphan.image_png is None


def test_a_document_without_reports_or_annotations_still_summarises():
    result = make_result()
    result.reports = []
    summary = build_summary(result, None)
    assert summary.figures is None and summary.groups == () and summary.highlights == ()


def test_a_stale_verification_is_not_shown_as_verified():
    stale = FieldCorrection("report:1", "troops_total", 3700, "verified", original=3700)
    cell = build_summary(make_result(), make_annotations(stale)).figures.row("troops_total")
    assert cell.cells[0].state is None and cell.cells[0].text == "approx. 3,600"


def test_three_reports_give_two_change_columns():
    result = make_result()
    result.reports.append(
        make_report("Annex III", dt.date(2020, 10, 1), dt.date(2020, 12, 31), 3500, 20)
    )
    figures = build_summary(result, make_annotations()).figures
    assert figures.change_names == ("Annex I \u2192 Annex II", "Annex II \u2192 Annex III")
    assert figures.row("troops_total").changes == ("\u2212200", "+100")
    assert figures.row("nato_nations").changes == ("\u22121", "+2")


def test_a_missing_figure_has_no_difference():
    result = make_result()
    result.reports[1].nato_nations = None
    row = build_summary(result, make_annotations()).figures.row("nato_nations")
    assert [c.text for c in row.cells] == ["19", "\u2014"] and row.changes == ("\u2014",)


def test_a_troop_qualifier_other_than_approximately_is_kept():
    result = make_result()
    result.reports[0].troops_qualifier = Field("some")
    result.reports[1].troops_approximate = Field(False)
    row = build_summary(result, make_annotations()).figures.row("troops_total")
    assert [c.text for c in row.cells] == ["some 3,600", "3,400"]
