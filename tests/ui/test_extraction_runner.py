"""The background extraction: results in order per document, failures as messages, stale
answers dropped, a clean shutdown."""

from __future__ import annotations

import pytest

from kfor_viewer.ui.extraction_runner import ExtractionRunner

TIMEOUT_MS = 30_000


@pytest.fixture
def runner(qtbot):
    runner = ExtractionRunner(timeout=30)
    yield runner
    runner.shutdown()


def test_identity_comes_before_the_fields(qtbot, runner, sample_pdf):
    seen = []
    runner.identified.connect(lambda gen, identity: seen.append(("identified", gen, identity)))
    runner.extracted.connect(lambda gen, result: seen.append(("extracted", gen, result)))
    with qtbot.waitSignal(runner.extracted, timeout=TIMEOUT_MS):
        generation = runner.start(str(sample_pdf))
    (kind1, gen1, identity), (kind2, gen2, result) = seen
    assert (kind1, kind2, gen1, gen2) == ("identified", "extracted", generation, generation)
    assert identity.sha256 == result.sha256 and len(identity.sha256) == 64
    assert identity.file_name == sample_pdf.name
    assert result.recognised and not runner.busy


def test_a_file_that_cannot_be_read_gives_a_clear_failure(qtbot, runner, tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"this is not a PDF at all")
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS) as failure:
        runner.start(str(junk))
    assert "not a PDF" in failure.args[1]
    assert not runner.busy


def test_only_the_latest_document_is_answered(qtbot, runner, sample_pdf, text_pdf):
    answers = []
    runner.extracted.connect(lambda gen, result: answers.append((gen, result.file)))
    runner.start(str(sample_pdf))
    with qtbot.waitSignal(runner.extracted, timeout=TIMEOUT_MS):
        latest = runner.start(str(text_pdf))
    qtbot.wait(200)
    assert answers == [(latest, str(text_pdf))]


def test_shutdown_is_quick_and_final(qtbot, runner, sample_pdf):
    runner.start(str(sample_pdf))
    runner.shutdown()  # while the child may be busy: it is cancelled, the thread ends
    assert not runner.busy
    with pytest.raises(RuntimeError, match="shut down"):
        runner.start(str(sample_pdf))
