"""JSON: the documented schema with fields (corrections applied) and annotations."""

from __future__ import annotations

import json

from kfor_viewer.core.annotations import FieldCorrection
from kfor_viewer.core.export.json_export import SCHEMA_VERSION, render_json
from kfor_viewer.core.export.summary import ExportOptions
from tests.core.export.annotated_sample import SCRIPT_NOTE, add_corrections


def test_json_holds_fields_changes_and_annotations(annotated_sample):
    add_corrections(
        annotated_sample,
        FieldCorrection("report:2", "nato_nations", 17, "edited", original=18),
    )
    data = json.loads(render_json(annotated_sample.summary()))
    assert data["schema_version"] == SCHEMA_VERSION == 1
    assert set(data) >= {"document", "options", "reports", "changes", "corrections", "annotations"}
    assert data["document"]["file_name"] == "kfor report.pdf"
    assert len(data["document"]["sha256"]) == 64
    first, second = data["reports"]
    assert first["fields"]["troops_total"]["value"] == 3600
    assert second["fields"]["troops_total"]["value"] == 3400
    assert first["fields"]["troops_total"]["page"] == 3
    assert first["fields"]["period_start"]["value"] == "2020-04-01"
    nato = second["fields"]["nato_nations"]
    assert (nato["value"], nato["review"], nato["extracted_text"]) == (17, "edited", "18")
    [change] = data["changes"]
    assert change["differences"]["troops_total"] == {"from": 3600, "to": 3400, "difference": -200}
    assert change["differences"]["nato_nations"]["difference"] == -2
    assert data["corrections"][0]["original"] == 18
    notes = {a["quote"]: a for a in data["annotations"]}
    assert notes["no major security incidents"]["note"] == SCRIPT_NOTE
    assert notes["remained approximately 3,600"]["tags"] == ["troops", "figures"]
    assert notes["remained approximately 3,600"]["page"] == 3
    troops_group = next(g for g in data["groups"] if g["title"] == "troops")
    assert len(troops_group["annotation_ids"]) == 2


def test_json_without_fields_and_with_a_tag_filter(annotated_sample):
    options = ExportOptions(tags=("politics",), include_fields=False)
    data = json.loads(render_json(annotated_sample.summary(options)))
    assert data["reports"] == [] and data["changes"] == []
    assert data["options"] == {"tags": ["politics"], "group_by": "tag", "include_fields": False}
    assert [a["quote"] for a in data["annotations"]] == [
        "brokered economic normalization agreements"
    ]


def test_json_document_date_is_iso(annotated_sample):
    data = json.loads(render_json(annotated_sample.summary()))
    assert data["document"]["date"] == "2020-12-07"
