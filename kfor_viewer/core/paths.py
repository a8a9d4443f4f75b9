"""Where kfor-viewer keeps its files: user data, settings, and its own resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from kfor_viewer import APP_NAME

DATA_DIR_ENV = "KFOR_VIEWER_DATA_DIR"
CONFIG_DIR_ENV = "KFOR_VIEWER_CONFIG_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder of the annotation stores: `override`, else $KFOR_VIEWER_DATA_DIR, else the
    platform's per-user data folder."""
    if override:
        return Path(override).expanduser()
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV]).expanduser()
    return _platform_dir("data") / APP_NAME


def config_dir() -> Path:
    """The folder of the settings file: $KFOR_VIEWER_CONFIG_DIR, else the platform's."""
    if os.environ.get(CONFIG_DIR_ENV):
        return Path(os.environ[CONFIG_DIR_ENV]).expanduser()
    return _platform_dir("config") / APP_NAME


def _platform_dir(kind: str) -> Path:
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    if sys.platform == "darwin":
        sub = "Application Support" if kind == "data" else "Preferences"
        return home / "Library" / sub
    if kind == "data":
        return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")


def resources_dir() -> Path:
    """The bundled resources: beside the frozen executable, or the repository's resources/."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def sample_pdf() -> Path:
    """The bundled sample report that the app opens on its first start."""
    return resources_dir() / "samples" / "kfor-report-2020-q2-q3.pdf"
