"""Organisations, people and resolutions found by pattern in plain text."""

from __future__ import annotations

import pymupdf

from kfor_viewer.core.extraction.entities import organisations, people, resolutions
from kfor_viewer.core.extraction.source import Region, Source
from kfor_viewer.core.page_text import read_document_text
from tests.core.synthetic_pdf import make_pdf, para

TEXT = (
    "The Special Representative of the Secretary-General, Maria Olsen, met the Organization for "
    "Security and Co-operation in Europe (OSCE) and the Kosovo Liberation Army War Veterans "
    "Organization and the Association of Political Prisoners. Mr. Thaci and the Kosovo police "
    "referred to resolutions 1244 (1999) and 2178 (2014) and to the European Union-sponsored "
    "talks. Later the OSCE and the World Health Organization met again."
)


def _source(tmp_path) -> Source:
    document = pymupdf.open(make_pdf(tmp_path / "e.pdf", [para(TEXT)]))
    return Source(read_document_text(document))


def test_organisations_by_pattern(tmp_path):
    source = _source(tmp_path)
    found = organisations(source, Region(0, len(source.text)))
    assert [f.value for f in found] == [
        "Organization for Security and Co-operation in Europe (OSCE)",
        "Kosovo Liberation Army War Veterans Organization",
        "Association of Political Prisoners",
        "Kosovo police",
        "European Union",
        "World Health Organization",
    ]
    assert found[0].evidence[0].quote.startswith("Organization for Security")


def test_people_and_resolutions(tmp_path):
    source = _source(tmp_path)
    whole = Region(0, len(source.text))
    assert [f.value for f in people(source, whole)] == ["Maria Olsen", "Thaci"]
    found = resolutions(source, whole)
    assert [f.value for f in found] == ["1244 (1999)", "2178 (2014)"]
    assert [f.evidence[0].quote for f in found] == ["1244 (1999)", "2178 (2014)"]


def test_offices_before_names_and_name_particles(tmp_path):
    text = (
        "Prime Minister Albin Kurti met Major General Ferenc Kajári, Commander KFOR, and the "
        "General Assembly heard Mr. Jaap de Hoop Scheffer."
    )
    document = pymupdf.open(make_pdf(tmp_path / "p.pdf", [para(text)]))
    source = Source(read_document_text(document))
    found = people(source, Region(0, len(source.text)))
    assert [f.value for f in found] == ["Albin Kurti", "Ferenc Kajári", "Jaap de Hoop Scheffer"]


def test_a_region_lists_only_its_own_mentions(tmp_path):
    source = _source(tmp_path)
    start = source.text.index("Later")
    found = organisations(source, Region(start, len(source.text)))
    assert [f.value for f in found] == ["World Health Organization"]
