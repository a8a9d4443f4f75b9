"""Fields of a report's own text: period, "as at" date, troop strength, contributing nations,
incidents, intervention requests, security assessment and dated events."""

from __future__ import annotations

import datetime as dt
import re

from kfor_viewer.core.extraction import entities
from kfor_viewer.core.extraction.dates import DateMatch, PeriodMatch, find_periods, year_near
from kfor_viewer.core.extraction.model import Field, Report
from kfor_viewer.core.extraction.numbers import NUMBER, Quantity, parse_number
from kfor_viewer.core.extraction.source import Region, Source

AS_AT_RE = re.compile(r"\b(?:as\s+at|as\s+of|au)\s+(?=\d)", re.IGNORECASE)
TROOP_NOUN = (
    r"(?:troops?|personnel|soldiers|service\s+members|military|forces?|strength|effectifs?|"
    r"militaires|soldats)"
)
TROOP_NOUN_RE = re.compile(rf"\b{TROOP_NOUN}\b", re.IGNORECASE)
STRENGTH_RE = re.compile(r"\b(?:total|strength|number\s+of|troop\s+levels?)\b", re.IGNORECASE)
# Sentences that count other things than the force itself.
OTHER_COUNTS_RE = re.compile(
    r"arrest|detain|injur|kill|wound|village|seiz|weapon|ammunition|grenade|refugee|displaced",
    re.IGNORECASE,
)
_NATO = r"(?:North\s+Atlantic\s+Treaty\s+Organi[sz]ation\s*\(NATO\)|NATO)"
_NATIONS = r"(?:nations|countries|States|Allies|partners|members|contributors)"
_NATION_TAIL = rf"(?:\s+(?:member|Allied|allied|partner))?(?:\s+troop-contributing)?\s+{_NATIONS}"
NATO_COUNT_RE = re.compile(
    rf"(?<![\w-])(?P<n>{NUMBER})\s+{_NATO}"
    rf"(?=(?:{_NATION_TAIL})|\s+and\s+(?:{NUMBER})\s+non-{_NATO}(?:{_NATION_TAIL}|\s*\)))",
    re.IGNORECASE,
)
# "8 non-NATO troop-contributing nations", or closing a parenthesis: "(22 NATO and 9 non-NATO)".
NON_NATO_COUNT_RE = re.compile(
    rf"(?P<n>{NUMBER})\s+(?:non-|non\s)(?:{_NATO})(?:{_NATION_TAIL}|(?=\s*\)))", re.IGNORECASE
)
# French: "de 19 pays membres de l'Organisation du Traité de l'Atlantique Nord (OTAN) et de
# 8 pays non membres de l'OTAN".
_OTAN = r"(?:Organisation\s+du\s+Traité\s+de\s+l['’]Atlantique\s+Nord\s*\(OTAN\)|OTAN)"
NATO_COUNT_FR_RE = re.compile(rf"(?P<n>\d+)\s+pays\s+(?:membres\s+)?de\s+l['’]{_OTAN}")
NON_NATO_COUNT_FR_RE = re.compile(rf"(?P<n>\d+)\s+pays\s+non\s+membres\s+de\s+l['’]{_OTAN}")
# "from 21 NATO Allies and 7 partner nations": partners are the non-NATO contributors.
PARTNER_COUNT_RE = re.compile(
    rf"(?P<n>{NUMBER})\s+partner(?:s\b|(?:\s+troop-contributing)?\s+(?:nations|countries))",
    re.IGNORECASE,
)
# "from 27 troop-contributing nations, 19 of which are NATO members".
NATO_SHARE_RE = re.compile(
    rf"(?P<n>{NUMBER})\s+of\s+(?:which|them|these)\s+(?:are|were)\s+"
    rf"(?:{_NATO}\s+(?:members|Allies|member\s+States)|members\s+of\s+{_NATO})",
    re.IGNORECASE,
)
ALL_NATIONS_COUNT_RE = re.compile(
    rf"(?:(?<=\bfrom\s)|(?<=\bby\s)|(?=\S+\s+(?:troop-)?contributing))(?P<n>{NUMBER})\s+"
    rf"(?:(?:troop-)?contributing\s+)?(?:nations|countries)\b",
    re.IGNORECASE,
)
# "troops from NATO and non-NATO countries" qualifies all the troops, not a non-NATO share.
BOTH_KINDS_RE = re.compile(r"\bNATO\s+and\s+non-?\s?NATO|\ball\s+nations", re.IGNORECASE)
NON_NATO_CONTEXT_RE = re.compile(
    r"non-?\s?NATO|non-member|partner\s+(?:nations|countries)|outside\s+(?:of\s+)?NATO"
    r"|\bnot\s+(?:a\s+)?members?\s+of\s+(?:the\s+)?(?:North\s+Atlantic|NATO|the\s+Alliance)",
    re.IGNORECASE,
)
INCIDENTS_RE = re.compile(
    r"\b(?:major|significant|serious)\s+(?:security\s+)?incidents?\b"
    r"|\bincidents?\s+(?:de\s+sécurité\s+)?(?:majeurs?|graves?)\b",
    re.IGNORECASE,
)
INTERVENTION_RE = re.compile(
    r"\brequests?\s+(?:(?:for|to)\s+KFOR\s+)?to\s+intervene"
    r"|\bKFOR\s+(?:was|were|has\s+been|had\s+been)\s+(?:not\s+)?(?:requested|asked|called\s+upon)"
    r"\s+to\s+intervene"
    r"|\b(?:requested|asked)\s+KFOR\s+to\s+intervene"
    r"|\brequests?\s+from\s+[^.;]{3,80}?\s+for\s+KFOR\s+to\s+intervene"
    r"|\bKFOR\s+(?:was|were|has\s+been|had\s+been)\s+(?:not\s+)?(?:required|needed|called)"
    r"\s+to\s+intervene"
    r"|\bKFOR\s+(?:did|does|has|had)\s+not\s+(?:have|need)\s+to\s+intervene"
    r"|\brequests?\s+for\s+(?:KFOR\s+)?intervention"
    r"|\b(?:requirement|need|call|request)s?\s+for\s+(?:the\s+)?(?:direct\s+)?intervention"
    r"\s+(?:of|by)\s+KFOR"
    r"|\bdemandes?\s+d['’]intervention",
    re.IGNORECASE,
)
NEGATION_RE = re.compile(
    r"\b(?:no|not|none|neither|nor|without|aucune?|pas|ni|sans)\b", re.IGNORECASE
)
SITUATION_STATE_RE = re.compile(
    r"\bsituation\b[^.]{0,80}?\b(?:remain(?:ed|s)?|was|is)\s+(?:\w+\s+){0,3}?"
    r"(?:calm|stable|tense|quiet|volatile|fragile|unpredictable|peaceful|unstable)\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")
