"""Splitting a document into header, covering letter, annexes and enclosures."""

from __future__ import annotations

import datetime as dt

from kfor_viewer.core.extraction import extract
from tests.core.synthetic_pdf import Block, Furniture, heading, make_pdf, para


def _numbered(texts):
    return [Block(text, "para", str(number)) for number, text in enumerate(texts, start=1)]


def test_older_capitalised_document_with_unnumbered_dots(tmp_path):
    cover = [
        heading(
            "LETTER DATED 24 JANUARY 2005 FROM THE SECRETARY-GENERAL ADDRESSED TO THE PRESIDENT "
            "OF THE SECURITY COUNCIL"
        ),
        para(
            "I have the honour to transmit herewith the monthly report on the international "
            "security presence in Kosovo covering the period 1 to 31 December 2004 (see annex)."
        ),
        para("(Signed) KOFI A. ANNAN"),
        Block("ANNEX", "centre", space_before=18),
        heading("MONTHLY REPORT TO THE UNITED NATIONS ON KFOR OPERATIONS"),
        *_numbered(
            [
                "Over the reporting period (1-31 December 2004) KFOR troop strength was some "
                "18,000, including about 2,300 troops from non-NATO countries.",
                "On 20 December, a patrol of Multinational Brigade Centre was attacked.",
            ]
        ),
    ]
    header = [
        ("", "S/2005/45"),
        ("Security Council", "Distr. GENERAL"),
        ("", "25 January 2005"),
        ("", "ORIGINAL: ENGLISH"),
    ]
    path = make_pdf(tmp_path / "old.pdf", cover, Furniture(symbol="S/2005/45"), header)
    result = extract(path)
    assert result.document.distribution.value == "General"
    assert result.document.original_language.value == "English"
    assert result.document.symbol.value == "S/2005/45"
    assert result.cover_letter.date.value == dt.date(2005, 1, 24)
    assert result.cover_letter.signatory.value == "Kofi A. Annan"
    (report,) = result.reports
    assert report.label.value == "ANNEX"
    assert (report.period_start.value, report.period_end.value) == (
        dt.date(2004, 12, 1),
        dt.date(2004, 12, 31),
    )
    assert (report.troops_total.value, report.non_nato_troops.value) == (18000, 2300)
    assert [e.value["date"] for e in report.events] == [dt.date(2004, 12, 20)]
    assert result.warnings == []


def test_one_annex_with_two_enclosed_reports(tmp_path):
    def enclosure(label, period, troops):
        return [
            Block(label, "centre", space_before=18),
            heading("Report to the United Nations on Kosovo Force operations"),
            *_numbered(
                [f"This report covers the period {period}.", f"KFOR troop strength was {troops}."]
            ),
        ]

    blocks = [
        heading(
            "Letter dated 24 July 2006 from the Secretary-General addressed to the President of "
            "the Security Council"
        ),
        para("I have the honour to transmit the attached letter dated 18 July 2006 (see annex)."),
        para("(Signed) Kofi A. Annan"),
        Block("Annex", "centre", space_before=18),
        para("Please find attached the two monthly reports on KFOR operations."),
        para("(Signed) Mircea Tudor"),
        Block("Deputy Secretary General", "para", space_before=0),
        *enclosure("Enclosure I", "1 to 31 May 2006", "16,250"),
        *enclosure("Enclosure II", "1 to 30 June 2006", "16,100"),
    ]
    header = [("Security Council", "Distr.: General"), ("", "20 July 2006")]
    result = extract(make_pdf(tmp_path / "two.pdf", blocks, header_block=header))
    assert [r.label.value for r in result.reports] == [
        "Annex, Enclosure I",
        "Annex, Enclosure II",
    ]
    assert [e.quote for e in result.reports[1].label.evidence] == ["Annex", "Enclosure II"]
    assert [r.troops_total.value for r in result.reports] == [16250, 16100]
    assert [r.period_end.value for r in result.reports] == [
        dt.date(2006, 5, 31),
        dt.date(2006, 6, 30),
    ]
    assert [r.letter_date.value for r in result.reports] == [dt.date(2006, 7, 18)] * 2
    assert {(r.signatory.value, r.signatory_title.value) for r in result.reports} == {
        ("Mircea Tudor", "Deputy Secretary General")
    }


def test_letter_headings_set_as_several_short_lines(tmp_path):
    blocks = [
        Block("Letter dated 2 February 2011 from the Secretary-General", "centre"),
        Block("addressed to the President of the Security Council", "centre", space_before=0),
        para(
            "I have the honour to transmit the report on the international security presence "
            "in Kosovo (see annex)."
        ),
        para("(Signed) BAN Ki-moon"),
        Block("Annex", "centre", space_before=18),
        Block("Letter dated 28 January 2011 from the Deputy Secretary General", "centre"),
        Block("of the North Atlantic Treaty Organization", "centre", space_before=0),
        Block("addressed to the Secretary-General", "centre", space_before=0),
        para("Please find attached the report (see enclosure)."),
        para("(Signed) Claudio Bisogniero"),
        Block("Enclosure", "centre", space_before=18),
        heading("Report to the United Nations on Kosovo Force operations"),
        *_numbered(["This report covers the period from 1 October to 31 December 2010."]),
    ]
    header = [("Security Council", "Distr.: General"), ("", "4 February 2011")]
    result = extract(make_pdf(tmp_path / "split.pdf", blocks, header_block=header))
    assert result.cover_letter.date.value == dt.date(2011, 2, 2)
    assert result.cover_letter.addressee.value == "President of the Security Council"
    assert result.generic.title.value == (
        "Letter dated 2 February 2011 from the Secretary-General addressed to the President "
        "of the Security Council"
    )
    (report,) = result.reports
    assert report.letter_date.value == dt.date(2011, 1, 28)
    assert report.signatory.value == "Claudio Bisogniero"
    assert report.signatory_title.value == (
        "Deputy Secretary General of the North Atlantic Treaty Organization"
    )
