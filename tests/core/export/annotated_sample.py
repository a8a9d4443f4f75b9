"""The sample PDF with highlights and field corrections made through the store, in a tmp folder
(used by the export tests of core, CLI and UI)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from kfor_viewer.core.anchoring import anchor_quote
from kfor_viewer.core.annotation_store import AnnotationStore
from kfor_viewer.core.annotations import Annotation, DocumentAnnotations, FieldCorrection
from kfor_viewer.core.document_identity import identify_document
from kfor_viewer.core.export.passage_images import PassageImages
from kfor_viewer.core.export.summary import (
    DEFAULT_OPTIONS,
    ExportOptions,
    Summary,
    build_summary,
)
from kfor_viewer.core.extraction import ExtractionResult, extract
from kfor_viewer.core.page_text import read_document_text

SCRIPT_NOTE = "<script>alert('x')</script> & \"quoted\" 'single'"
FORMULA_NOTE = "=SUM(A1:A9)"
# (quote, page, tags, note, colour)
HIGHLIGHTS = (
    ("remained approximately 3,600", 3, ("troops", "figures"), "Troop strength, Q2.", "#FFE066"),
    ("no major security incidents", 3, ("security",), SCRIPT_NOTE, "#8CE99A"),
    ("remained approximately 3,400, from 18 North Atlantic", 5, ("troops",), "", "#74C0FC"),
    (
        "brokered economic normalization agreements",
        5,
        ("politics",),
        "Washington talks.",
        "#FFC078",
    ),
    ("third security responder", 5, (), FORMULA_NOTE, "#FFA8A8"),
)

SAMPLE_PASSWORD = "kfor-2020"  # of the encrypted variant (`locked_sample`)


@dataclass
class AnnotatedSample:
    pdf: Path
    data_dir: Path
    annotations: list[Annotation]
    password: str | None = None  # the PDF is encrypted with it (AES-256) when given

    def open(self) -> pymupdf.Document:
        document = pymupdf.open(self.pdf)
        if self.password is not None:
            assert document.authenticate(self.password)
        return document

    def by_quote(self, start: str) -> list[Annotation]:
        return [a for a in self.annotations if a.quote.startswith(start)]

    def stored(self) -> DocumentAnnotations:
        with self.open() as document:
            return AnnotationStore.open(
                identify_document(self.pdf, document), self.data_dir
            ).document

    def result(self) -> ExtractionResult:
        with self.open() as document:
            return extract(document)

    def summary(self, options: ExportOptions = DEFAULT_OPTIONS) -> Summary:
        with self.open() as document:
            return build_summary(extract(document), self.stored(), options, PassageImages(document))


def make_annotated_sample(
    tmp_path: Path, sample_pdf: Path, password: str | None = None
) -> AnnotatedSample:
    """A copy of the sample with HIGHLIGHTS in its store; encrypted with `password` if given."""
    pdf = tmp_path / "documents" / "kfor report.pdf"
    pdf.parent.mkdir()
    if password is None:
        shutil.copyfile(sample_pdf, pdf)
    else:
        with pymupdf.open(sample_pdf) as source:
            source.save(
                pdf,
                encryption=pymupdf.PDF_ENCRYPT_AES_256,
                user_pw=password,
                owner_pw=password + "-owner",
            )
    data_dir = tmp_path / "data"
    sample = AnnotatedSample(pdf, data_dir, [], password)
    with sample.open() as document:
        text = read_document_text(document)
        store = AnnotationStore.open(identify_document(pdf, document), data_dir)
    for quote, page, tags, note, color in HIGHLIGHTS:
        for annotation in anchor_quote(text, quote, page, color=color, tags=tags, note=note):
            sample.annotations.append(store.add(annotation))
    store.save()
    return sample


def add_corrections(sample: AnnotatedSample, *corrections: FieldCorrection) -> None:
    with pymupdf.open(sample.pdf) as document:
        store = AnnotationStore.open(identify_document(sample.pdf, document), sample.data_dir)
    for correction in corrections:
        store.set_correction(correction)
    store.save()
