"""What the views want rendered reaches the worker once, and one view never cancels another's."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kfor_viewer.core.pdf_types import RenderKey
from kfor_viewer.ui.render_cache import RenderCache
from kfor_viewer.ui.render_requests import RenderRequests


class RecordingClient(QObject):
    """Records the calls the real DocumentClient would pass to the worker."""

    pageRendered = Signal(object, QImage)
    pageFailed = Signal(object, str)
    workerRestarted = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.doc_generation = 1
        self.requested: list[tuple[RenderKey, int]] = []
        self.retained: list[set[RenderKey]] = []

    def request_render(self, key: RenderKey, priority: int = 0) -> None:
        self.requested.append((key, priority))

    def retain_only(self, wanted: set[RenderKey]) -> None:
        self.retained.append(set(wanted))


PAGE = RenderKey(1, 0, 800, 1100)
THUMB = RenderKey(1, 0, 120, 165)
NEXT = RenderKey(1, 1, 800, 1100)


def test_each_key_is_sent_once_and_retained_for_every_consumer(qtbot):
    client, cache = RecordingClient(), RenderCache()
    requests = RenderRequests(client, cache)
    requests.want("page-view", {PAGE: 0})
    requests.want("thumbnails", {THUMB: 5})
    requests.want("page-view", {PAGE: 0, NEXT: 2})
    assert client.requested == [(PAGE, 0), (THUMB, 5), (NEXT, 2)]
    requests.want("page-view", {NEXT: 0})  # scrolled on: PAGE is no longer wanted
    assert client.retained[-1] == {NEXT, THUMB}


def test_results_go_to_the_cache_and_stale_ones_are_dropped(qtbot):
    client, cache = RecordingClient(), RenderCache()
    requests = RenderRequests(client, cache)
    requests.want("page-view", {PAGE: 0})
    image = QImage(800, 1100, QImage.Format.Format_RGB32)
    with qtbot.waitSignal(requests.imageReady) as ready:
        client.pageRendered.emit(PAGE, image)
    assert ready.args == [PAGE] and cache.get(PAGE) is not None
    client.doc_generation = 2  # another document opened meanwhile
    old = RenderKey(1, 3, 800, 1100)
    client.pageRendered.emit(old, image)
    assert cache.get(old) is None


def test_after_a_worker_restart_everything_wanted_is_sent_again(qtbot):
    client, cache = RecordingClient(), RenderCache()
    requests = RenderRequests(client, cache)
    requests.want("page-view", {PAGE: 0})
    requests.want("thumbnails", {THUMB: 5})
    client.requested.clear()
    client.workerRestarted.emit("restarted")
    assert sorted(client.requested, key=lambda item: item[1]) == [(PAGE, 0), (THUMB, 5)]


def test_nothing_is_sent_after_stop(qtbot):
    client, cache = RecordingClient(), RenderCache()
    requests = RenderRequests(client, cache)
    requests.stop()
    requests.want("page-view", {PAGE: 0})
    assert client.requested == [] and client.retained == []
