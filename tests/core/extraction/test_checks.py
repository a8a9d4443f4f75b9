"""Consistency warnings and changes between reports, on typed reports built directly."""

from __future__ import annotations

import datetime as dt

from kfor_viewer.core.extraction import CoverLetter, Field, Report
from kfor_viewer.core.extraction.checks import (
    change_warnings,
    changes,
    cover_letter_warnings,
    report_warnings,
)


def _report(label="Annex I", start=(2020, 4, 1), end=(2020, 6, 30), as_at=None, **figures):
    report = Report(label=Field(label))
    report.period_start = Field(dt.date(*start))
    report.period_end = Field(dt.date(*end))
    if as_at:
        report.as_at = Field(dt.date(*as_at))
    for name, value in figures.items():
        setattr(report, name, Field(value))
    return report


def _codes(warnings):
    return [w.code for w in warnings]


def test_a_consistent_report_has_no_warning():
    report = _report(as_at=(2020, 5, 15), troops_total=3600, non_nato_troops=400)
    assert report_warnings(report, "Annex I") == []


def test_period_ending_before_it_starts():
    report = _report(start=(2020, 6, 30), end=(2020, 4, 1))
    assert _codes(report_warnings(report, "Annex I")) == ["period_end_before_start"]


def test_as_at_outside_the_period():
    (warning,) = report_warnings(_report(as_at=(2020, 7, 15)), "Annex I")
    assert warning.code == "as_at_outside_period"
    assert "2020-07-15" in warning.message and warning.report == "Annex I"


def test_non_nato_troops_above_total():
    report = _report(troops_total=1800, non_nato_troops=16250)
    assert _codes(report_warnings(report, "Annex I")) == ["non_nato_troops_above_total"]


def test_changes_between_consecutive_reports_and_implausible_jumps():
    reports = [
        _report("Annex I", troops_total=3600, nato_nations=19, non_nato_nations=8),
        _report("Annex II", troops_total=3400, nato_nations=18),
        _report("Annex III", troops_total=34000, nato_nations=28, non_nato_nations=8),
    ]
    found = changes(reports)
    assert [(c.from_report, c.to_report) for c in found] == [
        ("Annex I", "Annex II"),
        ("Annex II", "Annex III"),
    ]
    assert found[0].troops_total == {"from": 3600, "to": 3400, "difference": -200}
    assert found[0].non_nato_nations == {"from": 8, "to": None, "difference": None}
    assert _codes(change_warnings(found)) == [
        "implausible_troop_change",
        "implausible_nato_nations_change",
    ]


def test_cover_letter_period_against_the_reports():
    cover = CoverLetter(
        periods=[
            Field({"start": dt.date(2020, 4, 1), "end": dt.date(2020, 6, 30)}),
            Field({"start": dt.date(2020, 7, 1), "end": dt.date(2020, 9, 30)}),
        ]
    )
    same = [_report("Annex I"), _report("Annex II", start=(2020, 7, 1), end=(2020, 9, 30))]
    assert cover_letter_warnings(cover, same) == []
    other = [_report("Annex I"), _report("Annex II", start=(2020, 7, 1), end=(2020, 8, 31))]
    (warning,) = cover_letter_warnings(cover, other)
    assert (warning.code, warning.report) == ("cover_letter_period_mismatch", "Annex II")