# A further event in the same sentence: "..., and on 30 March ...".
_ON_DATE_RE = re.compile(r"\bon\s+$", re.IGNORECASE)
ASSESSMENT_RE = re.compile(
    r"\bsecurity\s+situation\b|\bsituation\s+(?:générale\s+)?(?:en\s+matière\s+de\s+"
    r"sécurité|sécuritaire)\b",
    re.IGNORECASE,
)


def read_body(
    source: Source, body: Region, report: Report, year_hint: int | None, reference: dt.date | None
) -> None:
    period = _period(source, body, year_hint, reference)
    excluded: list[tuple[int, int]] = []
    if period is not None:
        report.period_start = source.field(period.first, period.start, period.end)
        report.period_end = source.field(period.last, period.start, period.end)
        excluded.append((period.start, period.end))
    anchor = period.last if period else (reference or _hint_date(year_hint))
    as_at = _as_at(source, body, anchor, excluded)
    if as_at is not None:
        report.as_at, as_at_span = as_at
        excluded.append(as_at_span)
    _troops_and_nations(source, body, report)
    report.major_incidents = _stated_flag(source, body, INCIDENTS_RE)
    report.intervention_requests = _stated_flag(source, body, INTERVENTION_RE)
    report.security_assessment = _assessment(source, body)
    report.events = _events(source, body, anchor, excluded, period)
    report.organisations = entities.organisations(source, body)
    report.people = entities.people(source, body)
    report.resolutions = entities.resolutions(source, body)


def _hint_date(year_hint: int | None) -> dt.date | None:
    return dt.date(year_hint, 7, 1) if year_hint else None


def _period(
    source: Source, body: Region, year_hint: int | None, reference: dt.date | None
) -> PeriodMatch | None:
    """The first date range in the report, preferring one in a sentence about the period."""
    periods = find_periods(source.text, body.start, body.end, year_hint, reference)
    for period in periods:
        sentence = source.sentence_at(body, period.start)
        if sentence and re.search(r"period|cover|report", source.quote(sentence), re.I):
            return period
    return periods[0] if periods else None


def _as_at(
    source: Source, body: Region, anchor: dt.date | None, excluded: list[tuple[int, int]]
) -> tuple[Field, tuple[int, int]] | None:
    """ "As at 30 June 2020" ("au 30 juin"), outside the period's own words."""
    for match in AS_AT_RE.finditer(source.text, body.start, body.end):
        if any(a <= match.start() < b for a, b in excluded):
            continue
        dates = source.dates(match.end(), min(match.end() + 40, body.end))
        if not dates or dates[0].start != match.end():
            continue
        date = dates[0]
        value = date.resolve(None) if date.year else _near(date.month, date.day, anchor)
        if value is not None:
            return source.field(value, match.start(), date.end), (date.start, date.end)
    return None


