"""Autosave: within a second of a change, once per burst, retried after a failure."""

from __future__ import annotations

import pytest

from kfor_viewer.core.annotation_store import AnnotationStore
from kfor_viewer.core.annotations import Annotation, new_id
from kfor_viewer.core.document_identity import DocumentIdentity
from kfor_viewer.core.safe_files import FileWriteError
from kfor_viewer.ui.autosave import Autosaver

IDENTITY = DocumentIdentity("12" * 32, "report.pdf")


def highlight() -> Annotation:
    return Annotation(id=new_id(), page=1, quote="KFOR", rects=((1.0, 2.0, 3.0, 4.0),))


@pytest.fixture
def store():
    return AnnotationStore.open(IDENTITY)


def on_disk() -> list:
    return AnnotationStore.open(IDENTITY).annotations()


def test_a_burst_of_changes_is_saved_once_within_a_second(qtbot, store):
    saver = Autosaver()
    saver.set_store(store)
    saves = []
    saver.saved.connect(lambda: saves.append(1))
    for _ in range(5):
        store.add(highlight())
    assert on_disk() == []  # not on every keystroke
    qtbot.waitUntil(lambda: len(on_disk()) == 5, timeout=1000)
    assert saves == [1] and not store.dirty


def test_a_failure_is_reported_once_and_retried(qtbot, store, monkeypatch):
    saver = Autosaver(retry_ms=100)
    saver.set_store(store)
    failures = []
    saver.saveFailed.connect(failures.append)

    def read_only(path, data, keep_backup=True):
        raise FileWriteError("Read-only file system", path)

    with monkeypatch.context() as patch:
        patch.setattr("kfor_viewer.core.annotation_store.atomic_write", read_only)
        store.add(highlight())
        assert not saver.save_now()
        qtbot.wait(350)  # a few retries, all failing
        assert len(failures) == 1 and "Read-only file system" in failures[0]
        assert saver.failing and store.dirty and len(store.annotations()) == 1
    with qtbot.waitSignal(saver.recovered, timeout=1000):
        pass  # the next retry succeeds on its own
    assert len(on_disk()) == 1 and not saver.failing


def test_switching_stores_saves_the_previous_one(qtbot, store):
    saver = Autosaver(delay_ms=60_000)
    saver.set_store(store)
    store.add(highlight())
    saver.set_store(None)
    assert len(on_disk()) == 1
