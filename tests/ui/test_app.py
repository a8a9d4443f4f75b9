"""Start-up checks that replace Qt's obscure aborts with messages a user can act on."""

from __future__ import annotations

from kfor_viewer.ui.app import missing_xcb_packages, platform_problem


def _loader(missing: set[str]):
    def load(name: str):
        if name in missing:
            raise OSError(f"{name}: cannot open shared object file")
        return object()

    return load


def test_missing_xcb_libraries_name_their_debian_packages():
    load = _loader({"libxcb-cursor.so.0", "libxcb-icccm.so.4"})
    assert missing_xcb_packages(load) == ["libxcb-cursor0", "libxcb-icccm4"]
    problem = platform_problem({"DISPLAY": ":0"}, "linux", load)
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in problem


def test_no_display_is_said_plainly():
    problem = platform_problem({}, "linux", _loader(set()))
    assert "no display" in problem


def test_nothing_to_say_when_qt_can_start():
    assert platform_problem({"DISPLAY": ":0"}, "linux", _loader(set())) is None
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", _loader({"x"})) is None
    assert platform_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", _loader({"x"})) is None
    assert platform_problem({}, "win32", _loader(set())) is None
