"""The worker process seen from the GUI side, without Qt: requests, replies, limits, restarts."""

from __future__ import annotations

import select
import time

import pytest

from kfor_viewer.core import pdf_engine as ev
from kfor_viewer.core.pdf_engine import PdfEngine, TimeLimits
from kfor_viewer.core.pdf_types import RenderKey
from tests.core import bad_pdfs
from tests.core.hostile_worker_ops import CRASH_PAGE, HANG_PAGE, HOG_PAGE


class Harness:
    """Runs a PdfEngine the way the Qt client does: read when the pipe is readable, watch time."""

    def __init__(self, **options) -> None:
        self.events: list[object] = []
        self.engine = PdfEngine(self._record, **options)

    def _record(self, event: object) -> None:
        if isinstance(event, ev.Rendered):  # a copy, so the shared block goes back to the pool
            event = ev.Rendered(event.key, event.width, event.height, bytes(event.pixels))
        self.events.append(event)

    def wait_for(self, kind: type, count: int = 1, timeout: float = 20.0) -> list:
        """Run the loop a GUI would run until `count` events of `kind` have come."""
        deadline, held = time.monotonic() + timeout, False
        while len(self.of(kind)) < count:
            assert time.monotonic() < deadline, f"no {kind.__name__}; got {self.events}"
            if held or select.select([self.engine.fileno()], [], [], 0.05)[0]:
                held = self.engine.read_replies()
            self.engine.check_time_limits()
        return self.of(kind)

    def drain(self) -> None:
        """Handle every reply waiting now (one read_replies call stops after its time budget)."""
        held = False
        while held or select.select([self.engine.fileno()], [], [], 0)[0]:
            held = self.engine.read_replies()

    def of(self, kind: type) -> list:
        return [e for e in self.events if isinstance(e, kind)]

    def open(self, path) -> object:
        self.engine.open(str(path))
        return self.wait_for(ev.Opened)[-1].info


@pytest.fixture
def harness():
    made = []

    def make(**options) -> Harness:
        made.append(Harness(**options))
        return made[-1]

    yield make
    for each in made:
        each.engine.shutdown()


@pytest.fixture
def good_pdf(tmp_path):
    return bad_pdfs.text_pdf(tmp_path / "good.pdf", pages=5)


def test_open_render_words_and_search_through_the_worker(harness, good_pdf):
    run = harness()
    info = run.open(good_pdf)
    assert info.page_count == 5 and run.engine.doc_generation == 1
    key = RenderKey(run.engine.doc_generation, 0, 298, 421)
    run.engine.request_render(key)
    run.engine.request_words(4)
    run.engine.search("EULEX")
    rendered = run.wait_for(ev.Rendered)[0]
    assert (rendered.key, rendered.width, rendered.height) == (key, 298, 421)
    assert len(rendered.pixels) == 298 * 421 * 4 and min(rendered.pixels) < 128
    assert set(rendered.pixels[3::4]) == {255}  # opaque BGRA, as QImage.Format_RGB32 wants
    assert run.wait_for(ev.WordsReady)[0].words[0].text == "Page"
    assert run.wait_for(ev.SearchFinished)[0] == ev.SearchFinished("EULEX", 10)
    hits = [hit for progress in run.of(ev.SearchProgressed) for hit in progress.hits]
    assert [hit.page for hit in hits] == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert run.of(ev.SearchProgressed)[-1].pages_done == 5


def test_a_failed_open_keeps_the_open_document(harness, good_pdf, tmp_path):
    run = harness()
    run.open(good_pdf)
    run.engine.open(str(bad_pdfs.not_a_pdf(tmp_path / "notes.pdf")))
    assert run.wait_for(ev.OpenFailed)[0].message == "This file is not a PDF"
    assert run.engine.info.path == str(good_pdf) and run.engine.doc_generation == 1
    run.engine.request_render(RenderKey(1, 2, 60, 84))
    assert run.wait_for(ev.Rendered)[0].key.page == 2


