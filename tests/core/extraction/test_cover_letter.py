"""The Secretary-General's covering letter in its several wordings."""

from __future__ import annotations

import datetime as dt

from kfor_viewer.core.extraction import extract
from tests.core.extraction.kfor_documents import ReportSpec, build, modern_report
from tests.core.synthetic_pdf import heading, para

REPORT = ReportSpec(
    "Annex",
    paragraphs=modern_report("from 1 October to 31 December", "31 December", "3,500", "20", "7"),
)


def _cover(body: str, signed: str = "(Signed) Ban Ki-moon"):
    return [
        heading(
            "Letter dated 2 February 2011 from the Secretary-General addressed to the President "
            "of the Security Council"
        ),
        para(body),
        para(signed),
    ]


def test_letter_without_hyphen_in_nato_office_and_name_in_capitals(tmp_path):
    body = (
        "Pursuant to Security Council resolution 1244 (1999), I have the honour to transmit the "
        "attached letter dated 28 January from the Secretary General of the North Atlantic "
        "Treaty Organization, Mr. Anders Fogh Rasmussen, transmitting the report covering the "
        "period from 1 October to 31 December 2010 (see annex)."
    )
    cover = _cover(body, "(Signed) BAN Ki-moon")
    result = extract(build(tmp_path / "c.pdf", [REPORT], cover=cover, date="4 February 2011"))
    letter = result.cover_letter
    assert letter.date.value == dt.date(2011, 2, 2)
    assert letter.sender.value == "Secretary-General"
    assert letter.addressee.value == "President of the Security Council"
    assert letter.signatory.value == "Ban Ki-moon"
    assert letter.resolution.value == "1244 (1999)"
    assert [f.value for f in letter.transmitted_letter_dates] == [dt.date(2011, 1, 28)]
    report = result.reports[0]
    assert report.letter_date.value == dt.date(2011, 1, 28)
    # The annex prints no signature: the sender the covering letter names, without "Mr.".
    assert report.signatory.value == "Anders Fogh Rasmussen"
    assert report.signatory_title.value == (
        "Secretary General of the North Atlantic Treaty Organization"
    )
    # The period without a year in the report reads as the one before the letter.
    assert report.period_start.value == dt.date(2010, 10, 1)
    assert result.warnings == []


def test_letter_naming_the_sender_only(tmp_path):
    body = (
        "I have the honour to transmit herewith a letter dated 25 January 2011 from the Deputy "
        "Secretary General of the North Atlantic Treaty Organization on the international "
        "security presence in Kosovo (see annex)."
    )
    spec = ReportSpec("Annex", paragraphs=REPORT.paragraphs)  # no NATO letter in the annex
    result = extract(build(tmp_path / "c.pdf", [spec], cover=_cover(body), date="4 Feb 2011"))
    report = result.reports[0]
    assert report.letter_date.value == dt.date(2011, 1, 25)
    assert report.signatory is None
    assert report.signatory_title.value == (
        "Deputy Secretary General of the North Atlantic Treaty Organization"
    )
    assert report.signatory_title.evidence[0].page == 1


def test_deputy_sender_with_an_initial_in_the_name(tmp_path):
    body = (
        "Pursuant to Security Council resolution 1244 (1999), I have the honour to transmit a "
        "letter, dated 8 August 2017, from the Deputy Secretary-General of the North Atlantic "
        "Treaty Organization, Mira K. Osterberg, transmitting the quarterly report covering the "
        "period from 1 April to 30 June 2017 (see annex)."
    )
    spec = ReportSpec("Annex", paragraphs=REPORT.paragraphs)
    cover = _cover(body, "(Signed) António Guterres")
    result = extract(build(tmp_path / "c.pdf", [spec], cover=cover, date="11 August 2017"))
    report = result.reports[0]
    assert report.letter_date.value == dt.date(2017, 8, 8)
    assert report.signatory.value == "Mira K. Osterberg"
    assert report.signatory_title.value == (
        "Deputy Secretary-General of the North Atlantic Treaty Organization"
    )
