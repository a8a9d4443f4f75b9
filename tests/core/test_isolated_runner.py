"""The isolated child-process runner: results, failures, time limits and cancelling."""

from __future__ import annotations

import threading
import time

import pytest

from kfor_viewer.core.isolated_runner import IsolatedFailure, IsolatedRunner


def echo_or_fail(argument):
    kind, value = argument
    if kind == "sleep":
        time.sleep(value)
    if kind == "raise":
        raise ValueError(value)
    if kind == "fail":
        raise IsolatedFailure(value)
    return value


def test_the_child_is_reused_and_reports_failures_as_messages():
    with IsolatedRunner(echo_or_fail, timeout=30) as runner:
        assert runner.run(("echo", 1)) == 1
        first_child = runner._process
        with pytest.raises(IsolatedFailure, match=r"cannot be read \(ValueError: bad\)"):
            runner.run(("raise", "bad"))
        with pytest.raises(IsolatedFailure, match=r"^said so$"):
            runner.run(("fail", "said so"))
        assert runner.run(("echo", [2, 3])) == [2, 3]
        assert runner._process is first_child


def test_a_hanging_call_times_out_and_the_next_call_gets_a_fresh_child():
    with IsolatedRunner(echo_or_fail, timeout=0.5) as runner:
        with pytest.raises(IsolatedFailure, match=r"gave up after 0\.5 s"):
            runner.run(("sleep", 30))
        assert runner.run(("echo", "again")) == "again"


def test_cancel_from_another_thread_ends_a_running_call_at_once():
    with IsolatedRunner(echo_or_fail, timeout=60) as runner:
        runner.run(("echo", 0))  # the child is up
        threading.Timer(0.3, runner.cancel).start()
        started = time.monotonic()
        with pytest.raises(IsolatedFailure, match=r"^cancelled$"):
            runner.run(("sleep", 30))
        assert time.monotonic() - started < 10
        runner.cancel()  # idle: nothing to cancel, the next call still works
        assert runner.run(("echo", "after")) == "after"


def test_a_child_whose_parent_is_gone_ends_quietly(capfd):
    from multiprocessing import get_context

    from kfor_viewer.core.isolated_runner import _child_loop

    context = get_context("spawn")
    parent_end, child_end = context.Pipe()
    child = context.Process(target=_child_loop, args=(child_end, echo_or_fail))
    child.start()
    child_end.close()
    assert parent_end.recv() == ("ready", None)
    parent_end.close()  # as when the GUI process is killed
    child.join(30)
    assert child.exitcode == 0
    assert "Traceback" not in capfd.readouterr().err
