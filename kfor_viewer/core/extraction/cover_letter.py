"""The Secretary-General's covering letter: its date, sender, addressee, signatory, the resolution
it invokes, the dates of the letters it transmits and the periods it says they cover."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kfor_viewer.core.extraction import entities
from kfor_viewer.core.extraction.dates import find_periods
from kfor_viewer.core.extraction.model import CoverLetter, Field
from kfor_viewer.core.extraction.source import Region, Source
from kfor_viewer.core.extraction.structure import SIGNED_RE

HEADING_RE = re.compile(
    r"letters?\s+dated\s+(?P<date>.{4,40}?)\s+from\s+the\s+(?P<sender>.{3,120}?)\s+"
    r"addressed\s+to\s+the\s+(?P<addressee>.+?)\s*$"
    # French: "Lettre datée du 3 décembre 2020, adressée au Président du Conseil de sécurité
    # par le Secrétaire général"
    r"|lettres?\s+datées?\s+du\s+(?P<date_fr>.{4,40}?),?\s+adressées?\s+(?:au|à\s+la)\s+"
    r"(?P<addressee_fr>.{3,80}?)\s+par\s+(?:le|la)\s+(?P<sender_fr>.+?)\s*$",
    re.IGNORECASE | re.DOTALL,
)
LETTER_DATED_RE = re.compile(
    r"\bletters?\s*,?\s+(?:dated|of)\s+|\blettres?\s*,?\s+datées?\s+du\s+", re.IGNORECASE
)
_DATE_LIST_GAP = re.compile(r"^\s*(?:,|and|,\s*and|et(?:\s+du)?)?\s*$")
# "Jens Stoltenberg", "Rose E. Gottemoeller", "Jaap de Hoop Scheffer"
PERSON_NAME = (
    r"[A-Z][\w'’-]+(?:\s+(?:(?:de|da|van|von|der|den|di|du|la|le)\s+)*(?:[A-Z]\.|[A-Z][\w'’-]+))"
    r"{0,3}"
)
NATO_NAME = r"North Atlantic Treaty Organi[sz]ation(?:\s*\(NATO\))?|NATO"
NATO_SENDER_RE = re.compile(
    rf"\bfrom\s+the\s+(?P<title>(?:(?:Deputy|Acting)\s+)?Secretary[- ]General\s+of\s+(?:the\s+)?"
    rf"(?:{NATO_NAME}))(?:,\s+(?P<name>(?:Mr\.\s+)?{PERSON_NAME}))?",
)


_NAME_PARTICLES = frozenset(["de", "da", "van", "von", "der", "den", "di", "du", "la", "le"])
_TITLE_SMALL_WORDS = frozenset(["of", "the", "and", "to", "for", "on", "in"])


def normal_case_name(name: str) -> str:
    """A name as usually written: "Kofi A. ANNAN", "BAN Ki-moon" -> "Kofi A. Annan", "Ban Ki-moon"
    (older documents print the family name in capitals)."""
    words = name.split()
    all_capitals = all(w.isupper() for w in words if len(w.rstrip(".")) > 1)
    result = []
    for word in words:
        if len(word.rstrip(".")) > 1 and word.isupper():
            lowered = word.lower()
            word = lowered if all_capitals and lowered in _NAME_PARTICLES else _capitalise(word)
        result.append(word)
    return " ".join(result)


def normal_case_title(text: str) -> str:
    """A heading set in capitals in title case: "PRESIDENT OF THE SECURITY COUNCIL" ->
    "President of the Security Council"; text in mixed case is returned as it is."""
    if not text.isupper():
        return text
    words = text.lower().split()
    return " ".join(
        w if w in _TITLE_SMALL_WORDS and i else _capitalise(w) for i, w in enumerate(words)
    )


def _capitalise(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


@dataclass(frozen=True, slots=True)
class NatoSender:
    title: Field
    name: Field | None


def cover_letter(source: Source, cover: Region, heading: Region | None) -> CoverLetter:
    letter = CoverLetter()
    if heading is not None:
        _read_heading(source, heading, letter)
    body = Region(heading.end if heading else cover.start, cover.end)
    letter.signatory = signatory(source, body)
    found = entities.resolutions(source, body)
    letter.resolution = found[0] if found else None
    year_hint = letter.date.value.year if letter.date else None
    reference = letter.date.value if letter.date else None
    letter.transmitted_letter_dates = _transmitted_dates(source, body, year_hint, reference)
    letter.periods = [
        source.field({"start": p.first, "end": p.last}, p.start, p.end)
        for p in find_periods(source.text, body.start, body.end, year_hint, reference)
    ]
    return letter


def _read_heading(source: Source, heading: Region, letter: CoverLetter) -> None:
    match = HEADING_RE.search(source.text, heading.start, heading.end)
    if match is None:
        return
    suffix = "" if match["date"] else "_fr"
    dates = [d for d in source.dates(*match.span("date" + suffix)) if d.year]
    if dates:
        letter.date = source.field(dates[0].resolve(None), dates[0].start, dates[0].end)
    for name in ("sender", "addressee"):
        group = name + suffix
        value = normal_case_title(" ".join(match[group].split()))
        setattr(letter, name, source.field(value, *match.span(group)))


def find_signed(source: Source, region: Region) -> tuple[Region, int] | None:
    """The first "(Signed)" paragraph of the region and the offset where the name starts."""
    for paragraph in source.paragraphs(region):
        match = SIGNED_RE.match(source.quote(paragraph))
        if match is not None and paragraph.start + match.end() < paragraph.end:
            return paragraph, paragraph.start + match.end()
    return None


def signatory(source: Source, region: Region) -> Field | None:
    """The name after the first "(Signed)" of the region, as printed (without "Mr.")."""
    found = find_signed(source, region)
    if found is None:
        return None
    paragraph, start = found
    honorific = re.match(r"(?:Mr|Mrs|Ms|Dr)\.?\s+", source.text[start : paragraph.end])
    if honorific:
        start += honorific.end()
    name = normal_case_name(" ".join(source.text[start : paragraph.end].split()))
    return source.field(name, start, paragraph.end)


def _transmitted_dates(
    source: Source, body: Region, year_hint: int | None, reference: dt.date | None
) -> list[Field]:
    """Dates listed after "letter(s) dated" ("dated 3 August 2020 and 24 November 2020")."""
    found: list[Field] = []
    for anchor in LETTER_DATED_RE.finditer(source.text, body.start, body.end):
        cursor = anchor.end()
        for date in source.dates(cursor, min(body.end, cursor + 200)):
            if not _DATE_LIST_GAP.match(source.text[cursor : date.start]):
                break
            value = date.resolve(year_hint)
            if value and reference and date.year is None and value > reference:
                value = value.replace(year=value.year - 1)
            if value is not None and value not in [f.value for f in found]:
                found.append(source.field(value, date.start, date.end))
            cursor = date.end
    return found


def nato_senders(source: Source, region: Region) -> list[NatoSender]:
    """NATO officials named as senders ("from the Secretary-General of the North Atlantic Treaty
    Organization, Jens Stoltenberg")."""
    senders = []
    for match in NATO_SENDER_RE.finditer(source.text, region.start, region.end):
        title = source.field(" ".join(match["title"].split()), *match.span("title"))
        name = None
        if match["name"]:
            value = re.sub(r"^Mr\.\s+", "", " ".join(match["name"].split()))
            start = match.end("name") - len(value)
            name = source.field(normal_case_name(value), start, match.end("name"))
        senders.append(NatoSender(title, name))
    return senders
