"""The whole pipeline on the bundled sample (every field, both reports, evidence that is really on
the page), on a scan of it (OCR), on a PDF that is not a KFOR document and on unreadable files."""

from __future__ import annotations

import datetime as dt
import json
import re

import pymupdf
import pytest

from kfor_viewer.core import ocr
from kfor_viewer.core.extraction import ExtractionError, Field, extract
from tests.core.synthetic_pdf import Block, heading, make_pdf, para

D = dt.date


@pytest.fixture(scope="module")
def sample_result():
    from tests.conftest import SAMPLE_PDF

    if not SAMPLE_PDF.exists():
        pytest.skip("the sample PDF has not been generated")
    return extract(SAMPLE_PDF)


def _values(record) -> dict:
    return {
        name: (value.value if isinstance(value, Field) else value)
        for name, value in vars(record).items()
        if not isinstance(value, list)
    }


def test_sample_document_and_cover_letter(sample_result):
    assert sample_result.recognised
    assert sample_result.page_count == 5
    assert _values(sample_result.document) == {
        "organ": "Security Council",
        "symbol": None,
        "distribution": "General",
        "distribution_date": D(2020, 12, 7),
        "original_language": "English",
        "job_number": None,
    }
    cover = sample_result.cover_letter
    assert _values(cover) == {
        "date": D(2020, 12, 3),
        "sender": "Secretary-General",
        "addressee": "President of the Security Council",
        "signatory": "António Guterres",
        "resolution": "1244 (1999)",
    }
    assert [f.value for f in cover.transmitted_letter_dates] == [D(2020, 8, 3), D(2020, 11, 24)]
    assert [(f.value["start"], f.value["end"]) for f in cover.periods] == [
        (D(2020, 4, 1), D(2020, 6, 30)),
        (D(2020, 7, 1), D(2020, 9, 30)),
    ]


COMMON_REPORT_VALUES = {
    "title": "Report to the United Nations on Kosovo Force operations",
    "signatory": "Jens Stoltenberg",
    "signatory_title": "Secretary-General of the North Atlantic Treaty Organization",
    "troops_approximate": True,
    "troops_qualifier": "approximately",
    "non_nato_nations": 8,
    "contributing_nations": None,
    "non_nato_troops": None,
    "major_incidents": False,
    "intervention_requests": False,
    "security_assessment": "During the reporting period, there was no significant change to the "
    "overall security situation in Kosovo, which remained generally calm but fragile.",
}


def test_sample_first_report(sample_result):
    report = sample_result.reports[0]
    assert _values(report) == {
        **COMMON_REPORT_VALUES,
        "label": "Annex I",
        "letter_date": D(2020, 8, 3),
        "period_start": D(2020, 4, 1),
        "period_end": D(2020, 6, 30),
        "as_at": D(2020, 6, 30),
        "troops_total": 3600,
        "nato_nations": 19,
    }
    assert report.events == []
    assert [f.value for f in report.organisations] == [
        "United Nations",
        "Security Council",
        "Kosovo Force (KFOR)",
        "North Atlantic Treaty Organization (NATO)",
        "European Union",
        "European Union Rule of Law Mission in Kosovo (EULEX)",
        "Kosovo police",
    ]
    assert report.people == []
    assert [f.value for f in report.resolutions] == ["1244 (1999)"]


def test_sample_second_report(sample_result):
    report = sample_result.reports[1]
    assert _values(report) == {
        **COMMON_REPORT_VALUES,
        "label": "Annex II",
        "letter_date": D(2020, 11, 24),
        "period_start": D(2020, 7, 1),
        "period_end": D(2020, 9, 30),
        "as_at": D(2020, 9, 30),
        "troops_total": 3400,
        "nato_nations": 18,
    }
    events = [(e.value["date"], e.value["text"][:40]) for e in report.events]
    assert events == [
        (D(2020, 9, 4), "On 4 September, the United States of Ame"),
        (D(2020, 7, 9), "Demonstrations organized by the Kosovo L"),
        (D(2020, 7, 11), "On 11 July, in an exchange of letters wi"),
    ]
    assert [f.value for f in report.people] == ["Josep Borrell", "Thaci"]
    assert "World Health Organization" in [f.value for f in report.organisations]
    assert "Association of Political Prisoners" in [f.value for f in report.organisations]


def test_sample_changes_and_no_warnings(sample_result):
    (change,) = sample_result.changes
    assert (change.from_report, change.to_report) == ("Annex I", "Annex II")
    assert change.troops_total == {"from": 3600, "to": 3400, "difference": -200}
    assert change.nato_nations == {"from": 19, "to": 18, "difference": -1}
    assert change.non_nato_nations == {"from": 8, "to": 8, "difference": 0}
    assert sample_result.warnings == []


