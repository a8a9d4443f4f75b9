"""The Qt bridge to the PDF worker process: requests in, signals out on the GUI thread.

Replies are read when a QSocketNotifier says the worker's pipe is readable, so no reader thread and
no locking are needed; a timer checks the per-request time limit. Pixels arrive in shared memory as
opaque BGRA and are shown from there: the Format_RGB32 QImage wraps the block, which goes back to
the engine's pool when the last copy of the image is gone (see pixel_slots).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtGui import QImage

from kfor_viewer.core import engine_events
from kfor_viewer.core.pdf_engine import PdfEngine, TimeLimits
from kfor_viewer.core.pdf_types import BYTES_PER_PIXEL, DocumentInfo, RenderKey
from kfor_viewer.core.worker_process import DEFAULT_MEMORY_LIMIT

# How often the time limits are checked: a hung render is abandoned within its limit plus this.
_WATCHDOG_INTERVAL_MS = 200


class DocumentClient(QObject):
    opened = Signal(object)  # DocumentInfo
    openFailed = Signal(str, str)  # path, message; the document already open stays open
    passwordRequired = Signal(str, bool)  # path, wrong_password_given
    pageRendered = Signal(object, QImage)  # RenderKey, Format_RGB32 image
    pageFailed = Signal(object, str)  # RenderKey, reason
    wordsReady = Signal(int, object)  # page, tuple[Word, ...]
    searchProgress = Signal(int, int)  # pages searched, page count
    searchHitsFound = Signal(str, object)  # query, tuple[SearchHit, ...] in page order
    searchFinished = Signal(str, int)  # query, total hits
    workerRestarted = Signal(str)  # message for the user

    def __init__(
        self,
        parent: QObject | None = None,
        memory_limit: int = DEFAULT_MEMORY_LIMIT,
        time_limits: TimeLimits | None = None,
        op_modules: tuple[str, ...] = (),
        engine: PdfEngine | None = None,
    ) -> None:
        """`engine`: one already started (its worker may be opening a file), which this client
        then drives; the limits and op modules are that engine's own."""
        super().__init__(parent)
        self._notifier: QSocketNotifier | None = None
        if engine is None:
            engine = PdfEngine(self._dispatch, memory_limit, time_limits, op_modules)
        else:
            engine.set_event_handler(self._dispatch)
        self._engine = engine
        self._watch_pipe()
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(_WATCHDOG_INTERVAL_MS)
        self._watchdog.timeout.connect(self._check_time_limits)
        self._watchdog.start()
        self._shut_down = False

    # -- contract --------------------------------------------------------------------------

    @property
    def doc_generation(self) -> int:
        return self._engine.doc_generation

    @property
    def info(self) -> DocumentInfo | None:
        return self._engine.info

    @property
    def engine(self) -> PdfEngine:
        return self._engine

    def open(self, path: str, password: str | None = None) -> None:
        self._engine.open(str(path), password)
        if self._notifier is None:  # the open restarted a stopped engine
            self._watch_pipe()

    def request_render(self, key: RenderKey, priority: int = 0) -> None:
        self._engine.request_render(key, priority)

    def retain_only(self, wanted: set[RenderKey]) -> None:
        self._engine.retain_only(wanted)

    def request_words(self, page: int) -> None:
        self._engine.request_words(page)

    def search(self, query: str, case_sensitive: bool = False) -> None:
        self._engine.search(query, case_sensitive)

    def cancel_search(self) -> None:
        self._engine.cancel_search()

    def shutdown(self) -> None:
        if self._shut_down:
            return
        self._shut_down = True
        self._watchdog.stop()
        self._drop_notifier()
        self._engine.shutdown()

    # -- plumbing --------------------------------------------------------------------------

    def _watch_pipe(self) -> None:
        self._drop_notifier()
        pipe = self._engine.fileno()
        if pipe < 0:
            return  # the engine stopped after repeated deaths; open() starts it again
        self._notifier = QSocketNotifier(pipe, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read_replies)

    def _drop_notifier(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None

    def _read_replies(self) -> None:
        if not self._shut_down and self._engine.read_replies():
            QTimer.singleShot(0, self._read_replies)  # replies already read, left for later

    def _check_time_limits(self) -> None:
        if not self._shut_down:
            self._engine.check_time_limits()

    def _dispatch(self, event: object) -> None:
        """Turn an engine event into a signal (called on the GUI thread, inside engine calls)."""
        match event:
            case engine_events.Rendered(key, width, height, pixels):
                self.pageRendered.emit(key, _image_over(pixels, width, height))
            case engine_events.RenderFailed(key, reason):
                self.pageFailed.emit(key, reason)
            case engine_events.Opened(info):
                self.opened.emit(info)
            case engine_events.OpenFailed(path, message):
                self.openFailed.emit(path, message)
            case engine_events.PasswordNeeded(path, wrong):
                self.passwordRequired.emit(path, wrong)
            case engine_events.WordsReady(page, words):
                self.wordsReady.emit(page, words)
            case engine_events.WordsFailed(page, _reason):
                self.wordsReady.emit(page, ())
            case engine_events.SearchProgressed(query, done, count, hits):
                if hits:
                    self.searchHitsFound.emit(query, hits)
                self.searchProgress.emit(done, count)
            case engine_events.SearchFinished(query, total):
                self.searchFinished.emit(query, total)
            case engine_events.WorkerRestarted(message):
                self._watch_pipe()  # the new worker has a new pipe
                self.workerRestarted.emit(message)


def _image_over(pixels: object, width: int, height: int) -> QImage:
    """A Format_RGB32 QImage over `pixels` (BGRA, opaque), without a copy.

    The image (and every implicitly shared copy of it) holds a reference to `pixels`, which
    PySide drops when the image data is freed; only then does the block go back to the pool.
    """
    stride = width * BYTES_PER_PIXEL
    return QImage(pixels, width, height, stride, QImage.Format.Format_RGB32)
