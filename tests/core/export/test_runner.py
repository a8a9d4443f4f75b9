"""Whole exports: never over the source PDF, atomic, cancellable, clear about bad input."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pymupdf
import pytest

from kfor_viewer.core.annotation_store import store_folder
from kfor_viewer.core.export import (
    FORMATS,
    ExportCancelled,
    ExportError,
    ExportOptions,
    export_file,
)
from tests.core import bad_pdfs
from tests.core.export.annotated_sample import SAMPLE_PASSWORD


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("output_format", list(FORMATS))
def test_refuses_to_write_over_the_source_pdf(annotated_sample, output_format):
    before = _digest(annotated_sample.pdf)
    with pytest.raises(ExportError, match="source PDF"):
        export_file(annotated_sample.pdf, output_format, annotated_sample.pdf)
    assert _digest(annotated_sample.pdf) == before


def test_refuses_the_source_under_another_name(annotated_sample, tmp_path):
    pdf = annotated_sample.pdf
    roundabout = pdf.parent / ".." / pdf.parent.name / pdf.name
    hard_link = tmp_path / "hard-link.pdf"
    os.link(pdf, hard_link)
    symlink = tmp_path / "symlink.pdf"
    symlink.symlink_to(pdf)
    for other_name in (roundabout, hard_link, symlink):
        with pytest.raises(ExportError, match="source PDF"):
            export_file(pdf, "annotated-pdf", other_name, data_dir=annotated_sample.data_dir)
    assert not list(pdf.parent.glob(".*.tmp"))


def test_output_replaces_an_old_export_atomically(annotated_sample, tmp_path):
    out = tmp_path / "summary.md"
    out.write_text("an older export", encoding="utf-8")
    stages = []
    outcome = export_file(
        annotated_sample.pdf,
        "md",
        out,
        data_dir=annotated_sample.data_dir,
        progress=lambda fraction, message: stages.append(fraction),
    )
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert outcome.size == out.stat().st_size and outcome.highlights == 5
    assert stages[0] == 0.0 and stages[-1] == 1.0 and stages == sorted(stages)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["summary.md"]


def test_cancelling_writes_nothing(annotated_sample, tmp_path):
    out = tmp_path / "summary.html"

    def cancel_when_cropping(fraction, message):
        if "Cropping" in message:
            raise ExportCancelled

    with pytest.raises(ExportCancelled):
        export_file(
            annotated_sample.pdf,
            "html",
            out,
            ExportOptions(include_images=True),
            annotated_sample.data_dir,
            progress=cancel_when_cropping,
        )
    assert not out.exists() and not list(tmp_path.glob(".*.tmp"))


def test_given_annotations_replace_the_store(annotated_sample, tmp_path):
    stored = annotated_sample.stored()
    stored.annotations = dict(list(stored.annotations.items())[:1])
    out = tmp_path / "one.csv"
    outcome = export_file(annotated_sample.pdf, "csv", out, annotations=stored)
    assert outcome.highlights == 1


def test_a_corrupt_store_is_reported_and_the_export_still_runs(annotated_sample, tmp_path):
    [store_file] = store_folder(annotated_sample.data_dir).glob("*.json")
    store_file.write_text("{ not json", encoding="utf-8")
    outcome = export_file(
        annotated_sample.pdf, "json", tmp_path / "x.json", data_dir=annotated_sample.data_dir
    )
    assert outcome.highlights == 0 and outcome.warnings


@pytest.mark.parametrize(
    ("make_source", "message"),
    [
        (lambda folder: folder / "missing.pdf", "no such file"),
        (lambda folder: _write(folder / "notes.pdf", b"plain text, not a PDF"), "notes.pdf"),
        (lambda folder: _write(folder / "empty.pdf", b""), "empty.pdf"),
        (lambda folder: bad_pdfs.encrypted_pdf(folder / "locked.pdf"), "password"),
        (lambda folder: bad_pdfs.page_tree_cycle_pdf(folder / "cycle.pdf"), "cannot be read"),
    ],
)
def test_bad_sources_give_a_clear_error(tmp_path, make_source, message):
    with pytest.raises(ExportError, match=message):
        export_file(make_source(tmp_path), "md", tmp_path / "out.md")
    assert not (tmp_path / "out.md").exists()


def test_bad_outputs_give_a_clear_error(annotated_sample, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_file(annotated_sample.pdf, "md", tmp_path / "no" / "such" / "out.md")
    with pytest.raises(ExportError, match="is a folder"):
        export_file(annotated_sample.pdf, "md", tmp_path)
    with pytest.raises(ExportError, match="unknown format"):
        export_file(annotated_sample.pdf, "docx", tmp_path / "out.docx")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_the_annotated_copy_of_an_encrypted_pdf_keeps_its_password(locked_sample, tmp_path):
    out = tmp_path / "annotated.pdf"
    outcome = export_file(
        locked_sample.pdf, "annotated-pdf", out, data_dir=locked_sample.data_dir,
        password=SAMPLE_PASSWORD,
    )  # fmt: skip
    assert outcome.highlights == 5 and outcome.skipped == 0
    with pymupdf.open(out) as copy:
        assert copy.needs_pass and not copy.authenticate("kfor-2020-owner")
        assert copy.authenticate(SAMPLE_PASSWORD)
        highlights = [a for page in copy for a in page.annots() if a.type[1] == "Highlight"]
    assert len(highlights) == 5


def test_an_encrypted_pdf_with_a_wrong_password_is_a_clear_error(locked_sample, tmp_path):
    with pytest.raises(ExportError, match="password is wrong"):
        export_file(locked_sample.pdf, "md", tmp_path / "out.md", password="guess")
    assert not (tmp_path / "out.md").exists()
