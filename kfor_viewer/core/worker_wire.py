"""The messages between the GUI process and the PDF worker, and the bytes they travel as.

The parent sends `Request(id, op, args)`; the worker answers each with one `Reply` (a search
also streams non-final replies carrying `SearchProgress`). Every message is one frame over the
pipe: a kind byte, then a body. Render requests and their replies, hundreds a second while
someone scrolls, have a fixed binary body; everything else (open, words, search, errors) is
pickled. Why: on the two-core machine the benchmarks run on, pickling a render request and
unpickling its reply cost the GUI thread 40 us a page hot and three times that cold (after the
thread slept through the render), pickle imports a module per class through PySide's import
hook, and the whole round trip is the part of a render the worker process adds.

`MessagePipe` carries the frames. Kept light to import (no PyMuPDF, no Qt): the parent loads it
before the worker starts.
"""

from __future__ import annotations

import os
import pickle
import select
import struct
from multiprocessing.connection import Connection
from typing import Any, NamedTuple

from kfor_viewer.core.pdf_types import DocumentError, RenderKey


class Request(NamedTuple):
    id: int
    op: str
    args: tuple = ()


class Reply(NamedTuple):
    request_id: int
    value: Any = None
    error: DocumentError | None = None
    final: bool = True


class SearchProgress(NamedTuple):
    """A non-final reply of a search: pages 0..pages_done-1 searched; hits of the last of them."""

    pages_done: int
    page_count: int
    hits: tuple = ()


_PICKLED, _RENDER, _SIZE_REPLY = b"p", b"r", b"s"
# A render request: id, generation, page, width, height, whether clipped, the clip; then the
# name of the shared-memory block to draw into.
_RENDER_FIELDS = struct.Struct("<qqiiiBiiii")
# A final reply whose value is a pair of ints, as a render's (width, height) is: id, the pair.
_SIZE_FIELDS = struct.Struct("<qqq")
# Frames on the pipe as multiprocessing.Connection writes them: a signed 4-byte big-endian length.
_LENGTH = struct.Struct("!i")
_READ_SIZE = 1 << 16


class MessagePipe:
    """One end of the pipe between the GUI process and the worker: send, poll, receive messages.

    On POSIX the pipe is a socket, read with one system call for as many frames as have arrived
    and written with one per frame: Connection.recv_bytes makes two reads and a BytesIO a frame,
    which cost the worker (woken with cold caches for each render) and the GUI thread 30-60 us
    a message here. Windows pipes are not file descriptors: there the Connection's own methods
    are used. Both write the same frames, so either end may use either.
    """

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._fd = conn.fileno() if os.name == "posix" else -1
        self._received = bytearray()

    def fileno(self) -> int:
        return self._conn.fileno()

    def close(self) -> None:
        self._conn.close()

    def send(self, message: Request | Reply | None) -> None:
        frame = encode(message)
        if self._fd < 0:
            self._conn.send_bytes(frame)
            return
        data = memoryview(_LENGTH.pack(len(frame)) + frame)
        while data:
            data = data[os.write(self._fd, data) :]

    def holds_messages(self) -> bool:
        """Whether messages already read from the pipe wait here: the pipe no longer looks
        readable for them, so a caller that waits for readability must ask this too."""
        return self._frame_end() > 0

    def poll(self, timeout: float = 0.0) -> bool:
        """Whether a message (or the end of the pipe) is waiting."""
        if self._fd < 0:
            return self._conn.poll(timeout)
        if self._frame_end():
            return True
        readable, _, _ = select.select([self._fd], [], [], timeout)
        return bool(readable)

    def recv(self) -> Request | Reply | None:
        """The next message, waiting for it; EOFError when the other end has gone."""
        if self._fd < 0:
            return decode(self._conn.recv_bytes())
        while not (end := self._frame_end()):
            chunk = os.read(self._fd, _READ_SIZE)
            if not chunk:
                raise EOFError("the other end of the pipe has gone")
            self._received += chunk
        frame = bytes(self._received[_LENGTH.size : end])
        del self._received[:end]
        return decode(frame)

    def _frame_end(self) -> int:
        """Where the first frame received ends, or 0 while it has not all arrived."""
        if len(self._received) < _LENGTH.size:
            return 0
        (length,) = _LENGTH.unpack_from(self._received)
        if length < 0:  # Connection's form for frames of 2 GB and more: never sent here
            raise ValueError("a frame too large for the worker's pipe")
        end = _LENGTH.size + length
        return end if len(self._received) >= end else 0


def encode(message: Request | Reply | None) -> bytes:
    """The frame for `message`; any message can be encoded, the frequent ones compactly."""
    try:
        if type(message) is Request and message.op == "render":
            return _encode_render(message)
        if type(message) is Reply and _is_size_reply(message):
            return _SIZE_REPLY + _SIZE_FIELDS.pack(message.request_id, *message.value)
    except (struct.error, TypeError, ValueError, UnicodeError):
        pass  # a value outside the compact form's range: pickled below, like every other message
    return _PICKLED + pickle.dumps(message, pickle.HIGHEST_PROTOCOL)


def decode(frame: bytes) -> Request | Reply | None:
    """The message `encode` made `frame` from."""
    kind, body = frame[:1], memoryview(frame)[1:]
    if kind == _RENDER:
        return _decode_render(body)
    if kind == _SIZE_REPLY:
        request_id, width, height = _SIZE_FIELDS.unpack(body)
        return Reply(request_id, (width, height))
    if kind == _PICKLED:
        return pickle.loads(body)
    raise ValueError(f"not a worker message (kind {bytes(kind)!r})")


def _encode_render(request: Request) -> bytes:
    key, slot_name = request.args
    if type(key) is not RenderKey or type(slot_name) is not str:
        raise TypeError("not a render request's arguments")
    clip = key.clip or (0, 0, 0, 0)
    fields = _RENDER_FIELDS.pack(
        request.id, *key[:4], key.clip is not None, *clip
    )  # struct refuses floats and out-of-range ints: those go pickled
    return _RENDER + fields + slot_name.encode("utf-8")


def _decode_render(body: memoryview) -> Request:
    request_id, generation, page, width, height, clipped, *clip = _RENDER_FIELDS.unpack_from(body)
    key = RenderKey(generation, page, width, height, tuple(clip) if clipped else None)
    slot_name = str(body[_RENDER_FIELDS.size :], "utf-8")
    return Request(request_id, "render", (key, slot_name))


def _is_size_reply(reply: Reply) -> bool:
    value = reply.value
    return (
        reply.error is None
        and reply.final is True
        and type(value) is tuple
        and len(value) == 2
        and type(value[0]) is int
        and type(value[1]) is int
    )
