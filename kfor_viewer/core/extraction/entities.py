"""Organisations, people and Security Council resolutions named in a region of text.

Patterns, not lists: an organisation is a capitalised name defined with an acronym
("Kosovo Force (KFOR)") or a capitalised phrase built on an institutional noun ("World Health
Organization", "Association of Political Prisoners"); a person is a name after an honorific
("Mr. Thaci") or set off by commas after a title ("... Security Policy, Josep Borrell,").
Each name is listed once, with the evidence of its first mention.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kfor_viewer.core.extraction.model import Field
from kfor_viewer.core.extraction.source import Region, Source

_CAP = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
# Between two capitalised words of a name: a space, or one linking word ("Rule of Law", "Mission
# in Kosovo", "Foreign Affairs and Security Policy"); never "and the", which joins two names.
_JOIN = r"\s+(?:(?:of|for|in|de|du|des|pour)\s+(?:the\s+|la\s+|le\s+)?|and\s+)?"
_ORG_NOUNS = (
    r"(?:Organi[sz]ations?|Mission|Union|Council|Force|Forces|Association|Agency|Office|"
    r"Committee|Assembly|Army|Police|Service|Ministry|Government|Institute|Commission|Bank|Fund|"
    r"Programme|Court|Parliament|Alliance|Nations|Federation|Society|Cross|Crescent|Centre|"
    r"Center|Group|Secretariat|Tribunal|Authority|Party|League|Movement|Corps)"
)
_TAIL = rf"\s+(?:of|for)(?:\s+the)?\s+{_CAP}(?:\s+(?:and\s+)?{_CAP})*"
# Names start at a word's start (the lookbehind spares trying inside every capitalised word).
_WORD_START = r"(?<![\w'’])"
ACRONYM_DEFINITION_RE = re.compile(
    rf"{_WORD_START}(?P<name>{_CAP}(?:{_JOIN}{_CAP})*)\s+\((?P<acronym>[A-Z][A-Za-z-]{{1,10}})\)"
)
ORG_PHRASE_RE = re.compile(
    rf"{_WORD_START}(?P<name>(?:{_CAP}{_JOIN})*{_CAP}\s+{_ORG_NOUNS}\b(?:{_TAIL})?"
    rf"|{_ORG_NOUNS}{_TAIL}"
    rf"|{_CAP}\s+police\b)"
)
_LEADING_NOISE = re.compile(
    r"(?:(?:Deputy\s+|Acting\s+|Special\s+|High\s+)?(?:President|Secretary-General|Secretary|"
    r"Minister|Representative|Commander|Head|Chair|Director|Envoy|Member|Members)\s+"
    r"(?:of|for|to)\s+(?:the\s+)?)?"
    r"(?:(?:The|A|An|In|On|At|As|By|For|During|Since|After|Before|Following|Under|With|Also|"
    r"While|Pursuant|Despite|Through|Between|From|To|Of|And|Its|Their|His|Her)\s+)*"
)
# A person's name: capitalised words, with particles inside ("Jaap de Hoop Scheffer").
_NAME = (
    r"[A-Z][\w'’-]+(?:\s+(?:(?:de|da|van|von|der|den|di|du|la|le|al|el|bin)\s+)*"
    r"(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3}"
)
HONORIFIC_RE = re.compile(rf"\b(?:Mr|Mrs|Ms|Dr|Mme|Miss|Sir|Lord)\.?\s+(?P<name>{_NAME})")
_TITLE_WORDS = (
    r"(?:Secretary[- ]General|Representative|Minister|President|Ambassador|Commander|Director|"
    r"Chief|Head|Envoy|Chair|Chairman|Chairperson|Prosecutor|Policy|Affairs|Mayor|Speaker)"
)
# An office printed right before the name ("Prime Minister Kurti", "Major General Risi").
TITLE_BEFORE_RE = re.compile(
    rf"\b(?:President|Prime\s+Minister|Minister|Ambassador|(?:Lieutenant\s+|Major\s+|"
    rf"Brigadier\s+)?General|Commander|Colonel|Admiral)\s+(?P<name>{_NAME})"
)
APPOSITION_RE = re.compile(
    rf"\b{_TITLE_WORDS}\b[^,.;()\n]{{0,80}},\s+(?P<name>{_CAP}(?:\s+{_CAP}){{1,3}})(?=\s*[,.;)])"
)
RESOLUTION_RE = re.compile(
    r"\bresolutions?\s+(?P<list>\d{3,4}\s*\(\d{4}\)(?:\s*(?:,|and|et)\s*\d{3,4}\s*\(\d{4}\))*)",
    re.IGNORECASE,
)
_ONE_RESOLUTION = re.compile(r"(\d{3,4})\s*\((\d{4})\)")


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    name: str
    defines: str | None = None  # for "Kosovo Force (KFOR)": "Kosovo Force"


def organisations(source: Source, region: Region) -> list[Field]:
    found: dict[str, tuple[int, Field]] = {}
    mentions = [
        m
        for m in source.memo("organisation_mentions", lambda: _organisation_mentions(source))
        if region.start <= m.start and m.end <= region.end
    ]
    definitions = sorted((m.start, m.end) for m in mentions if m.defines)
    definition_starts = [start for start, _ in definitions]
    defined_names = {m.defines for m in mentions if m.defines}
    for mention in mentions:
        index = bisect.bisect_right(definition_starts, mention.start) - 1
        inside_definition = (
            not mention.defines and index >= 0 and mention.start < definitions[index][1]
        )
        if mention.name in defined_names or inside_definition:
            continue
        _add(found, source, mention.name, mention.start, mention.end)
    return _in_text_order(found)


def _organisation_mentions(source: Source) -> list[_Mention]:
    """Every organisation mention of the document, scanned once and shared by its regions."""
    text = source.text
    mentions = []
    cache: dict[str, int] = {}
    for match in ACRONYM_DEFINITION_RE.finditer(text):
        start = _skip_noise(text, match.start("name"), match.end("name"), cache)
        if start < match.end("name"):
            plain = " ".join(text[start : match.end("name")].split())
            mentions.append(_Mention(start, match.end(), f"{plain} ({match['acronym']})", plain))
    for match in ORG_PHRASE_RE.finditer(text):
        start = _skip_noise(text, match.start("name"), match.end(), cache)
        name = " ".join(text[start : match.end()].split())
        if len(name.split()) >= 2:
            mentions.append(_Mention(start, match.end(), name))
    return mentions


def people(source: Source, region: Region) -> list[Field]:
    found: dict[str, tuple[int, Field]] = {}
    text = source.text
    for regex in (APPOSITION_RE, HONORIFIC_RE, TITLE_BEFORE_RE):
        for match in regex.finditer(text, region.start, region.end):
            name = " ".join(match["name"].split())
            if not _looks_like_a_name(name):
                continue
            _add(found, source, name, match.start("name"), match.end("name"))
    return _in_text_order(found)


def _looks_like_a_name(name: str) -> bool:
    """Not an institution ("General Assembly"), not an acronym ("Commander KFOR")."""
    if ORG_PHRASE_RE.fullmatch(name) or re.search(rf"\b{_ORG_NOUNS}\b", name):
        return False
    return all(not word.isupper() for word in name.split() if len(word) > 1)


def resolutions(source: Source, region: Region) -> list[Field]:
    found: dict[str, tuple[int, Field]] = {}
    for match in RESOLUTION_RE.finditer(source.text, region.start, region.end):
        offset = match.start("list")
        for single in _ONE_RESOLUTION.finditer(match["list"]):
            value = f"{single.group(1)} ({single.group(2)})"
            _add(found, source, value, offset + single.start(), offset + single.end())
    return _in_text_order(found)


def _skip_noise(text: str, start: int, end: int, cache: dict[str, int]) -> int:
    """The start of the name without the words before it ("The", "President of the")."""
    phrase = text[start:end]
    if phrase not in cache:  # the same names recur all through a document
        noise = _LEADING_NOISE.match(phrase)
        cache[phrase] = noise.end() if noise else 0
    return start + cache[phrase]


def _add(
    found: dict[str, tuple[int, Field]], source: Source, name: str, start: int, end: int
) -> None:
    if name not in found or start < found[name][0]:
        found[name] = (start, source.field(name, start, end))


def _in_text_order(found: dict[str, tuple[int, Field]]) -> list[Field]:
    return [field for _, field in sorted(found.values(), key=lambda item: item[0])]
