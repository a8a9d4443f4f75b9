"""The annotation data types: exact round trips and strict refusal of anything else."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings

from kfor_viewer.core.annotations import (
    Annotation,
    AnnotationFormatError,
    DocumentAnnotations,
    FieldCorrection,
    TagVocabulary,
    parse_time,
    utc_now,
)
from tests.core.annotation_factories import SHA, annotations, make_annotation


@settings(deadline=None)  # the shared test machine is sometimes slow
@given(annotations())
def test_annotation_round_trips_through_json(annotation):
    data = json.loads(json.dumps(annotation.to_dict()))
    assert Annotation.from_dict(data) == annotation


def test_correction_round_trips_with_any_json_value():
    correction = FieldCorrection("report:1", "troops", {"total": 3400, "by": ["US", 1.5]}, "edited")
    assert FieldCorrection.from_dict(correction.to_dict()) == correction


def _valid_document_dict() -> dict:
    document = DocumentAnnotations(sha256=SHA, file_name="x.pdf")
    document.annotations = {a.id: a for a in (make_annotation(0), make_annotation(1))}
    return document.to_dict()


def _break(path: tuple, value) -> dict:
    data = copy.deepcopy(_valid_document_dict())
    target = data
    for step in path[:-1]:
        target = target[step]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "named"),
    [
        (("annotations", 0, "page"), 0, "annotations[0].page"),
        (("annotations", 0, "page"), "1", "annotations[0].page"),
        (("annotations", 0, "color"), "yellow", "annotations[0].color"),
        (("annotations", 0, "id"), "not-a-uuid", "annotations[0].id"),
        (("annotations", 1, "created"), "2020-01-01T10:00:00", "no time zone"),
        (("annotations", 1, "modified"), "yesterday", "annotations[1].modified"),
        (("annotations", 0, "rects"), [[1, 2, 3]], "annotations[0].rects[0]"),
        (("annotations", 0, "start"), 50, "start/end"),
        (("annotations", 0, "tags"), "a, b", "annotations[0].tags"),
        (("annotations", 0, "orphan"), "no", "annotations[0].orphan"),
        (("annotations", 0, "colour"), "#FFFFFF", "unknown colour"),
        (("annotations", 0, "quote"), KeyError, "missing quote"),
        (("sha256",), "ABC", "sha256"),
        (("pdf_id",), "abc", "pdf_id"),
        (("annotations",), {}, "annotations must be a list"),
        (("deleted_annotations",), {"x": "2020-01-01T00:00:00Z"}, "deleted_annotations key"),
    ],
)
def test_nonsense_is_refused_with_the_field_named(path, value, named):
    with pytest.raises(AnnotationFormatError, match=named.replace("[", r"\[").replace("]", r"\]")):
        DocumentAnnotations.from_dict(_break(path, value))


def test_a_duplicated_annotation_id_is_refused():
    data = _valid_document_dict()
    data["annotations"].append(copy.deepcopy(data["annotations"][0]))
    with pytest.raises(AnnotationFormatError, match="appears twice"):
        DocumentAnnotations.from_dict(data)


def test_a_non_finite_coordinate_is_refused():
    data = _valid_document_dict()
    data["annotations"][0]["rects"] = [[0, 0, float("nan"), 1]]
    with pytest.raises(AnnotationFormatError, match="finite"):
        DocumentAnnotations.from_dict(data)


def test_a_coordinate_too_large_for_a_float_is_refused_not_a_crash():
    data = _valid_document_dict()
    data["annotations"][1]["quads"] = [[0, 0, 1, 0, 0, 1, 10**400, 1]]
    with pytest.raises(AnnotationFormatError, match=r"annotations\[1\]\.quads\[0\]"):
        DocumentAnnotations.from_dict(data)


def test_a_correction_with_an_unknown_state_is_refused():
    correction = FieldCorrection("document", "symbol", "S/2020/1023", "edited").to_dict()
    correction["state"] = "maybe"
    with pytest.raises(AnnotationFormatError, match="verified"):
        FieldCorrection.from_dict(correction)


def test_times_are_normalised_to_utc():
    assert parse_time("2020-11-02T10:20:30+01:00", "t") == "2020-11-02T09:20:30.000000Z"
    assert parse_time("2020-11-02T09:20:30.000001Z", "t") == "2020-11-02T09:20:30.000001Z"


def test_edit_times_strictly_increase_so_merges_can_order_them():
    stamps = [utc_now() for _ in range(1000)]
    assert stamps == sorted(set(stamps))


def test_colours_are_stored_upper_case():
    data = make_annotation(0).to_dict()
    data["color"] = "#a0d8ff"
    assert Annotation.from_dict(data).color == "#A0D8FF"


def test_tag_vocabulary_gives_the_colour_of_the_first_coloured_tag():
    vocabulary = TagVocabulary({"north": None, "security": "#FF8080", "kfor": "#80FF80"})
    assert vocabulary.color_for(["north", "security", "kfor"]) == "#FF8080"
    assert vocabulary.color_for(["north"]) is None
    assert TagVocabulary.from_dict(vocabulary.to_dict()) == vocabulary


def test_tag_vocabulary_refuses_a_bad_colour():
    with pytest.raises(AnnotationFormatError, match="colour"):
        TagVocabulary.from_dict({"schema_version": 1, "tags": {"north": "blue"}})