def _near(month: int, day: int, anchor: dt.date | None) -> dt.date | None:
    return year_near(month, day, anchor) if anchor else None


def _masked_quantities(source: Source, region: Region) -> list[Quantity]:
    """Numbers of a sentence that are not parts of dates, resolutions or years."""
    masked = [(d.start, d.end) for d in source.dates(region.start, region.end)]
    masked += [
        m.span() for m in entities.RESOLUTION_RE.finditer(source.text, region.start, region.end)
    ]
    quantities = []
    for quantity in source.quantities(region.start, region.end):
        if any(a <= quantity.start < b for a, b in masked):
            continue
        raw = source.text[quantity.start : quantity.end]
        if _YEAR_RE.fullmatch(raw) and not TROOP_NOUN_RE.match(
            source.text, quantity.end + 1, quantity.end + 20
        ):
            continue
        quantities.append(quantity)
    return quantities


def _troops_and_nations(source: Source, body: Region, report: Report) -> None:
    """The strength sentence and the next: nation counts, non-NATO troops, then the total."""
    sentences = source.sentences(body)
    index = _troop_sentence_index(source, sentences)
    if index is None:
        stated = [
            sentence
            for sentence in sentences
            if re.search(r"NATO|contributing", source.quote(sentence), re.IGNORECASE)
        ]
        _nations(source, stated, report)
        return
    window = sentences[index : index + 2]
    counts = _nations(source, window, report)
    non_nato = _non_nato_troops(source, window, counts)
    if non_nato is not None:
        report.non_nato_troops = source.field(non_nato.value, non_nato.start, non_nato.end)
        counts.add((non_nato.start, non_nato.end))
    total = next(
        (
            q
            for q in _masked_quantities(source, sentences[index])
            if q.value >= 50 and (q.start, q.end) not in counts
        ),
        None,
    )
    if total is not None:
        _set_total(source, report, total)


def _set_total(source: Source, report: Report, total: Quantity) -> None:
    start = total.start - len(total.qualifier) - 1 if total.qualifier else total.start
    report.troops_total = source.field(total.value, total.start, total.end)
    report.troops_approximate = source.field(total.approximate, start, total.end)
    if total.qualifier:
        report.troops_qualifier = source.field(total.qualifier, start, total.start - 1)


def _troop_sentence_index(source: Source, sentences: list[Region]) -> int | None:
    """The sentence stating the force's strength: the first with a troop word and a figure of
    50 or more that counts troops (reports state their strength first; a later "a total of 67
    weapons seized" or "120 people arrested" is not it). A strength cue ("total", "strength")
    within the same opening paragraphs wins over a bare mention."""
    first = None
    for index, sentence in enumerate(sentences):
        text = source.quote(sentence)
        if not TROOP_NOUN_RE.search(text) or OTHER_COUNTS_RE.search(text):
            continue
        if not any(q.value >= 50 for q in _masked_quantities(source, sentence)):
            continue
        if STRENGTH_RE.search(text):
            return index if first is None or index - first <= 2 else first
        if first is None:
            first = index
    return first


def _nations(source: Source, sentences: list[Region], report: Report) -> set[tuple[int, int]]:
    """NATO and non-NATO nation counts; returns the spans of the numbers used."""
    spans: set[tuple[int, int]] = set()
    for sentence in sentences:
        for regex, attribute in (
            (NATO_COUNT_RE, "nato_nations"),
            (NATO_SHARE_RE, "nato_nations"),
            (NON_NATO_COUNT_RE, "non_nato_nations"),
            (PARTNER_COUNT_RE, "non_nato_nations"),
            (ALL_NATIONS_COUNT_RE, "contributing_nations"),
            (NATO_COUNT_FR_RE, "nato_nations"),
            (NON_NATO_COUNT_FR_RE, "non_nato_nations"),
        ):
            if getattr(report, attribute) is not None:
                continue
            match = regex.search(source.text, sentence.start, sentence.end)
            if match is None:
                continue
            value = parse_number(match["n"])
            end = _count_phrase_end(source, match, sentence)
            setattr(report, attribute, source.field(value, match.start("n"), end))
            spans.add(match.span("n"))
    return spans


def _count_phrase_end(source: Source, match: re.Match[str], sentence: Region) -> int:
    tail = re.compile(rf"[^,;.]*?\b{_NATIONS}\b").match(source.text, match.end(), sentence.end)
    return tail.end() if tail else match.end()


