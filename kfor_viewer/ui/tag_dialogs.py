"""Tag commands that reach beyond the open document: rename or merge a tag in every store of the
data folder, and give a tag the colour its highlights take."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QCursor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMenu, QMessageBox

from kfor_viewer.core.annotation_store import StoreReadError, StoreWriteError
from kfor_viewer.core.tag_vocabulary import load_tag_vocabulary, rename_tag, save_tag_vocabulary
from kfor_viewer.ui.highlight_toolbar import PALETTE


def rename_tag_everywhere(tools: Any, tag: str, new_name: str | None = None) -> int | None:
    """Ask for the new name (unless given) and rename `tag` in every document; naming it as an
    existing tag merges the two. Returns the number of highlights changed, None if cancelled."""
    if new_name is None:
        new_name, ok = QInputDialog.getText(
            tools.window,
            "Rename or merge tag",
            f"New name for “{tag}” in every document\n(an existing tag’s name merges the two):",
            text=tag,
        )
        if not ok:
            return None
    new_name = new_name.strip()
    if not new_name or new_name == tag:
        return None
    # the open document's unsaved edits go to disk first: the rename works on the files
    if not tools.autosaver.save_now():
        QMessageBox.warning(tools.window, "Tag not renamed", tools.autosaver.last_error)
        return None
    try:
        changed = rename_tag(tag, new_name)
        if tools.store is not None:
            tools.store.refresh()
    except (StoreWriteError, StoreReadError) as error:
        QMessageBox.warning(tools.window, "Tag not renamed everywhere", str(error))
        return None
    tools.panel.set_tag_filter(None)
    tools.reload_tag_colors()
    tools.show_status(f"“{tag}” is now “{new_name}” on {changed} highlight(s).", 8000)
    return changed


def choose_tag_color(tools: Any, tag: str) -> None:
    """A menu of the palette, Other… and No colour; the choice goes to the tag vocabulary."""
    menu = QMenu(tools.window)
    for color, name in PALETTE:
        menu.addAction(name, lambda c=color: set_tag_color(tools, tag, c))
    menu.addAction("Other…", lambda: _other_color(tools, tag))
    menu.addSeparator()
    menu.addAction("No colour", lambda: set_tag_color(tools, tag, None))
    menu.exec(QCursor.pos())


def _other_color(tools: Any, tag: str) -> None:
    current = QColor(tools.tag_colors.get(tag) or "#FFE066")
    chosen = QColorDialog.getColor(current, tools.window, f"Colour of “{tag}”")
    if chosen.isValid():
        set_tag_color(tools, tag, chosen.name().upper())


def set_tag_color(tools: Any, tag: str, color: str | None) -> None:
    """From now on highlights given `tag` take `color` (existing highlights keep theirs)."""
    vocabulary, _problems = load_tag_vocabulary()
    vocabulary.colors[tag] = color
    try:
        save_tag_vocabulary(vocabulary)
    except StoreWriteError as error:
        QMessageBox.warning(tools.window, "Tag colour not saved", str(error))
        return
    tools.reload_tag_colors()
    what = f"now take {color}" if color else "no longer take a colour"
    tools.show_status(f"Highlights tagged “{tag}” {what}.", 6000)