def test_password_is_asked_for_then_refused_then_accepted(harness, tmp_path):
    path = str(bad_pdfs.encrypted_pdf(tmp_path / "locked.pdf"))
    run = harness()
    run.engine.open(path)
    run.engine.open(path, "guess")
    assert run.wait_for(ev.PasswordNeeded, 2) == [
        ev.PasswordNeeded(path, False),
        ev.PasswordNeeded(path, True),
    ]
    run.engine.open(path, bad_pdfs.PASSWORD)
    assert run.wait_for(ev.Opened)[0].info.page_count == 3


def test_a_hanging_render_is_abandoned_and_the_worker_restarted(harness, good_pdf):
    run = harness(time_limits=TimeLimits(render=1.0), op_modules=("tests.core.hostile_worker_ops",))
    run.open(good_pdf)
    first_pid = run.engine.worker_pid
    hanging, after = RenderKey(1, HANG_PAGE, 60, 84), RenderKey(1, 0, 60, 84)
    run.engine.request_render(hanging)
    run.engine.request_render(after)  # in flight behind the hang: sent again after the restart
    message = run.wait_for(ev.WorkerRestarted)[0].message
    assert "took longer than 1 s while rendering page 2" in message
    assert run.wait_for(ev.RenderFailed)[0].key == hanging
    assert run.wait_for(ev.Rendered)[0].key == after  # the document was reopened
    assert run.engine.worker_pid != first_pid and run.engine.doc_generation == 1


def test_a_crashing_render_fails_that_page_only(harness, good_pdf):
    run = harness(op_modules=("tests.core.hostile_worker_ops",))
    run.open(good_pdf)
    crashing = RenderKey(1, CRASH_PAGE, 60, 84)
    run.engine.request_render(crashing)
    assert "crashed" in run.wait_for(ev.WorkerRestarted)[0].message
    failed = run.wait_for(ev.RenderFailed)[0]
    assert failed.key == crashing and "rendering page 3 crashed" in failed.reason.lower()
    run.engine.request_render(RenderKey(1, 4, 60, 84))
    assert run.wait_for(ev.Rendered)[0].key.page == 4
    run.engine.search("eulex")  # the reopened document answers everything
    assert run.wait_for(ev.SearchFinished)[0].total == 10


def test_memory_is_capped_in_the_worker(harness, good_pdf):
    run = harness(op_modules=("tests.core.hostile_worker_ops",))
    run.open(good_pdf)
    run.engine.request_render(RenderKey(1, HOG_PAGE, 60, 84))
    assert "Not enough memory" in run.wait_for(ev.RenderFailed)[0].reason
    assert run.engine.restarts == 0  # a refused allocation is an error, not a death


def test_renders_no_longer_wanted_are_dropped_and_stale_results_ignored(harness, good_pdf):
    run = harness(op_modules=("tests.core.hostile_worker_ops",), time_limits=TimeLimits(render=1))
    run.open(good_pdf)
    # Two renders fill the pipe (one hangs), so the rest wait in the engine's queue.
    run.engine.request_render(RenderKey(1, HANG_PAGE, 60, 84))
    run.engine.request_render(RenderKey(1, 0, 60, 84))
    queued = [RenderKey(1, 4, 60 + i, 84) for i in range(3)]
    for key in queued:
        run.engine.request_render(key, priority=5)
    run.engine.retain_only({queued[1]})
    run.wait_for(ev.Rendered, 2)
    time.sleep(0.3)
    run.wait_for(ev.Rendered, 2)
    assert {e.key for e in run.of(ev.Rendered)} == {RenderKey(1, 0, 60, 84), queued[1]}


