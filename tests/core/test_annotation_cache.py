"""The stores' parse cache: it answers only for the exact bytes it was made from, gives what
the strict reader gives, and a bad or missing cache never costs more than speed."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import marshal
import os
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from kfor_viewer.core import annotation_cache, annotation_codec
from kfor_viewer.core.annotation_cache import ParseCache, json_digest
from kfor_viewer.core.annotation_codec import decode_store, encode_store
from kfor_viewer.core.annotation_store import AnnotationStore, known_store_files
from kfor_viewer.core.annotations import FieldCorrection, reading_order
from tests.conftest import REPO_ROOT
from tests.core.annotation_factories import IDENTITY, documents, make_annotation

LEGACY_V1 = REPO_ROOT / "tests" / "data" / "legacy" / "store-v1.json"


def _saved_store(data_dir: Path) -> AnnotationStore:
    store = AnnotationStore.open(IDENTITY, data_dir)
    for number in reversed(range(5)):  # added out of reading order; the file is in order
        store.add(make_annotation(number, note=f"note {number}"))
    store.remove(make_annotation(4).id)
    store.set_correction(FieldCorrection("report:1", "troops", [3400, {"a": 1.5}], "edited"))
    store.save()
    return store


def _strict_reader_fails(*args, **kwargs):
    raise AssertionError("the strict JSON path was taken")


def _strictly(store: AnnotationStore):
    return decode_store(store.path.read_bytes(), IDENTITY.sha256)[0]


def test_an_unchanged_store_opens_from_the_cache_with_what_the_json_holds(tmp_path, monkeypatch):
    expected = _strictly(_saved_store(tmp_path))

    monkeypatch.setattr(annotation_codec, "_decode", _strict_reader_fails)
    reopened = AnnotationStore.open(IDENTITY, tmp_path)
    assert reopened.warnings == []
    assert reopened.document == expected
    assert list(reopened.document.annotations) == list(expected.annotations)
    assert reopened.is_deleted(make_annotation(4).id)
    assert reopened.corrections()[("report:1", "troops")].value == [3400, {"a": 1.5}]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(documents())
def test_the_cache_gives_back_exactly_what_the_strict_reader_gives(tmp_path, document):
    data = encode_store(document)
    strict, _ = decode_store(data, document.sha256)
    cache = ParseCache(document.sha256, tmp_path)
    in_file_order = sorted(document.annotations.values(), key=reading_order)
    as_saved = dataclasses.replace(document, annotations={a.id: a for a in in_file_order})
    for source in (as_saved, strict):  # as a save writes it, and as a first open writes it
        cache.write(json_digest(data), source)
        cached = cache.read(json_digest(data))
        assert cached == strict
        assert list(cached.annotations) == list(strict.annotations)
    assert cache.read(json_digest(data + b" ")) is None


def test_a_file_edited_by_hand_is_read_from_the_json_and_cached_anew(tmp_path, monkeypatch):
    store = _saved_store(tmp_path)
    AnnotationStore.open(IDENTITY, tmp_path)  # the cache is there
    text = store.path.read_text(encoding="utf-8")
    store.path.write_text(text.replace('"note 1"', '"edited by hand"'), encoding="utf-8")

    reopened = AnnotationStore.open(IDENTITY, tmp_path)
    assert reopened.get(make_annotation(1).id).note == "edited by hand"

    monkeypatch.setattr(annotation_codec, "_decode", _strict_reader_fails)
    assert AnnotationStore.open(IDENTITY, tmp_path).document == reopened.document


def test_a_value_edited_by_hand_into_nonsense_is_refused_as_without_a_cache(tmp_path):
    store = _saved_store(tmp_path)
    AnnotationStore.open(IDENTITY, tmp_path)
    broken = store.path.read_text(encoding="utf-8").replace('"#FFE066"', '"red"', 1)
    store.path.write_text(broken, encoding="utf-8")

    reopened = AnnotationStore.open(IDENTITY, tmp_path)
    assert [w.kind for w in reopened.warnings] == ["invalid"]
    assert "color" in reopened.warnings[0].message
    assert reopened.warnings[0].moved_to.read_text(encoding="utf-8") == broken
    assert reopened.annotations() == []


def _damaged(blob: bytes) -> dict[str, bytes]:
    start = annotation_cache._PAYLOAD_START
    other_shape = marshal.dumps(("not", "a", "document"))
    return {
        "empty": b"",
        "truncated": blob[: len(blob) // 2],
        "garbage": os.urandom(len(blob)),
        "one byte flipped": blob[:-10] + bytes([blob[-10] ^ 0xFF]) + blob[-9:],
        "other Python": blob.replace(b"cpython-", b"cpython-x", 1),
        "other layout, checksum intact": blob[: start - 32]
        + hashlib.sha256(other_shape).digest()
        + other_shape,
    }


@pytest.mark.parametrize(
    "damage",
    [
        "empty",
        "truncated",
        "garbage",
        "one byte flipped",
        "other Python",
        "other layout, checksum intact",
    ],
)
def test_a_damaged_cache_is_ignored_and_replaced(tmp_path, monkeypatch, damage):
    store = _saved_store(tmp_path)
    cache_file = ParseCache(IDENTITY.sha256, tmp_path).path
    expected, json_bytes = _strictly(store), store.path.read_bytes()
    cache_file.write_bytes(_damaged(cache_file.read_bytes())[damage])

    reopened = AnnotationStore.open(IDENTITY, tmp_path)
    assert reopened.warnings == []
    assert reopened.document == expected
    assert store.path.read_bytes() == json_bytes
    names = {p.name for p in store.path.parent.iterdir()}
    assert names == {store.path.name, store.path.name + ".lock"}  # nothing was set aside

    monkeypatch.setattr(annotation_codec, "_decode", _strict_reader_fails)
    assert AnnotationStore.open(IDENTITY, tmp_path).document == expected  # cache replaced


def test_an_unwritable_cache_folder_costs_only_speed(tmp_path):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "annotations").write_text("a file where the folder should be")
    store = _saved_store(tmp_path)
    store.add(make_annotation(9))
    assert store.save() == []

    reopened = AnnotationStore.open(IDENTITY, tmp_path)
    assert reopened.warnings == []
    assert reopened.document == _strictly(store)


def test_a_migrated_store_still_says_so_on_every_open_until_saved(tmp_path):
    sha = json.loads(LEGACY_V1.read_text())["sha256"]
    identity = IDENTITY.__class__(sha, "S-2020-1023.pdf")
    path = tmp_path / "annotations" / f"{sha}.json"
    path.parent.mkdir(parents=True)
    shutil.copy(LEGACY_V1, path)
    for _ in range(2):
        assert [w.kind for w in AnnotationStore.open(identity, tmp_path).warnings] == ["migrated"]


def test_the_cache_stays_out_of_the_store_folder_and_goes_with_its_store(tmp_path):
    store = _saved_store(tmp_path)
    cache_file = ParseCache(IDENTITY.sha256, tmp_path).path
    assert cache_file.is_file()
    assert list(known_store_files(tmp_path)) == [store.path]

    store.path.unlink()
    assert AnnotationStore.open(IDENTITY, tmp_path).annotations() == []
    assert not cache_file.exists()


def test_temporaries_of_a_killed_writer_are_removed_once_abandoned(tmp_path):
    store = _saved_store(tmp_path)
    cache_file = ParseCache(IDENTITY.sha256, tmp_path).path
    abandoned = cache_file.with_name(f".{cache_file.name}.1.dead.tmp")
    in_flight = cache_file.with_name(f".{cache_file.name}.2.live.tmp")
    for temp in (abandoned, in_flight):
        temp.write_bytes(b"partial")
    two_hours_ago = time.time() - 7200
    os.utime(abandoned, (two_hours_ago, two_hours_ago))

    store.add(make_annotation(9))
    store.save()
    assert not abandoned.exists()
    assert in_flight.exists()
