"""The annotation store: saving, bad files set aside, migration, failed writes, merging."""

from __future__ import annotations

import errno
import itertools
import json
import os
import random
import select
import shutil
import signal
import time
from pathlib import Path

import pytest

from kfor_viewer.core import safe_files
from kfor_viewer.core.annotation_store import (
    AnnotationStore,
    StoreChange,
    StoreReadError,
    StoreWriteError,
)
from kfor_viewer.core.annotations import AnnotationFormatError, DocumentAnnotations, FieldCorrection
from kfor_viewer.core.document_identity import DocumentIdentity
from tests.conftest import REPO_ROOT
from tests.core.annotation_factories import IDENTITY, make_annotation

LEGACY_V1 = REPO_ROOT / "tests" / "data" / "legacy" / "store-v1.json"


def _open(data_dir: Path, identity: DocumentIdentity = IDENTITY) -> AnnotationStore:
    return AnnotationStore.open(identity, data_dir)


def test_saved_annotations_load_back_in_a_new_store(tmp_path):
    store = _open(tmp_path)
    first = store.add(make_annotation(0, note="check the figure"))
    store.set_correction(FieldCorrection("report:1", "troops", 3400, "edited", original=3600))
    assert store.dirty
    assert store.save() == []
    assert not store.dirty

    reopened = _open(tmp_path)
    assert reopened.warnings == []
    assert reopened.annotations() == [first]
    assert reopened.corrections()[("report:1", "troops")].value == 3400


def test_the_file_is_pretty_sorted_and_versioned(tmp_path):
    store = _open(tmp_path)
    store.add(make_annotation(0))
    store.add(make_annotation(1))
    store.save()
    text = store.path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["schema_version"] == 2
    assert list(data) == sorted(data)
    assert list(data["annotations"][0]) == sorted(data["annotations"][0])
    assert len(text.splitlines()) > 10  # one record per line, not one long line
    assert store.path.name == f"{IDENTITY.sha256}.json"


def test_the_previous_version_is_kept_as_a_backup(tmp_path):
    store = _open(tmp_path)
    store.add(make_annotation(0))
    store.save()
    before = store.path.read_bytes()
    store.add(make_annotation(1))
    store.save()
    assert store.path.with_name(store.path.name + ".bak").read_bytes() == before


def test_observers_hear_which_ids_and_pages_changed(tmp_path):
    store = _open(tmp_path)
    heard: list[StoreChange] = []
    unsubscribe = store.subscribe(heard.append)
    annotation = store.add(make_annotation(0, page=3))
    store.update(annotation.id, page=4, note="moved")
    store.remove(annotation.id)
    unsubscribe()
    store.add(make_annotation(1))
    assert [(c.added, c.updated, c.removed, c.pages) for c in heard] == [
        ({annotation.id}, set(), set(), {3}),
        (set(), {annotation.id}, set(), {3, 4}),
        (set(), set(), {annotation.id}, {4}),
    ]


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b'{"schema_version": 2, "sha256": "ab', "corrupt"),  # truncated
        (b"\x00\x00\x00\x00", "corrupt"),
        (b"\xff\xfe garbage", "corrupt"),
        (b'{"schema_version": 3, "future": true}', "newer_schema"),
        (b'{"schema_version": 2, "annotations": "lots"}', "invalid"),
        (b"[1, 2, 3]", "invalid"),
    ],
)
def test_a_bad_store_is_moved_aside_and_never_overwritten(tmp_path, content, kind):
    path = tmp_path / "annotations" / f"{IDENTITY.sha256}.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(content)

    store = _open(tmp_path)
    assert [w.kind for w in store.warnings] == [kind]
    warning = store.warnings[0]
    assert str(warning.moved_to) in warning.message
    assert warning.moved_to.read_bytes() == content
    assert store.annotations() == []

    store.add(make_annotation(0))
    store.save()
    assert warning.moved_to.read_bytes() == content
    assert len(_open(tmp_path).annotations()) == 1


