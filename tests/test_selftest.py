"""`kfor-viewer --self-test` on this installation: passes here, and names what is broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from kfor_viewer import selftest
from kfor_viewer.core import paths

CHECKS = ("versions", "qt", "icon", "source", "sample", "render", "fields", "annotations", "ocr")


@pytest.fixture
def run(qapp):
    def run_and_capture() -> tuple[int, list[str]]:
        lines: list[str] = []
        status = selftest.run_self_test(None, out=lines.append)
        return status, lines

    return run_and_capture


def test_self_test_passes_and_prints_every_check(run, sample_pdf, isolated_user_folders):
    assert sample_pdf.exists()
    status, lines = run()
    assert status == 0, "\n".join(lines)
    for check in CHECKS:
        assert any(line.startswith(f"ok    {check}: ") for line in lines), "\n".join(lines)
    assert lines[-1] == f"self-test passed: {len(CHECKS)} checks"
    render = next(line for line in lines if line.startswith("ok    render"))
    assert "page 1 at 600x" in render and "worker process" in render
    # The annotation went to a temporary store, not the user's.
    data_dir, _ = isolated_user_folders
    assert not (data_dir / "annotations").exists()


def test_a_missing_sample_fails_the_self_test_and_names_the_checks(run, monkeypatch, tmp_path):
    missing = tmp_path / "gone.pdf"
    monkeypatch.setattr(paths, "sample_pdf", lambda: Path(missing))
    status, lines = run()
    assert status == 1
    assert any(line.startswith("FAIL  sample: the sample report is missing") for line in lines)
    assert lines[-1] == "self-test FAILED: sample, render, fields, annotations"


def test_a_blank_render_is_a_failure(run, monkeypatch):
    monkeypatch.setattr(selftest, "_ink_fraction", lambda image: 0.0)
    status, lines = run()
    assert status == 1
    assert any(line.startswith("FAIL  render: page 1 rendered blank") for line in lines), lines