def _non_nato_troops(
    source: Source, window: list[Region], counts: set[tuple[int, int]]
) -> Quantity | None:
    """A troop figure with "non-NATO" next to it, not followed by a word for nations."""
    for sentence in window:
        quantities = _masked_quantities(source, sentence)
        for index, quantity in enumerate(quantities):
            if (quantity.start, quantity.end) in counts:
                continue
            # The context of a figure stops at its neighbouring figures.
            after_end = quantities[index + 1].start if index + 1 < len(quantities) else sentence.end
            before_start = quantities[index - 1].end if index else sentence.start
            after = source.text[quantity.end : min(quantity.end + 80, after_end)].split(";")[0]
            before = source.text[max(quantity.start - 50, before_start) : quantity.start]
            before = before.split(";")[-1]
            if re.match(rf"\s+(?:non-?\s?NATO\s+)?(?:troop-contributing\s+)?{_NATIONS}", after):
                continue
            context = f"{before} {after}"
            if NON_NATO_CONTEXT_RE.search(context) and not BOTH_KINDS_RE.search(context):
                return quantity
    return None


def _stated_flag(source: Source, body: Region, phrase: re.Pattern[str]) -> Field | None:
    """True/False when a sentence states whether there were any; None when none does."""
    for sentence in source.sentences(body):
        match = phrase.search(source.text, sentence.start, sentence.end)
        if match is None:
            continue
        clause_start = max(
            source.text.rfind(",", sentence.start, match.start()),
            source.text.rfind(" and ", sentence.start, match.start()),
            sentence.start,
        )
        negated = bool(NEGATION_RE.search(source.text, clause_start, match.end()))
        return source.field(not negated, sentence.start, sentence.end)
    return None


def _assessment(source: Source, body: Region) -> Field | None:
    """The first sentence about the security situation; else the first saying how the
    situation remained ("The situation in Kosovo remained tense.")."""
    sentences = [
        sentence
        for sentence in source.sentences(body)
        if source.text[sentence.end - 1] in ".!?"  # not a heading ("Security situation")
    ]
    for pattern in (ASSESSMENT_RE, SITUATION_STATE_RE):
        for sentence in sentences:
            if pattern.search(source.text, sentence.start, sentence.end):
                text = " ".join(source.quote(sentence).split())
                return source.field(text, sentence.start, sentence.end)
    return None


def _events(
    source: Source,
    body: Region,
    anchor: dt.date | None,
    excluded: list[tuple[int, int]],
    period: PeriodMatch | None,
) -> list[Field]:
    """Sentences with a day-and-month date that is not the period or the "as at" date; a range
    ("from 10 to 12 July") dates the event by its first day."""
    events = []
    for sentence in source.sentences(body):
        dates = [
            d
            for d in source.dates(sentence.start, sentence.end)
            if not any(a <= d.start < b for a, b in excluded)
        ]
        if not dates:
            continue
        text = " ".join(source.quote(sentence).split())
        for value in _event_dates(source, sentence, dates, anchor, period):
            field = source.field({"date": value, "text": text}, sentence.start, sentence.end)
            events.append(field)
    return events


def _event_dates(
    source: Source,
    sentence: Region,
    dates: list[DateMatch],
    anchor: dt.date | None,
    period: PeriodMatch | None,
) -> list[dt.date]:
    """The sentence's first date, and any later one introduced by "on" within the period
    ("On 17 March ..., and on 30 March ..."); "until 14 June 2021" is not an event."""
    values: list[dt.date] = []
    for date in dates:
        if date is not dates[0] and not _ON_DATE_RE.search(
            source.text, max(date.start - 8, 0), date.start
        ):
            continue
        value = _event_date(source, sentence, date, anchor, period)
        if value is None or value in values:
            continue
        if date is dates[0] or _within(value, period):
            values.append(value)
    return values


def _within(value: dt.date, period: PeriodMatch | None) -> bool:
    return period is None or period.first <= value <= period.last


def _event_date(
    source: Source,
    sentence: Region,
    date: DateMatch,
    anchor: dt.date | None,
    period: PeriodMatch | None,
) -> dt.date | None:
    """The event's (first) day; a year left implicit is the one that puts it in the period."""
    month, day = date.month, date.day
    # Any year serves to read the range's first day; 2000 is a leap year, so 29 February reads.
    for span in find_periods(source.text, sentence.start, date.end, year_hint=2000):
        if span.end == date.end and span.start < date.start:
            if date.year:
                return span.first
            month, day = span.first.month, span.first.day
    if date.year:
        return date.resolve(None)
    if period is not None:
        return year_near(month, day, period.first, period.last)
    return _near(month, day, anchor)
