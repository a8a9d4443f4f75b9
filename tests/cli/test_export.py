"""`kfor-viewer export` end to end: highlights made with `annotate`, exported in each format."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from kfor_viewer.cli import main
from tests.conftest import REPO_ROOT, SAMPLE_PDF
from tests.core.export.annotated_sample import SAMPLE_PASSWORD, make_annotated_sample


@pytest.fixture(scope="module")
def annotated(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the sample with three highlights made through the CLI, and its data folder
    (shared by the module's tests, which only read it)."""
    folder = tmp_path_factory.mktemp("export-cli")
    pdf = folder / "report.pdf"
    shutil.copyfile(SAMPLE_PDF, pdf)
    data = folder / "data"
    for argv in (
        ["--quote", "remained approximately 3,600", "--tag", "troops", "--note", "Q2 strength"],
        ["--quote", "no major security incidents", "--page", "5", "--tag", "security",
         "--note", "-1 incidents? <b>none</b>"],
        ["--quote", "third security responder", "--page", "3"],
    ):  # fmt: skip
        assert main(["annotate", str(pdf), *argv, "--data-dir", str(data)]) == 0
    return pdf, data


def _export(capsys, pdf: Path, data: Path, out: Path, *extra: str) -> tuple[int, str]:
    argv = ["export", str(pdf), "-o", str(out), "--data-dir", str(data), *extra]
    status = main(argv)
    return status, capsys.readouterr().err


def test_markdown_export_with_fields_and_highlights(capsys, annotated, tmp_path):
    pdf, data = annotated
    out = tmp_path / "summary.md"
    status, err = _export(capsys, pdf, data, out, "--format", "md")
    assert status == 0 and "3 highlights" in err
    text = out.read_text(encoding="utf-8")
    assert "| Troops | approx. 3,600 | approx. 3,400 | \u2212200 |" in text
    assert "| NATO nations | 19 | 18 | \u22121 |" in text
    assert "### troops (1)" in text and "### Untagged (1)" in text
    assert "**Note:** Q2 strength" in text


def test_tags_group_by_and_no_fields(capsys, annotated, tmp_path):
    pdf, data = annotated
    out = tmp_path / "security.json"
    args = ["--format", "json", "--tags", "security", "--group-by", "page", "--no-fields"]
    status, _ = _export(capsys, pdf, data, out, *args)
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert status == 0 and exported["reports"] == []
    assert [(a["page"], a["tags"]) for a in exported["annotations"]] == [(5, ["security"])]
    assert [g["title"] for g in exported["groups"]] == ["Page 5"]


def test_csv_neutralises_a_note_starting_with_minus(capsys, annotated, tmp_path):
    pdf, data = annotated
    out = tmp_path / "h.csv"
    assert _export(capsys, pdf, data, out, "--format", "csv")[0] == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["note"] for r in rows if r["tags"] == "security"] == ["'-1 incidents? <b>none</b>"]


def test_html_with_images_and_the_annotated_pdf(capsys, annotated, tmp_path):
    pdf, data = annotated
    page = tmp_path / "summary.html"
    assert _export(capsys, pdf, data, page, "--format", "html", "--images")[0] == 0
    text = page.read_text(encoding="utf-8")
    assert text.count("data:image/png;base64,") == 3
    assert "&lt;b&gt;none&lt;/b&gt;" in text and "<b>none</b>" not in text
    copy = tmp_path / "annotated.pdf"
    assert _export(capsys, pdf, data, copy, "--format", "annotated-pdf")[0] == 0
    with pymupdf.open(copy) as document:
        comments = sorted(a.info["content"] for p in document for a in p.annots())
    assert comments == [
        "",
        "Tags: security\n\n-1 incidents? <b>none</b>",
        "Tags: troops\n\nQ2 strength",
    ]


def test_images_on_a_format_without_pictures_warns(capsys, annotated, tmp_path):
    pdf, data = annotated
    status, err = _export(capsys, pdf, data, tmp_path / "x.md", "--format", "md", "--images")
    assert status == 0 and "--images has no effect on md" in err


def test_a_tag_no_highlight_has_is_warned_about(capsys, annotated, tmp_path):
    pdf, data = annotated
    args = ["--format", "md", "--tags", "securty", "troops"]  # a typo and a real tag
    status, err = _export(capsys, pdf, data, tmp_path / "x.md", *args)
    assert status == 0 and "1 highlight," in err
    assert "warning: no highlight has the tag 'securty'" in err
    assert "'troops'" not in err


def test_refuses_to_overwrite_the_source(capsys, annotated):
    pdf, data = annotated
    before = hashlib.sha256(pdf.read_bytes()).hexdigest()
    status, err = _export(capsys, pdf, data, pdf, "--format", "annotated-pdf")
    assert status == 1 and "refusing to write the export over the source PDF" in err
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == before


def test_a_file_that_is_not_a_pdf_is_a_clear_error(capsys, tmp_path):
    notes = tmp_path / "notes.pdf"
    notes.write_text("hello", encoding="utf-8")
    status = main(["export", str(notes), "--format", "md", "-o", str(tmp_path / "o.md")])
    err = capsys.readouterr().err
    assert status == 1 and err.startswith("kfor-viewer: error:") and err.count("\n") == 1


def test_the_installed_command_runs_export(annotated, tmp_path):
    pdf, data = annotated
    out = tmp_path / "summary.pdf"
    completed = subprocess.run(
        [sys.executable, "-m", "kfor_viewer", "export", str(pdf), "--format", "pdf",
         "-o", str(out), "--data-dir", str(data)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    with pymupdf.open(out) as document:
        assert "third security responder" in " ".join(p.get_text() for p in document)


def test_an_encrypted_pdf_needs_its_password_on_standard_input(
    capsys, monkeypatch, tmp_path, sample_pdf
):
    locked = make_annotated_sample(tmp_path, sample_pdf, SAMPLE_PASSWORD)
    out = tmp_path / "summary.md"
    status, err = _export(capsys, locked.pdf, locked.data_dir, out, "--format", "md")
    assert status == 1 and "encrypted; give its password on standard input" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO("not it\n"))
    status, err = _export(capsys, locked.pdf, locked.data_dir, out, "-f", "md", "--password-stdin")
    assert status == 1 and "does not open this PDF" in err and not out.exists()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    status, err = _export(capsys, locked.pdf, locked.data_dir, out, "-f", "md", "--password-stdin")
    assert status == 1 and "standard input is empty" in err


def test_the_installed_command_reads_the_password_from_a_pipe(tmp_path, sample_pdf):
    locked = make_annotated_sample(tmp_path, sample_pdf, SAMPLE_PASSWORD)
    out = tmp_path / "annotated.pdf"
    completed = subprocess.run(
        [sys.executable, "-m", "kfor_viewer", "export", str(locked.pdf), "-f", "annotated-pdf",
         "-o", str(out), "--data-dir", str(locked.data_dir), "--password-stdin"],
        input=SAMPLE_PASSWORD + "\n", cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert "5 highlights" in completed.stderr and SAMPLE_PASSWORD not in completed.stderr
    with pymupdf.open(out) as copy:
        assert copy.needs_pass and copy.authenticate(SAMPLE_PASSWORD)
        assert sum(1 for page in copy for _ in page.annots()) == 5
