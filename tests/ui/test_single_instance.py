"""Single-instance handoff between two real processes over the local socket."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QMainWindow

from kfor_viewer.ui import single_instance
from kfor_viewer.ui.single_instance import InstanceServer, server_name, try_hand_off
from tests.conftest import REPO_ROOT

SECOND_INSTANCE = (
    "import sys; from kfor_viewer.ui.single_instance import try_hand_off; "
    "sys.exit(0 if try_hand_off(sys.argv[1:], timeout_ms=5000) else 3)"
)


def _start_second_instance(*paths: str, cwd: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    return subprocess.Popen([sys.executable, "-c", SECOND_INSTANCE, *paths], cwd=cwd, env=env)


def _wait_exit(qtbot, process: subprocess.Popen) -> int:
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=15000)
    return process.returncode


@pytest.fixture
def server(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    opened: list[str] = []
    server = InstanceServer(window, on_open=opened.append)
    assert server.listening
    yield server, window, opened
    server.close()


def test_second_start_hands_its_file_to_the_running_app_and_exits_0(qtbot, server, tmp_path):
    _, window, opened = server
    window.showMinimized()
    process = _start_second_instance("report.pdf", cwd=tmp_path)
    assert _wait_exit(qtbot, process) == 0
    # The relative name is resolved in the second process's folder, not the running app's.
    assert opened == [str(tmp_path / "report.pdf")]
    assert window.isVisible() and not window.isMinimized()


def test_a_start_without_file_only_raises_the_running_window(qtbot, server, tmp_path):
    instance, _, opened = server
    with qtbot.waitSignal(instance.activationRequested, timeout=15000):
        process = _start_second_instance(cwd=tmp_path)
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=15000)
    assert process.returncode == 0
    assert opened == []


def test_requests_before_the_window_is_ready_are_delivered_later(qtbot, tmp_path):
    instance = InstanceServer()
    try:
        process = _start_second_instance(str(tmp_path / "a.pdf"), cwd=tmp_path)
        assert _wait_exit(qtbot, process) == 0
        opened: list[str] = []
        instance.set_on_open(opened.append)
        assert opened == [str(tmp_path / "a.pdf")]
    finally:
        instance.close()


def test_without_a_running_app_there_is_nobody_to_hand_off_to():
    assert try_hand_off(["x.pdf"], timeout_ms=500) is False


def _stale_socket(name: str) -> Path:
    """A socket file left behind by an app that crashed: bound, then closed, never removed."""
    path = Path(QDir.tempPath()) / name
    path.unlink(missing_ok=True)
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(str(path))
    dead.close()
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")
def test_a_stale_socket_from_a_crashed_app_is_replaced(qtbot, tmp_path):
    path = _stale_socket(server_name())
    assert try_hand_off(["x.pdf"], timeout_ms=500) is False
    instance = InstanceServer(on_open=lambda path: None)
    try:
        assert instance.listening
        process = _start_second_instance("x.pdf", cwd=tmp_path)
        assert _wait_exit(qtbot, process) == 0
    finally:
        instance.close()
        path.unlink(missing_ok=True)


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")
def test_a_frozen_running_app_is_neither_waited_for_forever_nor_displaced():
    name = server_name()
    path = Path(QDir.tempPath()) / name
    path.unlink(missing_ok=True)
    frozen = socket.socket(socket.AF_UNIX)  # accepts connections, never answers
    frozen.bind(str(path))
    frozen.listen(4)
    try:
        assert try_hand_off(["x.pdf"], timeout_ms=300) is False
        instance = InstanceServer()
        assert not instance.listening
        assert path.exists()
    finally:
        frozen.close()
        path.unlink(missing_ok=True)


def test_the_server_name_differs_per_settings_folder(monkeypatch, tmp_path):
    first = server_name()
    monkeypatch.setenv("KFOR_VIEWER_CONFIG_DIR", str(tmp_path / "other"))
    assert server_name() != first
    assert len(first) < 60


@pytest.mark.parametrize(
    "line", [b"not json", b'{"open": "a.pdf"}', b'{"open": [1]}', b"[]", b"\xff\xfe"]
)
def test_malformed_requests_are_rejected(line):
    with pytest.raises(ValueError):
        single_instance.decode_request(line)


def test_a_malformed_request_opens_nothing_and_the_server_keeps_serving(qtbot, server, tmp_path):
    _, _, opened = server
    client = socket.socket(socket.AF_UNIX)
    client.connect(str(Path(QDir.tempPath()) / server_name()))
    client.sendall(b"garbage\n")
    qtbot.wait(200)  # let the app read it
    client.settimeout(5)
    assert client.recv(16) == b"error\n"
    client.close()
    process = _start_second_instance("ok.pdf", cwd=tmp_path)
    assert _wait_exit(qtbot, process) == 0
    assert opened == [str(tmp_path / "ok.pdf")]


def test_a_second_server_never_displaces_the_running_app(qtbot, server, tmp_path):
    _, _, opened = server
    second = InstanceServer()
    assert not second.listening
    process = _start_second_instance("b.pdf", cwd=tmp_path)
    assert _wait_exit(qtbot, process) == 0
    assert opened == [str(tmp_path / "b.pdf")]


def test_a_file_opened_from_finder_is_delivered_like_a_hand_off(qtbot, qapp, server, tmp_path):
    from PySide6.QtGui import QFileOpenEvent

    instance, _, opened = server
    path = str(tmp_path / "finder.pdf")
    assert instance.eventFilter(qapp, QFileOpenEvent(path)) is True
    assert opened == [path]
