"""What the PDF engine tells its owner: plain event dataclasses, and its time limits."""

from __future__ import annotations

from dataclasses import dataclass

from kfor_viewer.core.pdf_types import DocumentInfo, RenderKey, SearchHit, Word


@dataclass(frozen=True)
class TimeLimits:
    """Seconds a request may run before the worker is killed and the request abandoned."""

    open: float = 30.0
    render: float = 10.0
    other: float = 10.0

    def for_op(self, op: str) -> float:
        return {"open": self.open, "reopen": self.open, "render": self.render}.get(op, self.other)


@dataclass(frozen=True)
class Opened:
    info: DocumentInfo


@dataclass(frozen=True)
class OpenFailed:
    path: str
    message: str


@dataclass(frozen=True)
class PasswordNeeded:
    path: str
    wrong_password: bool


@dataclass(frozen=True)
class Rendered:
    key: RenderKey
    width: int
    height: int
    pixels: memoryview  # packed RGB, stride width * 3; valid only during the call


@dataclass(frozen=True)
class RenderFailed:
    key: RenderKey
    reason: str


@dataclass(frozen=True)
class WordsReady:
    page: int
    words: tuple[Word, ...]


@dataclass(frozen=True)
class WordsFailed:
    page: int
    reason: str


@dataclass(frozen=True)
class SearchProgressed:
    query: str
    pages_done: int
    page_count: int
    hits: tuple[SearchHit, ...]


@dataclass(frozen=True)
class SearchFinished:
    query: str
    total: int


@dataclass(frozen=True)
class WorkerRestarted:
    message: str
