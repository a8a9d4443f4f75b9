"""The application icon, from the PNGs rendered out of resources/icons/kfor-viewer.svg."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon

from kfor_viewer.core.paths import resources_dir

ICON_NAME = "kfor-viewer"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The app's icon with a hand-rendered pixmap at every size, so small sizes stay crisp.
    Needs a QGuiApplication."""
    icon = QIcon()
    icons_dir = resources_dir() / "icons"
    for size in ICON_SIZES:
        path = icons_dir / f"{ICON_NAME}-{size}.png"
        if path.exists():
            icon.addFile(str(path))
    return icon


def install_app_icon(app: QGuiApplication) -> None:
    """Give every window the app icon, and tell Wayland compositors and docks which desktop
    entry (kfor-viewer.desktop) the windows belong to, which is where they take the icon from."""
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(ICON_NAME)
