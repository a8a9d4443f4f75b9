"""Consistency checks between extracted fields, and the changes from one report to the next.

Both travel with the result: a reader sees at once a period that ends before it starts, an "as at"
date outside the period, more non-NATO troops than troops, a jump between consecutive reports
too large to be real, or a covering letter that announces other periods than the reports state.
"""

from __future__ import annotations

from kfor_viewer.core.extraction.model import Change, CoverLetter, Field, Report, Warning

# A force does not lose or gain this share of its troops between two consecutive reports, nor
# this many contributing nations, without the figure being a misreading or a misprint.
IMPLAUSIBLE_TROOP_CHANGE = 0.4
IMPLAUSIBLE_NATION_CHANGE = 6


def _value(field: Field | None):
    return field.value if field is not None else None


def report_name(report: Report, index: int) -> str:
    return str(_value(report.label) or f"Report {index + 1}")


def report_warnings(report: Report, name: str) -> list[Warning]:
    warnings = []
    start, end = _value(report.period_start), _value(report.period_end)
    as_at = _value(report.as_at)
    if start and end and end < start:
        warnings.append(
            Warning(
                "period_end_before_start",
                f"{name}: the period ends ({end}) before it starts ({start}).",
                name,
            )
        )
    if as_at and start and end and not start <= as_at <= end:
        warnings.append(
            Warning(
                "as_at_outside_period",
                f"{name}: the 'as at' date {as_at} lies outside the period {start} to {end}.",
                name,
            )
        )
    total, non_nato = _value(report.troops_total), _value(report.non_nato_troops)
    if total is not None and non_nato is not None and non_nato > total:
        warnings.append(
            Warning(
                "non_nato_troops_above_total",
                f"{name}: {non_nato} non-NATO troops exceed the total of {total}.",
                name,
            )
        )
    return warnings


def cover_letter_warnings(cover: CoverLetter | None, reports: list[Report]) -> list[Warning]:
    """The covering letter's periods, in order, against each report's own period."""
    if cover is None or not cover.periods or len(cover.periods) != len(reports):
        return []
    warnings = []
    for index, (announced, report) in enumerate(zip(cover.periods, reports, strict=True)):
        start, end = _value(report.period_start), _value(report.period_end)
        if start is None or end is None:
            continue
        if (announced.value["start"], announced.value["end"]) != (start, end):
            name = report_name(report, index)
            warnings.append(
                Warning(
                    "cover_letter_period_mismatch",
                    f"{name}: the covering letter gives the "
                    f"period {announced.value['start']} to {announced.value['end']}, the "
                    f"report {start} to {end}.",
                    name,
                )
            )
    return warnings


def changes(reports: list[Report]) -> list[Change]:
    result = []
    for index in range(1, len(reports)):
        before, after = reports[index - 1], reports[index]
        result.append(
            Change(
                report_name(before, index - 1),
                report_name(after, index),
                _difference(before.troops_total, after.troops_total),
                _difference(before.nato_nations, after.nato_nations),
                _difference(before.non_nato_nations, after.non_nato_nations),
            )
        )
    return result


def change_warnings(changes_: list[Change]) -> list[Warning]:
    warnings = []
    for change in changes_:
        troops = change.troops_total
        if troops["difference"] is not None and troops["from"]:
            share = abs(troops["difference"]) / troops["from"]
            if share > IMPLAUSIBLE_TROOP_CHANGE:
                warnings.append(
                    Warning(
                        "implausible_troop_change",
                        f"{change.to_report}: troops change from "
                        f"{troops['from']} to {troops['to']} ({share:.0%}) since "
                        f"{change.from_report}.",
                        change.to_report,
                    )
                )
        for key in ("nato_nations", "non_nato_nations"):
            nations = getattr(change, key)
            if nations["difference"] is not None and abs(nations["difference"]) >= (
                IMPLAUSIBLE_NATION_CHANGE
            ):
                warnings.append(
                    Warning(
                        f"implausible_{key}_change",
                        f"{change.to_report}: {key.replace('_', ' ')} "
                        f"change from {nations['from']} to {nations['to']} since "
                        f"{change.from_report}.",
                        change.to_report,
                    )
                )
    return warnings


def _difference(before: Field | None, after: Field | None) -> dict[str, int | None]:
    old, new = _value(before), _value(after)
    difference = new - old if old is not None and new is not None else None
    return {"from": old, "to": new, "difference": difference}