def _all_fields(result):
    records = [result.document, result.cover_letter, *result.reports]
    for record in records:
        for value in vars(record).values():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, Field):
                    yield item


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_sample_evidence_is_on_the_stated_page_under_the_rects(sample_result, sample_pdf):
    document = pymupdf.open(sample_pdf)
    words_by_page = [page.get_text("words") for page in document]
    # A line-end hyphen is kept in a compound ("one-year") and dropped in a split word.
    text_by_page = [
        (_squash(re.sub(r"-\n", "-", text)), _squash(re.sub(r"-\n", "", text)))
        for text in (page.get_text() for page in document)
    ]
    checked = 0
    for field in _all_fields(sample_result):
        assert field.evidence, field
        for evidence in field.evidence:
            assert any(_squash(evidence.quote) in t for t in text_by_page[evidence.page - 1])
            covered = [
                w[4]
                for w in words_by_page[evidence.page - 1]
                if any(_overlaps(w, rect) for rect in evidence.rects)
            ]
            quote = _squash(evidence.quote)
            # The rects cover the quote's words and no others (the first and last word may be
            # covered in part: "Union" of "Union-sponsored").
            assert _letters(quote) in _letters(" ".join(covered)), evidence
            assert _letters(" ".join(covered[1:-1])) in _letters(quote), evidence
            checked += 1
    assert checked > 60


def _letters(text: str) -> str:
    return re.sub(r"[\s-]", "", text)


def _overlaps(word, rect) -> bool:
    """More than a sliver of the word lies in the rect, on the rect's line."""
    y = (word[1] + word[3]) / 2
    overlap = min(word[2], rect[2]) - max(word[0], rect[0])
    return rect[1] <= y <= rect[3] and overlap > 1.0


def test_to_dict_follows_the_json_contract(sample_result):
    data = json.loads(json.dumps(sample_result.to_dict()))
    assert data["schema_version"] == 1
    assert len(data["sha256"]) == 64
    assert set(data["document"]) == {
        "organ",
        "symbol",
        "distribution",
        "distribution_date",
        "original_language",
        "job_number",
    }
    report = data["reports"][1]
    assert report["period_start"]["value"] == "2020-07-01"
    assert report["troops_total"]["evidence"][0] == {
        "page": 5,
        "rects": report["troops_total"]["evidence"][0]["rects"],
        "quote": "3,400",
    }
    assert report["events"][0]["value"]["date"] == "2020-09-04"
    assert data["changes"][0]["troops_total"]["difference"] == -200
    assert data["document"]["symbol"] is None


@pytest.mark.slow
def test_whole_sample_rasterised_is_read_by_ocr(tmp_path, sample_pdf):
    if not ocr.ocr_available():
        pytest.skip("Tesseract is not installed")
    scan = tmp_path / "scan.pdf"
    source = pymupdf.open(sample_pdf)
    scanned = pymupdf.open()
    for page in source:
        target = scanned.new_page(width=page.rect.width, height=page.rect.height)
        target.insert_image(target.rect, pixmap=page.get_pixmap(dpi=200))
    scanned.save(scan)
    result = extract(scan)
    assert result.ocr_pages == [0, 1, 2, 3, 4]
    assert result.recognised
    assert [r.label.value for r in result.reports] == ["Annex I", "Annex II"]
    assert [r.troops_total.value for r in result.reports] == [3600, 3400]
    assert [(r.nato_nations.value, r.non_nato_nations.value) for r in result.reports] == [
        (19, 8),
        (18, 8),
    ]
    assert [r.period_start.value for r in result.reports] == [D(2020, 4, 1), D(2020, 7, 1)]
    evidence = result.reports[1].troops_total.evidence[0]
    assert (evidence.page, evidence.quote) == (5, "3,400")
    assert result.cover_letter.date.value == D(2020, 12, 3)
    assert [f.value for f in result.cover_letter.transmitted_letter_dates] == [
        D(2020, 8, 3),
        D(2020, 11, 24),
    ]


def test_scan_without_ocr_says_so(tmp_path, sample_pdf):
    scan = tmp_path / "scan.pdf"
    scanned = pymupdf.open()
    page = scanned.new_page()
    page.insert_image(page.rect, pixmap=pymupdf.open(sample_pdf)[0].get_pixmap(dpi=50))
    scanned.save(scan)
    result = extract(scan, use_ocr=False)
    assert result.ocr_unavailable_pages == [0]
    assert [w.code for w in result.warnings] == ["ocr_unavailable"]
    assert not result.recognised


