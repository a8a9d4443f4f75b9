"""Atomic writes, backups, setting bad files aside, and the lock between processes."""

from __future__ import annotations

import os
import select
import time

import pytest

from kfor_viewer.core.safe_files import (
    FileWriteError,
    atomic_write,
    backup_path,
    file_lock,
    move_aside,
)


def test_atomic_write_replaces_the_file_and_keeps_the_previous_one(tmp_path):
    target = tmp_path / "store.json"
    atomic_write(target, b"first")
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert backup_path(target).read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.json", "store.json.bak"]


def test_a_write_into_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileWriteError, match="could not write"):
        atomic_write(tmp_path / "missing" / "store.json", b"data")


def test_move_aside_never_overwrites(tmp_path):
    target = tmp_path / "store.json"
    moved = []
    for content in (b"one", b"two", b"three"):
        target.write_bytes(content)
        moved.append(move_aside(target, "corrupt"))
    assert not target.exists()
    assert [p.read_bytes() for p in moved] == [b"one", b"two", b"three"]
    assert all(p.name.startswith("store.json.corrupt-") for p in moved)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_the_lock_keeps_out_another_process_until_released(tmp_path):
    lock = tmp_path / "store.json.lock"
    ready_read, ready_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            with file_lock(lock):
                os.write(ready_write, b"locked")
                time.sleep(0.6)
        finally:
            os._exit(0)
    assert select.select([ready_read], [], [], 20.0)[0], "the other process never took the lock"
    os.read(ready_read, 6)
    with pytest.raises(FileWriteError, match="another kfor-viewer"), file_lock(lock, timeout=0.1):
        pass
    started = time.monotonic()
    with file_lock(lock, timeout=5):
        waited = time.monotonic() - started
    os.waitpid(pid, 0)
    assert waited > 0.2  # it waited for the other process to let go
