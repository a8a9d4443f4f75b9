"""Shared fixtures: every test runs with its own data and settings folders, offscreen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PDF = REPO_ROOT / "resources" / "samples" / "kfor-report-2020-q2-q3.pdf"


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path, monkeypatch):
    """Point the annotation stores and the settings at tmp_path so no test touches real data."""
    data = tmp_path / "user-data"
    config = tmp_path / "user-config"
    monkeypatch.setenv("KFOR_VIEWER_DATA_DIR", str(data))
    monkeypatch.setenv("KFOR_VIEWER_CONFIG_DIR", str(config))
    return data, config


@pytest.fixture(autouse=True)
def pyside_refcount_guard():
    """PySide6 6.12.0 on CPython 3.11 leaks references to None until Python aborts; keep the
    counts up between tests (see kfor_viewer/ui/refcount_guard.py)."""
    from kfor_viewer.ui.refcount_guard import bug_present, top_up

    if bug_present():
        top_up()


@pytest.fixture
def sample_pdf() -> Path:
    return SAMPLE_PDF