def test_non_kfor_pdf_gives_generic_fields(tmp_path):
    path = make_pdf(
        tmp_path / "minutes.pdf",
        [
            para("Minutes of the Annual Meeting of the Harbour Rowing Club"),
            para(
                "The meeting of the Harbour Rowing Association was held on 14 March 2019 with "
                "members of the World Rowing Federation. The next meeting is on 2 April 2020."
            ),
        ],
    )
    result = extract(path)
    assert not result.recognised
    assert "No KFOR report structure was recognised" in result.message
    assert result.reports == [] and result.cover_letter is None
    assert result.generic.page_count == 1
    assert result.generic.title.value == "Minutes of the Annual Meeting of the Harbour Rowing Club"
    assert [f.value for f in result.generic.dates] == [D(2019, 3, 14), D(2020, 4, 2)]
    assert [f.value for f in result.generic.organisations] == [
        "Harbour Rowing Association",
        "World Rowing Federation",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"hello, not a pdf", "not a PDF"), (b"%PDF-1.7\n garbage", "damaged")],
)
def test_unreadable_files_raise_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(ExtractionError, match=message):
        extract(path)


def test_password_protected_pdf_raises_a_clear_error(tmp_path):
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), "KFOR")
    path = tmp_path / "locked.pdf"
    document.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="o")
    with pytest.raises(ExtractionError, match="password"):
        extract(path)


def test_a_damaged_page_is_a_clear_error(tmp_path):
    from tests.core.bad_pdfs import page_tree_cycle_pdf

    with pytest.raises(ExtractionError, match=r"page 2 cannot be read \(.*cycle"):
        extract(page_tree_cycle_pdf(tmp_path / "cycle.pdf"))


def test_open_document_is_left_open_for_the_caller(sample_pdf):
    document = pymupdf.open(sample_pdf)
    result = extract(document)
    assert result.recognised and not document.is_closed
    assert result.file == str(sample_pdf)


def test_a_pdf_about_other_troops_is_not_a_kfor_report(tmp_path):
    path = make_pdf(
        tmp_path / "news.pdf",
        [
            para("Regional news"),
            para(
                "From 1 to 30 June 2019, some 5,000 troops of the Northern Army took part in an "
                "exercise with 12 NATO nations."
            ),
        ],
    )
    result = extract(path)
    assert not result.recognised
    assert result.reports == []


def test_french_version(tmp_path):
    blocks = [
        heading(
            "Lettre datée du 3 décembre 2020, adressée au Président du Conseil de sécurité par "
            "le Secrétaire général"
        ),
        para(
            "Conformément à la résolution 1244 (1999) du Conseil de sécurité, j'ai l'honneur de "
            "vous faire tenir ci-joint les lettres datées du 3 août 2020 et du 24 novembre 2020, "
            "couvrant les périodes du 1er avril au 30 juin 2020 et du 1er juillet au "
            "30 septembre 2020."
        ),
        para("(Signé) António Guterres"),
        Block("Annexe", "centre", space_before=18),
        heading("Rapport à l'Organisation des Nations Unies sur les opérations de la KFOR"),
        para(
            "Le présent rapport couvre les activités de la KFOR pendant la période du 1er avril "
            "au 30 juin 2020.",
            "1.",
        ),
        para(
            "Au 30 juin 2020, l'effectif total de la KFOR sur le théâtre d'opérations était "
            "d'environ 3\u202f600 militaires, issus de 19 pays membres de l'Organisation du "
            "Traité de l'Atlantique Nord (OTAN) et de 8 pays non membres de l'OTAN.",
            "2.",
        ),
        para("Aucun incident majeur n'a été signalé et aucune demande d'intervention.", "3."),
        para("Le 9 juillet, une manifestation a eu lieu sans incident.", "4."),
    ]
    header = [
        ("Conseil de sécurité", "Distr. générale"),
        ("", "7 décembre 2020"),
        ("", "Original : anglais"),
    ]
    result = extract(make_pdf(tmp_path / "fr.pdf", blocks, header_block=header))
    assert result.document.organ.value == "Conseil de sécurité"
    assert result.document.distribution.value == "Générale"
    assert result.document.distribution_date.value == D(2020, 12, 7)
    assert result.document.original_language.value == "Anglais"
    cover = result.cover_letter
    assert cover.date.value == D(2020, 12, 3)
    assert cover.addressee.value == "Président du Conseil de sécurité"
    assert cover.sender.value == "Secrétaire général"
    assert cover.signatory.value == "António Guterres"
    assert [f.value for f in cover.transmitted_letter_dates] == [D(2020, 8, 3), D(2020, 11, 24)]
    (report,) = result.reports
    assert (report.period_start.value, report.period_end.value) == (
        D(2020, 4, 1),
        D(2020, 6, 30),
    )
    assert report.as_at.value == D(2020, 6, 30)
    assert (report.troops_total.value, report.troops_qualifier.value) == (3600, "environ")
    assert (report.nato_nations.value, report.non_nato_nations.value) == (19, 8)
    assert report.major_incidents.value is False
    assert report.intervention_requests.value is False
    assert [e.value["date"] for e in report.events] == [D(2020, 7, 9)]