def test_a_store_of_another_document_is_moved_aside(tmp_path):
    other = DocumentIdentity("cd" * 32, "other.pdf")
    store = _open(tmp_path, other)
    store.add(make_annotation(0))
    store.save()
    shutil.copy(store.path, store.path.with_name(f"{IDENTITY.sha256}.json"))
    assert [w.kind for w in _open(tmp_path).warnings] == ["invalid"]


def test_two_bad_files_set_aside_in_the_same_second_keep_both(tmp_path):
    path = tmp_path / "annotations" / f"{IDENTITY.sha256}.json"
    path.parent.mkdir(parents=True)
    moved = []
    for content in (b"first broken", b"second broken"):
        path.write_bytes(content)
        moved.append(_open(tmp_path).warnings[0].moved_to)
    assert [p.read_bytes() for p in moved] == [b"first broken", b"second broken"]


def test_a_schema_1_store_is_migrated_and_saved_as_schema_2(tmp_path):
    identity = DocumentIdentity(json.loads(LEGACY_V1.read_text())["sha256"], "S-2020-1023.pdf")
    path = tmp_path / "annotations" / f"{identity.sha256}.json"
    path.parent.mkdir(parents=True)
    shutil.copy(LEGACY_V1, path)

    store = _open(tmp_path, identity)
    assert [w.kind for w in store.warnings] == ["migrated"]
    first, second = store.annotations()
    assert (first.page, second.page) == (1, 3)  # schema 1 counted pages from 0
    assert first.tags == ("security", "north")
    assert first.quote.startswith("security situation")
    assert first.prefix == "During the reporting period, the "
    assert first.modified == "2020-11-02T08:20:30.500000Z"
    assert first.color == "#FFE066"
    assert store.dirty

    store.save()
    assert json.loads(path.read_text())["schema_version"] == 2
    assert path.with_name(path.name + ".bak").read_bytes() == LEGACY_V1.read_bytes()
    assert _open(tmp_path, identity).warnings == []


def _failing(error_number: int):
    def fail(*args, **kwargs):
        raise OSError(error_number, os.strerror(error_number))

    return fail


@pytest.mark.parametrize(
    ("target", "error_number", "reason"),
    [
        ("replace", errno.ENOSPC, "the disk is full"),
        ("open", errno.EROFS, "read-only"),
        ("fsync", errno.EIO, "Input/output error"),
    ],
)
def test_a_failed_write_is_a_clear_error_and_nothing_is_lost(
    tmp_path, monkeypatch, target, error_number, reason
):
    store = _open(tmp_path)
    kept = store.add(make_annotation(0))
    store.save()
    on_disk = store.path.read_bytes()
    added = store.add(make_annotation(1))

    module = safe_files.os if target != "open" else safe_files
    monkeypatch.setattr(module, target, _failing(error_number), raising=False)
    with pytest.raises(StoreWriteError, match=reason) as failure:
        store.save()
    assert "kept in memory" in str(failure.value)
    assert store.dirty and store.annotations() == [kept, added]
    assert store.path.read_bytes() == on_disk
    assert not list(store.path.parent.glob("*.tmp"))

    monkeypatch.undo()
    store.save()  # the caller retries once the disk is fixed
    assert len(_open(tmp_path).annotations()) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_really_read_only_folder_is_a_clear_error(tmp_path):
    store = _open(tmp_path)
    store.add(make_annotation(0))
    store.save()
    store.add(make_annotation(1))
    store.path.parent.chmod(0o500)
    try:
        with pytest.raises(StoreWriteError, match="permission denied"):
            store.save()
        assert store.dirty and len(store.annotations()) == 2
    finally:
        store.path.parent.chmod(0o700)


def test_two_instances_keep_each_others_annotations(tmp_path):
    window_a, window_b = _open(tmp_path), _open(tmp_path)
    a = window_a.add(make_annotation(0))
    b = window_b.add(make_annotation(1))
    window_a.save()
    window_b.save()
    window_a.save()
    assert {x.id for x in _open(tmp_path).annotations()} == {a.id, b.id}
    assert {x.id for x in window_a.annotations()} == {a.id, b.id}


