from __future__ import annotations

import subprocess

import pymupdf

from kfor_viewer import __version__
from kfor_viewer.core import ocr, versions


def test_core_components_name_the_running_versions():
    by_name = {component.name: component.version for component in versions.core_components()}
    assert by_name["kfor-viewer"] == __version__
    assert by_name["PyMuPDF"] == pymupdf.VersionBind
    assert by_name["MuPDF"] == pymupdf.VersionFitz


def test_missing_tesseract_is_reported_as_not_found(monkeypatch):
    monkeypatch.setattr(versions.shutil, "which", lambda name: None)
    assert versions.tesseract_version() is None


def test_ocr_without_language_data_says_what_to_install(monkeypatch):
    monkeypatch.setattr(ocr, "tessdata_dir", lambda: None)
    by_name = {c.name: c.version for c in versions.core_components()}
    assert by_name["OCR"] == "not found (install tesseract-ocr-eng)"


def test_ocr_with_language_data_names_the_engine_and_the_folder(monkeypatch):
    monkeypatch.setattr(ocr, "tessdata_dir", lambda: "/data/tessdata")
    monkeypatch.setattr(versions, "tesseract_version", lambda: None)
    assert versions.ocr_component().version == "MuPDF's Tesseract, English"
    monkeypatch.setattr(versions, "tesseract_version", lambda: "5.3.0")
    component = versions.ocr_component()
    assert component.version == "Tesseract 5.3.0, English"
    assert component.detail == "Language data in /data/tessdata"


def test_tesseract_version_is_read_from_either_stream(monkeypatch):
    monkeypatch.setattr(versions.shutil, "which", lambda name: "/usr/bin/tesseract")

    def fake_run(*args, **kwargs):
        return subprocess.CompletedProcess(args, 0, stdout="", stderr="tesseract 4.1.1\n leptonica")

    monkeypatch.setattr(versions.subprocess, "run", fake_run)
    assert versions.tesseract_version() == "4.1.1"


def test_a_hanging_tesseract_does_not_hang_the_caller(monkeypatch):
    monkeypatch.setattr(versions.shutil, "which", lambda name: "/usr/bin/tesseract")

    def timing_out(*args, **kwargs):
        raise subprocess.TimeoutExpired("tesseract", 5)

    monkeypatch.setattr(versions.subprocess, "run", timing_out)
    assert versions.tesseract_version() is None
