"""Fixtures of the export tests."""

from __future__ import annotations

import pytest

from tests.core.export.annotated_sample import (
    SAMPLE_PASSWORD,
    AnnotatedSample,
    make_annotated_sample,
)


@pytest.fixture
def annotated_sample(tmp_path, sample_pdf) -> AnnotatedSample:
    """A copy of the sample PDF with five highlights in a tmp data folder."""
    return make_annotated_sample(tmp_path, sample_pdf)


@pytest.fixture
def locked_sample(tmp_path, sample_pdf) -> AnnotatedSample:
    """The annotated sample encrypted with SAMPLE_PASSWORD (its store keyed to that file)."""
    return make_annotated_sample(tmp_path, sample_pdf, SAMPLE_PASSWORD)
