"""What the PDF engine tells its owner: plain immutable events, and its time limits.

NamedTuples rather than frozen dataclasses: this module is loaded on the way to the first page,
and defining a frozen dataclass costs about five times as much (its methods are generated and
compiled at import).
"""

from __future__ import annotations

from typing import NamedTuple

from kfor_viewer.core.pdf_types import DocumentInfo, RenderKey, SearchHit, Word


class TimeLimits(NamedTuple):
    """Seconds a request may run before the worker is killed and the request abandoned."""

    open: float = 30.0
    render: float = 10.0
    other: float = 10.0

    def for_op(self, op: str) -> float:
        return {"open": self.open, "reopen": self.open, "render": self.render}.get(op, self.other)


class Opened(NamedTuple):
    info: DocumentInfo


class OpenFailed(NamedTuple):
    path: str
    message: str


class PasswordNeeded(NamedTuple):
    path: str
    wrong_password: bool


class Rendered(NamedTuple):
    key: RenderKey
    width: int
    height: int
    # Opaque BGRA (QImage RGB32 byte order), stride width * 4: a buffer over the shared block the
    # worker drew into, which stays valid (and the block in use) while anything refers to it.
    pixels: object


class RenderFailed(NamedTuple):
    key: RenderKey
    reason: str


class WordsReady(NamedTuple):
    page: int
    words: tuple[Word, ...]


class WordsFailed(NamedTuple):
    page: int
    reason: str


class SearchProgressed(NamedTuple):
    query: str
    pages_done: int
    page_count: int
    hits: tuple[SearchHit, ...]


class SearchFinished(NamedTuple):
    query: str
    total: int


class WorkerRestarted(NamedTuple):
    message: str