def test_open_errors_come_through_the_worker(harness, tmp_path):
    run = harness()
    cases = [
        bad_pdfs.empty_file(tmp_path / "empty.pdf"),
        bad_pdfs.garbage_pdf(tmp_path / "garbage.pdf"),
        bad_pdfs.certificate_encrypted_pdf(tmp_path / "cert.pdf"),
    ]
    for path in cases:
        run.engine.open(str(path))
    messages = [e.message for e in run.wait_for(ev.OpenFailed, 3)]
    assert messages == [
        "The file is empty",
        "The PDF is damaged: no objects found",
        "The PDF is encrypted with a certificate: not supported",
    ]
    assert run.engine.info is None


def test_visible_pages_render_before_thumbnails(harness, good_pdf):
    run = harness(op_modules=("tests.core.hostile_worker_ops",), time_limits=TimeLimits(render=1))
    run.open(good_pdf)
    run.engine.request_render(RenderKey(1, HANG_PAGE, 60, 84))  # keeps the worker busy
    run.engine.request_render(RenderKey(1, 0, 60, 84))
    thumbnail, ahead, visible = (RenderKey(1, 4, 20 + i, 28) for i in range(3))
    run.engine.request_render(thumbnail, priority=5)
    run.engine.request_render(ahead, priority=2)
    run.engine.request_render(visible, priority=0)
    rendered = [e.key for e in run.wait_for(ev.Rendered, 4)]
    assert rendered[-3:] == [visible, ahead, thumbnail]


def test_a_search_that_crashes_the_worker_skips_that_page_and_goes_on(harness, good_pdf):
    from tests.core.hostile_worker_ops import CRASHING_QUERY

    run = harness(op_modules=("tests.core.hostile_worker_ops",))
    run.open(good_pdf)
    run.engine.search(CRASHING_QUERY)
    assert "while searching page 3" in run.wait_for(ev.WorkerRestarted)[0].message
    assert run.wait_for(ev.SearchFinished)[0] == ev.SearchFinished(CRASHING_QUERY, 0)
    assert run.of(ev.SearchProgressed)[-1].pages_done == 5


def test_a_new_search_cancels_the_running_one(harness, tmp_path):
    run = harness()
    run.open(bad_pdfs.text_pdf(tmp_path / "long.pdf", pages=60))
    run.engine.search("EULEX")
    run.engine.search("Page 7:")
    finished = run.wait_for(ev.SearchFinished)
    assert finished == [ev.SearchFinished("Page 7:", 1)]
    assert {p.query for p in run.of(ev.SearchProgressed)} <= {"EULEX", "Page 7:"}
    run.engine.search("eulex")
    run.engine.cancel_search()
    time.sleep(0.5)
    run.wait_for(ev.SearchFinished)
    assert len(run.of(ev.SearchFinished)) == 1  # the cancelled search never finishes


def test_replies_read_ahead_are_announced_not_stranded(harness, tmp_path):
    """A read takes every reply that has arrived; when the time budget stops handling them,
    read_replies says some are held, since the pipe will not look readable for them."""
    run = harness()
    run.open(bad_pdfs.text_pdf(tmp_path / "long.pdf", pages=30))
    run.engine.search("EULEX")
    select.select([run.engine.fileno()], [], [], 10)
    time.sleep(1.0)  # the search (a few ms) has finished: its replies all wait in the pipe
    assert run.engine.read_replies(budget_s=0) is True  # one handled, the others read and held
    assert not select.select([run.engine.fileno()], [], [], 0)[0]
    while run.engine.read_replies(budget_s=0):
        pass
    assert run.of(ev.SearchFinished) == [ev.SearchFinished("EULEX", 60)]


def test_case_sensitive_search_through_the_worker(harness, good_pdf):
    run = harness()
    run.open(good_pdf)
    run.engine.search("EULEX", case_sensitive=True)
    assert run.wait_for(ev.SearchFinished)[0].total == 5


def test_a_worker_that_keeps_dying_is_stopped_not_restarted_forever(harness, good_pdf):
    run = harness(op_modules=("tests.core.worker_that_cannot_start",))
    run.engine.open(str(good_pdf))
    messages = [e.message for e in run.wait_for(ev.WorkerRestarted, 3)]
    assert "exited (code 3) 3 times in a row and was stopped" in messages[2]
    failed = run.of(ev.OpenFailed)[0]
    assert failed.path == str(good_pdf) and "exited (code 3)" in failed.message
    restarts = run.engine.restarts
    time.sleep(0.3)
    run.engine.read_replies()
    assert run.engine.restarts == restarts  # no restart loop