def test_a_delete_in_one_instance_is_not_resurrected_by_the_other(tmp_path):
    first = _open(tmp_path)
    shared = first.add(make_annotation(0))
    first.save()
    second = _open(tmp_path)  # has the highlight too
    first.remove(shared.id)
    first.save()
    second.add(make_annotation(1))
    second.save()
    assert [x.id for x in _open(tmp_path).annotations()] == [make_annotation(1).id]
    assert second.get(shared.id) is None


def test_the_newest_edit_wins_and_an_undone_delete_comes_back(tmp_path):
    first, second = _open(tmp_path), _open(tmp_path)
    shared = first.add(make_annotation(0))
    first.save()
    second.refresh()
    second.update(shared.id, note="older edit")
    first.update(shared.id, note="newer edit")
    first.save()
    second.save()
    assert _open(tmp_path).get(shared.id).note == "newer edit"

    removed = first.remove(shared.id)
    first.save()
    first.add(removed)  # undo of the delete
    first.save()
    second.save()
    assert _open(tmp_path).get(shared.id) is not None


def test_refresh_tells_observers_what_another_instance_saved(tmp_path):
    reader, writer = _open(tmp_path), _open(tmp_path)
    heard: list[StoreChange] = []
    reader.subscribe(heard.append)
    added = writer.add(make_annotation(0, page=5))
    writer.set_correction(FieldCorrection("document", "symbol", "S/2020/1", "verified"))
    writer.save()
    reader.refresh()
    assert heard == [
        StoreChange(
            added=frozenset({added.id}),
            pages=frozenset({5}),
            corrections=frozenset({("document", "symbol")}),
        )
    ]
    assert not reader.dirty


def test_reverting_a_correction_in_one_instance_holds_after_merge(tmp_path):
    first = _open(tmp_path)
    first.set_correction(FieldCorrection("report:1", "troops", 3400, "edited", original=3600))
    first.save()
    second = _open(tmp_path)
    first.remove_correction(("report:1", "troops"))
    first.save()
    second.add(make_annotation(0))
    second.save()
    assert _open(tmp_path).corrections() == {}


def _save_forever(data_dir: Path, progress: int) -> None:
    store = _open(data_dir)
    for number in itertools.count():
        store.add(make_annotation(number))
        store.save()
        os.write(progress, b"%d\n" % number)


