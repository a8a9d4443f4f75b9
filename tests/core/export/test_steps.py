"""The export as steps for the dialog's child process, called here in-process."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kfor_viewer.core.export import ExportOptions
from kfor_viewer.core.export.steps import PROTECTED_COPY_NOTE, ExportRequest, run_step
from kfor_viewer.core.isolated_runner import IsolatedFailure
from tests.core.export.annotated_sample import SAMPLE_PASSWORD


def _request(sample, output_format="md", **changes) -> ExportRequest:
    fields = {
        "pdf": str(sample.pdf),
        "format": output_format,
        "options": ExportOptions(),
        "data_dir": str(sample.data_dir),
    }
    fields.update(changes)
    return ExportRequest(**fields)


@pytest.mark.parametrize(
    ("output_format", "mode", "expected"),
    [
        ("md", "markdown", "| Troops | approx. 3,600 | approx. 3,400 | \u2212200 |"),
        ("html", "html", "KFOR report summary"),
        ("pdf", "html", "Key figures"),
        ("json", "plain", '"schema_version": 1'),
        ("csv", "plain", "page,quote,tags"),
        ("annotated-pdf", "plain", "5 highlight annotations will be added"),
    ],
)
def test_preview_of_each_format(annotated_sample, output_format, mode, expected):
    preview = run_step(("preview", _request(annotated_sample, output_format)))
    assert preview.mode == mode and expected in preview.text
    assert preview.highlights == 5 and preview.untagged == 1
    assert dict(preview.tag_counts) == {"figures": 1, "politics": 1, "security": 1, "troops": 2}


def test_an_export_in_steps_writes_the_file(annotated_sample, tmp_path):
    out = tmp_path / "summary.html"
    request = _request(
        annotated_sample, "html", options=ExportOptions(include_images=True), output=str(out)
    )
    assert run_step(("begin", (1, request))) == 5
    assert run_step(("crop", (1, 3))) == 2
    assert run_step(("crop", (1, 3))) == 0
    outcome = run_step(("finish", 1))
    assert outcome.path == out and out.read_text(encoding="utf-8").count("data:image/png") == 6


def test_an_abandoned_export_writes_nothing(annotated_sample, tmp_path):
    out = tmp_path / "never.pdf"
    run_step(("begin", (2, _request(annotated_sample, "pdf", output=str(out)))))
    run_step(("abandon", 2))
    with pytest.raises(KeyError):
        run_step(("finish", 2))
    assert not out.exists()


def test_errors_reach_the_dialog_as_plain_messages(annotated_sample, tmp_path):
    over_source = _request(annotated_sample, "annotated-pdf", output=str(annotated_sample.pdf))
    with pytest.raises(IsolatedFailure, match="refusing to write the export over the source"):
        run_step(("begin", (3, over_source)))
    missing = _request(annotated_sample, "md", pdf=str(tmp_path / "gone.pdf"))
    with pytest.raises(IsolatedFailure, match=r"gone\.pdf"):
        run_step(("preview", missing))


def test_an_encrypted_pdf_previews_and_exports_with_the_viewers_password(locked_sample, tmp_path):
    request = _request(locked_sample, "md", password=SAMPLE_PASSWORD)
    assert "kfor-2020" not in repr(request)  # a logged request never shows it
    preview = run_step(("preview", request))
    assert preview.highlights == 5 and "approx. 3,600" in preview.text
    out = tmp_path / "locked summary.html"
    images = ExportOptions(include_images=True)
    html_request = _request(locked_sample, "html", options=images, output=str(out))
    run_step(("begin", (7, replace(html_request, password=SAMPLE_PASSWORD))))
    run_step(("crop", (7, 5)))
    assert run_step(("finish", 7)).highlights == 5
    assert out.read_text(encoding="utf-8").count("data:image/png") == 6
    copy_preview = run_step(("preview", replace(request, format="annotated-pdf")))
    assert PROTECTED_COPY_NOTE in copy_preview.text.splitlines()[1]
    assert PROTECTED_COPY_NOTE not in run_step(("preview", replace(request, format="csv"))).text


@pytest.mark.parametrize(("password", "message"), [(None, "needs a password"), ("x", "wrong")])
def test_an_encrypted_pdf_without_its_password_says_so(locked_sample, tmp_path, password, message):
    out = tmp_path / "never.md"
    request = _request(locked_sample, "md", output=str(out), password=password)
    with pytest.raises(IsolatedFailure, match=message):
        run_step(("preview", request))
    with pytest.raises(IsolatedFailure, match=message):
        run_step(("begin", (8, request)))
    assert not out.exists()
