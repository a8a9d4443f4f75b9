"""The frames between the GUI process and the PDF worker: every message comes back as it went,
through a real pipe too."""

from __future__ import annotations

import select
import threading
from multiprocessing import Pipe

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kfor_viewer.core.pdf_types import DocumentError, RenderKey
from kfor_viewer.core.worker_wire import (
    MessagePipe,
    Reply,
    Request,
    SearchProgress,
    decode,
    encode,
)

INT32 = st.integers(-(2**31), 2**31 - 1)
CLIPS = st.none() | st.tuples(INT32, INT32, INT32, INT32)
RENDER_KEYS = st.builds(RenderKey, st.integers(0, 2**63 - 1), INT32, INT32, INT32, CLIPS)
SLOT_NAMES = st.text(min_size=1, max_size=40)


def round_trip(message):
    return decode(encode(message))


@given(st.integers(0, 2**63 - 1), RENDER_KEYS, SLOT_NAMES)
def test_render_requests_come_back_equal_and_compact(request_id, key, slot_name):
    request = Request(request_id, "render", (key, slot_name))
    assert round_trip(request) == request
    assert len(encode(request)) < 50 + len(slot_name.encode())  # not a pickle (~150 bytes)


@given(st.integers(0, 2**63 - 1), st.integers(-(2**63), 2**63 - 1), st.integers(0, 2**40))
def test_size_replies_come_back_equal(request_id, width, height):
    reply = Reply(request_id, (width, height))
    assert round_trip(reply) == reply


@pytest.mark.parametrize(
    "message",
    [
        None,  # the worker's signal to exit
        Request(1, "open", ("/tmp/report.pdf", None)),
        Request(2, "render", (RenderKey(1, 0, 100, 100, (0.5, 0, 10, 10)), "psm_1")),  # float clip
        Request(3, "render", (RenderKey(1, 0, 2**40, 100), "psm_1")),  # beyond 32 bits
        Reply(4, (True, False)),  # bools stay bools
        Reply(5, (640, 480), final=False),
        Reply(6, None, DocumentError("Page 2 cannot be shown: cycle in page tree")),
        Reply(7, SearchProgress(3, 10, (("hit", 1),)), final=False),
        Reply(8, (1, 2, 3)),
    ],
    ids=lambda message: repr(message)[:40],
)
def test_every_other_message_travels_pickled_and_unchanged(message):
    copy = round_trip(message)
    if isinstance(message, Reply) and message.error is not None:  # exceptions compare by identity
        assert type(copy.error) is DocumentError
        assert copy.error.message == message.error.message
        copy, message = copy._replace(error=None), message._replace(error=None)
    assert copy == message
    assert [type(x) for x in getattr(copy, "value", None) or ()] == [
        type(x) for x in getattr(message, "value", None) or ()
    ]


def test_a_frame_of_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="not a worker message"):
        decode(b"x123")


@pytest.fixture
def pipe_ends():
    parent, child = Pipe(duplex=True)
    yield MessagePipe(parent), MessagePipe(child)
    parent.close()
    child.close()


def test_messages_arrive_in_order_however_the_reads_split_them(pipe_ends):
    sender, receiver = pipe_ends
    big = Reply(3, tuple(f"word {n}" for n in range(40_000)))  # ~0.5 MB: many reads
    messages = [Request(1, "render", (RenderKey(1, 0, 10, 10), "psm_a")), Reply(2, (10, 10)), big]
    assert not receiver.poll()
    sent = threading.Thread(target=lambda: [sender.send(m) for m in messages])
    sent.start()
    assert [receiver.recv() for _ in messages] == messages
    sent.join()
    assert not receiver.poll()


def test_several_frames_read_at_once_are_all_delivered(pipe_ends):
    sender, receiver = pipe_ends
    for number in range(5):
        sender.send(Reply(number, (number, number)))
    assert receiver.poll(1.0)
    assert receiver.recv().request_id == 0
    # The other four came in the same read: held here, the socket itself no longer readable.
    assert receiver.holds_messages()
    assert not select.select([receiver.fileno()], [], [], 0)[0]
    assert receiver.poll()
    assert [receiver.recv().request_id for _ in range(4)] == [1, 2, 3, 4]
    assert not receiver.holds_messages()


def test_frames_are_those_of_multiprocessing_connections(pipe_ends):
    sender, receiver = pipe_ends
    sender.send(Reply(7, (1, 2)))
    raw_receiver = receiver._conn
    assert decode(raw_receiver.recv_bytes()) == Reply(7, (1, 2))
    sender._conn.send_bytes(encode(Request(8, "words", (3,))))
    assert receiver.recv() == Request(8, "words", (3,))


def test_the_end_of_the_pipe_is_reported(pipe_ends):
    sender, receiver = pipe_ends
    sender.send(None)
    sender.close()
    assert receiver.recv() is None
    assert receiver.poll()  # readable: the end is waiting
    with pytest.raises(EOFError):
        receiver.recv()


def test_where_pipes_are_not_file_descriptors_the_connection_carries_the_frames(pipe_ends):
    sender, receiver = pipe_ends
    for end in pipe_ends:
        end._fd = -1  # as on Windows, whose pipes are handles
    messages = [Reply(1, (4, 5)), Request(2, "open", ("/tmp/a.pdf", None)), None]
    for message in messages:
        sender.send(message)
    assert receiver.poll(1.0)
    assert [receiver.recv() for _ in messages] == messages
    assert not receiver.holds_messages()
    sender.close()
    with pytest.raises(EOFError):
        receiver.recv()