def _run_and_kill(data_dir: Path, delay: float) -> int:
    """Fork a process saving over and over, SIGKILL it after `delay` s of saving; returns the
    number of the last save it reported finished."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        try:
            os.close(read_end)
            _save_forever(data_dir, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    # Wait for the first finished save; a child stuck for long (fork copies no other thread, and
    # a lock one of them held would stay held) is killed and the test fails instead of hanging.
    ready, _, _ = select.select([read_end], [], [], 20.0)
    output = os.read(read_end, 64) if ready else b""
    if ready:
        time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_end, 65536):
        output += chunk
    os.close(read_end)
    assert output, "the saving process did not finish a single save"
    return int(output.split()[-1])


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_store_killed_while_saving_holds_the_last_or_previous_state(tmp_path):
    randomness = random.Random(20201023)
    ballast = [make_annotation(10_000 + n, note="n" * 300) for n in range(150)]
    for run in range(30):
        data_dir = tmp_path / f"run{run}"
        seeded = _open(data_dir)
        for annotation in ballast:  # each save writes ~100 kB: kills land mid-write
            seeded.add(annotation)
        seeded.save()

        last = _run_and_kill(data_dir, randomness.uniform(0.0, 0.04))

        survivor = _open(data_dir)
        assert survivor.warnings == []
        numbers = {int(a.id.replace("-", ""), 16) - 1 for a in survivor.annotations()} - {
            10_000 + n for n in range(150)
        }
        assert numbers in (set(range(last + 1)), set(range(last + 2)))
        assert len(survivor.annotations()) - len(numbers) == len(ballast)
        survivor.add(make_annotation(5_000))
        survivor.save()  # the lock is free again and stale temporaries are cleared
        assert not list(survivor.path.parent.glob(".*.tmp"))


def test_an_unreadable_store_is_a_clear_error_on_open_and_on_save(tmp_path, monkeypatch):
    store = _open(tmp_path)
    store.add(make_annotation(0))
    store.save()
    on_disk = store.path.read_bytes()
    store.path.write_bytes(on_disk + b" ")  # changed on disk: the next save must read it

    def refuse(path, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(StoreReadError, match="permission denied"):
        _open(tmp_path)
    store.add(make_annotation(2))
    with pytest.raises(StoreWriteError, match="permission denied"):
        store.save()
    assert store.dirty and len(store.annotations()) == 2
    monkeypatch.undo()
    assert store.path.read_bytes() == on_disk + b" "


def test_observers_hear_of_merged_changes_after_the_file_is_written(tmp_path):
    mine, theirs = _open(tmp_path), _open(tmp_path)
    theirs.add(make_annotation(1))
    theirs.save()
    on_disk_when_told = []
    mine.subscribe(lambda change: on_disk_when_told.append(mine.path.read_text()))
    mine.add(make_annotation(0))
    on_disk_when_told.clear()
    mine.save()
    (seen,) = on_disk_when_told
    assert make_annotation(0).id in seen and make_annotation(1).id in seen
    assert _open(tmp_path).save() == []  # nothing to write: a clean store only refreshes


def test_a_value_the_file_cannot_hold_is_refused_when_it_is_set(tmp_path):
    store = _open(tmp_path)
    with pytest.raises(AnnotationFormatError, match="RRGGBB"):
        store.add(make_annotation(0, color="red"))
    kept = store.add(make_annotation(0, color="#a0d8ff"))
    assert kept.color == "#A0D8FF"
    with pytest.raises(AnnotationFormatError, match="page"):
        store.update(kept.id, page=0)
    with pytest.raises(ValueError, match="kept by the store"):
        store.update(kept.id, id="something else")
    store.update(kept.id, quote="broken \udc80 text")
    store.save()
    assert _open(tmp_path).get(kept.id).quote == "broken \udc80 text"


def test_merged_highlights_are_held_as_the_file_gives_them_back(tmp_path):
    store = _open(tmp_path)
    kept = store.add(make_annotation(0))
    odd = make_annotation(1, color="#a0d8ff", rects=[[72, 100.0, 300.5, 112.0]], tags=("x", "x"))
    store.merge(DocumentAnnotations(IDENTITY.sha256, annotations={odd.id: odd}))
    merged = store.get(odd.id)
    assert (merged.color, merged.rects, merged.tags) == (
        "#A0D8FF",
        ((72, 100.0, 300.5, 112.0),),
        ("x",),
    )

    bad = make_annotation(2, page=0)
    with pytest.raises(AnnotationFormatError, match="page"):
        store.merge(DocumentAnnotations(IDENTITY.sha256, annotations={bad.id: bad}))
    assert store.annotations() == [kept, merged]
    store.save()
    assert _open(tmp_path).annotations() == [kept, merged]


def test_a_file_broken_while_open_is_set_aside_and_the_open_annotations_saved(tmp_path):
    store = _open(tmp_path)
    kept = store.add(make_annotation(0))
    store.save()
    store.path.write_text('{"schema_version": 2, "annotations": [')  # a bad hand edit
    store.update(kept.id, note="edited after")
    (warning,) = store.save()
    assert warning.kind == "corrupt" and "annotations open here are kept" in warning.message
    assert warning.moved_to.read_text() == '{"schema_version": 2, "annotations": ['
    assert _open(tmp_path).get(kept.id).note == "edited after"


def test_a_file_broken_under_a_clean_store_is_rewritten_on_the_next_save(tmp_path):
    store = _open(tmp_path)
    kept = store.add(make_annotation(0))
    store.save()
    store.path.write_text("garbage")
    (warning,) = store.refresh()
    assert warning.kind == "corrupt" and store.dirty
    store.save()
    assert _open(tmp_path).get(kept.id) == kept
