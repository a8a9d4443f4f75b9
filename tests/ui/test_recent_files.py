"""The recent files list: newest first, no duplicates, bounded."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from kfor_viewer.ui.recent_files import (
    MAX_RECENT,
    RecentFilesMenu,
    recent_labels,
    updated_recent,
)


def test_reopening_moves_a_file_to_the_top_once(tmp_path):
    a, b = str(tmp_path / "a.pdf"), str(tmp_path / "b.pdf")
    listed = updated_recent([a, b], b)
    assert listed == [b, a]
    relative = os.path.relpath(a)
    assert updated_recent(listed, relative) == [a, b]


def test_the_list_is_bounded(tmp_path):
    listed: list[str] = []
    for number in range(MAX_RECENT + 5):
        listed = updated_recent(listed, str(tmp_path / f"{number}.pdf"))
    assert len(listed) == MAX_RECENT
    assert listed[0].endswith(f"{MAX_RECENT + 4}.pdf")


def test_names_that_clash_show_the_folders_that_tell_them_apart():
    q2 = os.path.join("/reports", "2019", "q2", "report.pdf")
    other_q2 = os.path.join("/reports", "2020", "q2", "report.pdf")
    alone = os.path.join("/reports", "2020", "annex.pdf")
    labels = recent_labels([q2, other_q2, alone])
    assert labels == [
        "report.pdf \u2014 \u2026/2019/q2",
        "report.pdf \u2014 \u2026/2020/q2",
        "annex.pdf",
    ]
    # A folder that is the end of the other's is shown whole.
    assert recent_labels(["/x/report.pdf", "/x/y/x/report.pdf"]) == [
        "report.pdf \u2014 /x",
        "report.pdf \u2014 \u2026/y/x",
    ]


def test_the_menu_numbers_entries_and_keeps_ampersands_out_of_the_accelerators(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first, second = tmp_path / "2019", tmp_path / "2020"
    for folder in (first, second):
        folder.mkdir()
        (folder / "R&D report.pdf").write_bytes(b"%PDF-1.7\n")
    clear = QAction("&Clear List")
    menu = RecentFilesMenu(settings, clear)
    qtbot.addWidget(menu)
    menu.add(str(first / "R&D report.pdf"))
    menu.add(str(second / "R&D report.pdf"))
    entries = [a for a in menu.actions() if a.text().startswith("&")][:2]
    assert [a.text() for a in entries] == [
        "&1  R&&D report.pdf \u2014 \u2026/2020",
        "&2  R&&D report.pdf \u2014 \u2026/2019",
    ]
    assert entries[0].toolTip() == str(second / "R&D report.pdf") and menu.toolTipsVisible()
    opened = []
    menu.requestOpen.connect(opened.append)
    entries[1].trigger()
    assert opened == [str(first / "R&D report.pdf")]
