"""The fields panel's rows: formatting for people, corrections, warnings, the text copy."""

from __future__ import annotations

import dataclasses

import pytest

from kfor_viewer.core.annotations import FieldCorrection
from kfor_viewer.core.extraction import Field, Warning, extract
from kfor_viewer.ui import fields_model as fm


@pytest.fixture(scope="module")
def sample_result():
    from tests.conftest import SAMPLE_PDF

    return extract(SAMPLE_PDF)


def _row(sections, section, name):
    return next(r for s in sections for r in s.rows if (r.section, r.name) == (section, name))


def test_the_sample_gives_one_section_per_report_and_the_change(sample_result):
    sections = fm.build_sections(sample_result, {})
    titles = [s.title for s in sections]
    assert titles == [
        "Document",
        "Cover letter",
        "Annex I — 1 Apr – 30 Jun 2020",
        "Annex II — 1 Jul – 30 Sep 2020",
        "Change between reports",
    ]
    assert _row(sections, "report:1", "troops_total").text == "≈ 3,600"
    assert _row(sections, "report:2", "troops_total").text == "≈ 3,400"
    assert _row(sections, "report:1", "troops_total").key_figure
    assert _row(sections, "report:2", "nato_nations").text == "18"
    symbol = _row(sections, "document", "symbol")
    assert (symbol.text, symbol.stated) == ("not stated", False)
    changes = {row.label: row.text for row in sections[-1].rows}
    assert changes["Troops"] == "3,600 → 3,400 (−200)"
    assert changes["NATO nations"] == "19 → 18 (−1)"
    assert changes["Non-NATO nations"] == "8 → 8 (no change)"


def test_an_edit_overrides_the_value_and_flows_into_heading_and_changes(sample_result):
    corrections = {
        ("report:2", "troops_total"): FieldCorrection(
            "report:2", "troops_total", 3500, "edited", original=3400
        ),
        ("report:1", "period_start"): FieldCorrection(
            "report:1", "period_start", "2020-03-01", "edited", original="2020-04-01"
        ),
    }
    sections = fm.build_sections(sample_result, corrections)
    troops = _row(sections, "report:2", "troops_total")
    assert (troops.text, troops.state, troops.original_text) == ("≈ 3,500", "edited", "≈ 3,400")
    assert troops.extracted == 3400
    assert sections[2].title == "Annex I — 1 Mar – 30 Jun 2020"
    assert sections[-1].rows[0].text == "3,600 → 3,500 (−100)"


def test_a_verification_holds_only_while_the_extractor_gives_the_same_value(sample_result):
    def verified(value):
        correction = FieldCorrection("report:1", "nato_nations", value, "verified", value)
        return fm.build_sections(sample_result, {correction.key: correction})

    assert _row(verified(19), "report:1", "nato_nations").state == "verified"
    assert _row(verified(20), "report:1", "nato_nations").state == "extracted"


def test_warnings_go_to_the_field_they_are_about(sample_result):
    result = dataclasses.replace(
        sample_result,
        warnings=[
            Warning("as_at_outside_period", "Annex II: the 'as at' date is outside.", "Annex II"),
            Warning("something_new", "Annex I: odd.", "Annex I"),
            Warning("ocr_unavailable", "Pages 3 have no text layer."),
        ],
    )
    sections = fm.build_sections(result, {})
    assert _row(sections, "report:2", "as_at").warnings == [
        "Annex II: the 'as at' date is outside."
    ]
    assert sections[2].warnings == ["Annex I: odd."]
    assert sections[0].warnings == ["Pages 3 have no text layer."]


def test_a_document_without_kfor_structure_shows_its_generic_fields(sample_result):
    generic = dataclasses.replace(
        sample_result.generic, title=Field("Annual budget"), page_count=4, dates=[]
    )
    result = dataclasses.replace(
        sample_result, recognised=False, reports=[], cover_letter=None, generic=generic
    )
    (section,) = fm.build_sections(result, {})
    assert section.warnings == [fm.NOT_RECOGNISED]
    rows = {row.label: row for row in section.rows}
    assert rows["Title"].text == "Annual budget"
    assert rows["Pages"].text == "4"
    assert rows["Dates"].text == "none named"
    assert not any(row.correctable for row in section.rows)


def test_the_panel_as_text_is_aligned_and_marks_corrections(sample_result):
    correction = FieldCorrection("report:1", "troops_total", 3650, "edited", original=3600)
    text = fm.sections_text(fm.build_sections(sample_result, {correction.key: correction}))
    lines = text.splitlines()
    assert "Annex I — 1 Apr – 30 Jun 2020" in lines
    troops = next(line for line in lines if "3,650" in line)
    assert troops.split() == ["Troops", "≈", "3,650", "[edited;", "extracted:", "≈", "3,600]"]
    nato = next(line for line in lines if line.strip().startswith("NATO nations"))
    assert nato.index("19") == troops.index("≈")  # values start in one column
    assert "3,650 → 3,400 (−250)" in text  # the change uses the corrected figure


def test_a_correction_of_the_wrong_type_cannot_break_the_panel(sample_result):
    odd = FieldCorrection("report:2", "troops_total", "about 3400", "edited", original=3400)
    sections = fm.build_sections(sample_result, {odd.key: odd})
    assert _row(sections, "report:2", "troops_total").text == "about 3400"
    assert sections[-1].rows[0].text == "not stated"


def test_a_list_is_reviewed_as_a_whole_and_an_edit_keeps_the_evidence_it_can(sample_result):
    organisations = _row(fm.build_sections(sample_result, {}), "report:1", "organisations")
    assert organisations.correctable and organisations.text == str(len(organisations.value))
    named = organisations.value
    verified = FieldCorrection("report:1", "organisations", list(named), "verified")
    sections = fm.build_sections(sample_result, {verified.key: verified})
    assert _row(sections, "report:1", "organisations").state == "verified"

    edited_list = [named[2], "Kosovo Security Force"]  # one kept, one added, the rest removed
    edit = FieldCorrection("report:1", "organisations", edited_list, "edited", original=named)
    row = _row(fm.build_sections(sample_result, {edit.key: edit}), "report:1", "organisations")
    assert (row.text, row.original_text, row.state) == ("2", str(len(named)), "edited")
    assert [item.text for item in row.children] == edited_list
    kept, added = row.children
    assert kept.evidence and not added.evidence  # the document names only the first
    assert fm.edit_text(row) == "\n".join(edited_list)


def test_a_list_edited_to_nothing_reads_none_named(sample_result):
    edit = FieldCorrection("report:1", "people", [], "edited", original=None)
    row = _row(fm.build_sections(sample_result, {edit.key: edit}), "report:1", "people")
    assert (row.text, row.stated, row.children) == ("none named", False, [])


def test_events_are_edited_one_a_line_as_date_and_text(sample_result):
    events = _row(fm.build_sections(sample_result, {}), "report:2", "events")
    first = events.value[0]
    assert first["date"] == "2020-09-04"  # stored as JSON, like every correction
    assert fm.edit_text(events).splitlines()[0].startswith("4 September 2020: On 4 September")
