"""Writing user files so that a crash, a kill or a full disk never leaves a broken one.

`atomic_write` writes a temporary file in the same folder, fsyncs it, keeps the previous
version as `<name>.bak` (a hard link, so no copy is made), replaces the file and fsyncs the
folder. `file_lock` is an advisory lock between processes (flock, or msvcrt on Windows).
`move_aside` renames a bad file to a timestamped name without ever overwriting another.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

LOCK_TIMEOUT_SECONDS = 10.0


class FileWriteError(OSError):
    """A file could not be written; `path` is the file, the message says why in plain words."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def atomic_write(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Replace `path` by `data` atomically; raise FileWriteError and leave `path` as it was."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(temp, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if keep_backup and path.exists():
            _refresh_backup(path)
        os.replace(temp, path)
        fsync_folder(path.parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise FileWriteError(f"could not write {path}: {describe_os_error(error)}", path) from error


def remove_stale_temporaries(path: Path) -> None:
    """Delete temporaries left by a writer that was killed; call only while holding the lock."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _refresh_backup(path: Path) -> None:
    backup = backup_path(path)
    temp = path.with_name(f".{backup.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        os.link(path, temp)
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EROFS, errno.EDQUOT):
            raise
        shutil.copy2(path, temp)  # file systems without hard links
    try:
        os.replace(temp, backup)
    finally:
        # rename() between two links of one file does nothing: the backup may already be a link
        # of `path` when a writer was killed between the two replaces.
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to fsync."""
    if sys.platform == "win32":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def move_aside(path: Path, reason: str) -> Path:
    """Rename `path` to `<name>.<reason>-<UTC time>[-n]`, never replacing an existing file."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for attempt in range(1, 1000):
        suffix = "" if attempt == 1 else f"-{attempt}"
        target = path.with_name(f"{path.name}.{reason}-{stamp}{suffix}")
        try:
            os.link(path, target)  # fails when target exists: no silent overwrite
        except FileExistsError:
            continue
        except OSError:
            if target.exists():
                continue
            os.rename(path, target)
            return target
        os.unlink(path)
        return target
    raise FileExistsError(f"too many files named {path.name}.{reason}-{stamp}*")


@contextlib.contextmanager
def file_lock(lock_path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold an exclusive advisory lock on `lock_path` (created if needed)."""
    try:
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise FileWriteError(
            f"could not create the lock file {lock_path}: {describe_os_error(error)}", lock_path
        ) from error
    try:
        _acquire(descriptor, lock_path, timeout)
        try:
            yield
        finally:
            _release(descriptor)
    finally:
        os.close(descriptor)


def _acquire(descriptor: int, lock_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not _try_lock(descriptor):
        if time.monotonic() > deadline:
            raise FileWriteError(
                f"another kfor-viewer has held {lock_path} for over {timeout:.0f} s", lock_path
            )
        time.sleep(0.02)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _release(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


def describe_os_error(error: OSError) -> str:
    """A plain-words reason for the usual causes, else the system's message."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exceeded",
        errno.EROFS: "the folder is on a read-only file system",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
    }
    return reasons.get(error.errno or 0, error.strerror or str(error))
