"""Fixtures of the export tests."""

from __future__ import annotations

import pytest

from tests.core.export.annotated_sample import AnnotatedSample, make_annotated_sample


@pytest.fixture
def annotated_sample(tmp_path, sample_pdf) -> AnnotatedSample:
    """A copy of the sample PDF with five highlights in a tmp data folder."""
    return make_annotated_sample(tmp_path, sample_pdf)