def test_renders_of_the_previous_document_are_dropped_after_an_open(harness, good_pdf, tmp_path):
    run = harness()
    run.open(good_pdf)
    for page in range(5):  # two go to the worker, three wait in the queue
        run.engine.request_render(RenderKey(1, page, 300, 420))
    other = bad_pdfs.text_pdf(tmp_path / "other.pdf", pages=2)
    run.engine.open(str(other))  # jumps the queue
    assert run.wait_for(ev.Opened, 2)[-1].info.path == str(other)
    assert run.engine.doc_generation == 2
    run.engine.request_render(RenderKey(2, 1, 30, 42))
    run.engine.request_render(RenderKey(1, 4, 31, 42))  # a late request for the old document
    run.wait_for(ev.Rendered, 3)
    time.sleep(0.3)
    run.drain()
    keys = [e.key for e in run.of(ev.Rendered)]
    assert keys[-1] == RenderKey(2, 1, 30, 42)
    assert len([k for k in keys if k.doc_generation == 1]) <= 2  # only those already running
    assert run.of(ev.RenderFailed) == []


def test_replies_are_handled_within_a_time_budget_so_the_event_loop_gets_its_turn(
    harness, good_pdf
):
    run = harness()
    run.open(good_pdf)
    run.engine.request_words(1)
    run.engine.request_words(2)  # both go to the worker at once
    time.sleep(0.5)  # both answers are in the pipe by now (each takes milliseconds)
    run.engine.read_replies(budget_s=0)  # over budget after the first
    assert [e.page for e in run.of(ev.WordsReady)] == [1]
    run.engine.read_replies(budget_s=0)  # the pipe stayed readable: the owner calls again
    assert [e.page for e in run.of(ev.WordsReady)] == [1, 2]


def test_the_worker_runs_at_a_lower_priority_than_the_gui(harness):
    import os

    run = harness()
    if not hasattr(os, "getpriority"):
        pytest.skip("no process priorities here")
    deadline = time.monotonic() + 10
    while os.getpriority(os.PRIO_PROCESS, run.engine.worker_pid) == os.getpriority(
        os.PRIO_PROCESS, 0
    ):
        assert time.monotonic() < deadline, "the worker never lowered its priority"
        time.sleep(0.05)
    worker = os.getpriority(os.PRIO_PROCESS, run.engine.worker_pid)
    assert worker > os.getpriority(os.PRIO_PROCESS, 0)


def test_words_of_a_page_are_asked_for_once_while_on_their_way(harness, good_pdf):
    run = harness()
    run.open(good_pdf)
    for _ in range(3):
        run.engine.request_words(2)
    run.wait_for(ev.WordsReady)
    time.sleep(0.3)
    run.drain()
    assert [e.page for e in run.of(ev.WordsReady)] == [2]
    run.engine.request_words(2)  # answered: asking again works
    assert len(run.wait_for(ev.WordsReady, 2)) == 2


def test_a_cancelled_search_stuck_on_a_page_is_still_stopped(harness, good_pdf):
    from tests.core.hostile_worker_ops import HANGING_QUERY

    run = harness(op_modules=("tests.core.hostile_worker_ops",), time_limits=TimeLimits(other=1))
    run.open(good_pdf)
    run.engine.search(HANGING_QUERY)
    time.sleep(0.3)
    run.engine.cancel_search()
    assert "took longer than 1 s" in run.wait_for(ev.WorkerRestarted)[0].message
    run.engine.request_render(RenderKey(1, 0, 30, 42))  # the worker works again
    assert run.wait_for(ev.Rendered)[0].key.page == 0
    assert run.of(ev.SearchFinished) == []
