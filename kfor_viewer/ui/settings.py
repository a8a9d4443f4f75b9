"""The viewer's settings: one INI file in config_dir(), so tests and portable installs are
isolated."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from kfor_viewer.core.paths import config_dir

SETTINGS_FILE = "kfor-viewer.ini"
MAX_PLACES = 100  # documents whose page and zoom are remembered


@dataclass(frozen=True)
class LastDocument:
    path: str
    page: int
    zoom_mode: str  # "fit-width", "fit-page" or "custom"
    zoom: float


def initial_document(
    settings: ViewerSettings, file: str | None, fallback: Path | None
) -> tuple[str | None, LastDocument | None]:
    """What to open at start: `file`, else the last document (with where it was left), else
    `fallback` (the bundled sample)."""
    if file:
        return os.path.abspath(file), None
    last = settings.last_document()
    if last is not None and os.path.exists(last.path):
        return last.path, last
    return (str(fallback) if fallback is not None else None), None


def open_settings() -> QSettings:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat)


class ViewerSettings:
    """Typed access to the settings file; values that are missing or malformed read as defaults."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings or open_settings()

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None, QByteArray | None]:
        """(geometry, window state, splitter state), each None when never saved."""
        return tuple(
            self._bytes(name) for name in ("window/geometry", "window/state", "window/splitter")
        )

    def save_window_state(
        self, geometry: QByteArray, state: QByteArray, splitter: QByteArray
    ) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)
        self.qsettings.setValue("window/splitter", splitter)

    def sidebar(self) -> tuple[bool, int]:
        """(visible, tab index)."""
        visible = self.qsettings.value("sidebar/visible", True)
        return _as_bool(visible), _as_int(self.qsettings.value("sidebar/tab", 0), 0)

    def save_sidebar(self, visible: bool, tab: int) -> None:
        self.qsettings.setValue("sidebar/visible", visible)
        self.qsettings.setValue("sidebar/tab", tab)

    def last_document(self) -> LastDocument | None:
        return self._read_place("last")

    def save_last_document(self, last: LastDocument) -> None:
        self._write_place("last", last)

    def document_place(self, path: str) -> LastDocument | None:
        """Where `path` was left the last time it was open (page and zoom), if remembered."""
        place = self._read_place(f"places/{_place_key(path)}")
        return place if place is not None and place.path == path else None

    def save_document_place(self, place: LastDocument) -> None:
        """Remember where a document was left; the oldest of MAX_PLACES places are forgotten."""
        key = _place_key(place.path)
        order = [k for k in _as_list(self.qsettings.value("places/order", [])) if k != key]
        order.append(key)
        for old in order[:-MAX_PLACES]:
            self.qsettings.remove(f"places/{old}")
        self.qsettings.setValue("places/order", order[-MAX_PLACES:])
        self._write_place(f"places/{key}", place)

    def _read_place(self, prefix: str) -> LastDocument | None:
        path = self.qsettings.value(f"{prefix}/path", "")
        if not path:
            return None
        mode = str(self.qsettings.value(f"{prefix}/zoom_mode", "fit-width"))
        if mode not in ("fit-width", "fit-page", "custom"):
            mode = "fit-width"
        zoom = _as_float(self.qsettings.value(f"{prefix}/zoom", 1.0), 1.0)
        page = _as_int(self.qsettings.value(f"{prefix}/page", 0), 0)
        return LastDocument(str(path), max(page, 0), mode, zoom)

    def _write_place(self, prefix: str, place: LastDocument) -> None:
        self.qsettings.setValue(f"{prefix}/path", place.path)
        self.qsettings.setValue(f"{prefix}/page", place.page)
        self.qsettings.setValue(f"{prefix}/zoom_mode", place.zoom_mode)
        self.qsettings.setValue(f"{prefix}/zoom", place.zoom)

    def sync(self) -> None:
        self.qsettings.sync()

    def _bytes(self, name: str) -> QByteArray | None:
        value = self.qsettings.value(name)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _place_key(path: str) -> str:
    return hashlib.sha1(os.path.abspath(path).encode("utf-8")).hexdigest()[:16]


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):  # QSettings returns a one-entry list as a plain string
        return [value]
    return [str(v) for v in value or []] if isinstance(value, list | tuple) else []


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def _as_int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def _as_float(value: object, default: float) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
