"""`kfor-viewer extract`: JSON and CSV output, several files, and files that cannot be read, crash
or hang the reader (each reported on stderr while the others are still processed)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kfor_viewer.cli import extract as extract_command
from kfor_viewer.cli import main
from tests.cli.extract_faults import crash_or_hang_by_name


@pytest.fixture
def sample(sample_pdf):
    if not sample_pdf.exists():
        pytest.skip("the sample PDF has not been generated")
    return str(sample_pdf)


def test_one_file_prints_one_json_object(sample, capsys):
    assert main(["extract", sample]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == 1
    assert data["file"] == sample
    assert [r["troops_total"]["value"] for r in data["reports"]] == [3600, 3400]
    evidence = data["reports"][0]["period_start"]["evidence"][0]
    assert set(evidence) == {"page", "rects", "quote"}
    assert evidence["page"] == 3


def test_several_files_print_an_array_and_a_bad_file_is_reported(sample, tmp_path, capsys):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"this is not a PDF")
    assert main(["extract", sample, str(broken), sample]) == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [item["file"] for item in data] == [sample, sample]
    assert f"{broken}: This file is not a PDF" in captured.err


def test_csv_has_one_row_per_report(sample, tmp_path, capsys):
    out = tmp_path / "fields.csv"
    assert main(["extract", sample, "--format", "csv", "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["report"], r["period_end"], r["troops_total"], r["nato_nations"]) for r in rows] == [
        ("Annex I", "2020-06-30", "3600", "19"),
        ("Annex II", "2020-09-30", "3400", "18"),
    ]
    assert rows[0]["troops_approximate"] == "true"
    assert rows[1]["signatory"] == "Jens Stoltenberg"


def test_unwritable_output_is_an_error(sample, tmp_path, capsys):
    assert main(["extract", sample, "-o", str(tmp_path / "missing" / "out.json")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_a_file_that_crashes_or_hangs_the_reader_costs_only_itself(
    sample, tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr(extract_command, "extract_to_dict", crash_or_hang_by_name)
    crash = tmp_path / "crash.pdf"
    hang = tmp_path / "hang.pdf"
    for path in (crash, hang):
        path.write_bytes(b"%PDF-1.7\n")
    code = main(["extract", str(crash), sample, str(hang), sample, "--timeout", "5"])
    captured = capsys.readouterr()
    assert code == 1
    assert [item["file"] for item in json.loads(captured.out)] == [sample, sample]
    assert f"{crash}: the PDF reader crashed on this file" in captured.err
    assert f"{hang}: gave up after 5 s" in captured.err


def test_an_encrypted_report_is_read_with_the_password_from_standard_input(
    sample, tmp_path, capsys, monkeypatch
):
    import sys

    import pymupdf

    locked = tmp_path / "locked.pdf"
    with pymupdf.open(sample) as document:
        document.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="kfor", owner_pw="o")
    assert main(["extract", str(locked)]) == 1
    assert "give its password on standard input with --password-stdin" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("kfor\n"))
    assert main(["extract", str(locked), "--password-stdin"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["troops_total"]["value"] for r in data["reports"]] == [3600, 3400]
    monkeypatch.setattr(sys, "stdin", io.StringIO("KFOR\n"))
    assert main(["extract", str(locked), "--password-stdin"]) == 1
    assert "the password does not open this PDF" in capsys.readouterr().err
