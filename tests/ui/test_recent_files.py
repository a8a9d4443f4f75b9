"""The recent files list: newest first, no duplicates, bounded."""

from __future__ import annotations

import os

from kfor_viewer.ui.recent_files import MAX_RECENT, updated_recent


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
