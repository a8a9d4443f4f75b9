"""One app per user: a second `kfor-viewer FILE` hands FILE to the running app and exits.

The running app listens on a local socket (a Unix socket in the temp folder, a named pipe on
Windows) whose name is derived from the user and the settings folder, so two users, or a test
with its own settings folder, never reach each other's app. A starting app first tries to hand
its files over (`try_hand_off`); when nobody answers it becomes the running app
(`InstanceServer`).

Protocol: the client sends one JSON line `{"open": [absolute paths]}` and waits for `ok`; an
empty list just brings the running window to the front. A running app that does not answer in
time (its window is frozen) is treated as absent, so the user still gets a window.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QEvent, QLockFile, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from kfor_viewer import APP_NAME
from kfor_viewer.core.paths import config_dir

HANDOFF_TIMEOUT_MS = 3000
LIVENESS_TIMEOUT_MS = 500
MAX_REQUEST_BYTES = 1 << 20
REPLY_OK = b"ok\n"


def server_name() -> str:
    """The socket name for this user and settings folder (short: Unix socket paths are
    limited to about 100 bytes)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in some containers
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    key = f"{user}\0{config_dir().resolve()}".encode()
    return f"{APP_NAME}-{hashlib.sha256(key).hexdigest()[:16]}"


def encode_request(paths: Sequence[str]) -> bytes:
    """The request line for `paths`, made absolute: the running app has another working folder."""
    absolute = [str(Path(path).expanduser().absolute()) for path in paths]
    return json.dumps({"open": absolute}).encode() + b"\n"


def decode_request(line: bytes) -> list[str]:
    """The paths of a request line; ValueError when it is not one."""
    request = json.loads(line.decode())
    paths = request.get("open") if isinstance(request, dict) else None
    if not isinstance(paths, list) or not all(isinstance(path, str) for path in paths):
        raise ValueError("not a kfor-viewer open request")
    return paths


def try_hand_off(
    paths: Sequence[str], name: str | None = None, timeout_ms: int = HANDOFF_TIMEOUT_MS
) -> bool:
    """Hand `paths` to the running app; True when it took them (this process should exit 0).
    Works before a QApplication exists."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(timeout_ms):
        return False  # no app running, or a stale socket left by one that crashed
    try:
        socket.write(encode_request(paths))
        if not socket.waitForBytesWritten(timeout_ms):
            return False
        reply = b""
        while not reply.endswith(b"\n") and socket.waitForReadyRead(timeout_ms):
            reply += bytes(socket.readAll().data())
        return reply == REPLY_OK
    finally:
        socket.abort()


def bring_to_front(window: QWidget) -> None:
    """Show `window` unminimised and ask the window manager to activate it."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


class InstanceServer(QObject):
    """Makes this process the running app: files handed over by later starts are passed to
    `on_open` (one call per path, in order) and the window `parent` is brought to the front.

    Requests that arrive before `on_open` is set are kept and delivered by `set_on_open`.
    `listening` is False when another live app already holds the name.
    """

    openRequested = Signal(str)
    activationRequested = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        on_open: Callable[[str], None] | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self._on_open = on_open
        self._pending: list[str] = []
        self._buffers: dict[QLocalSocket, bytes] = {}
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept_connections)
        self.listening = self._listen()
        app = QCoreApplication.instance()
        if sys.platform == "darwin" and app is not None:
            # Finder sends the files the user opens as FileOpen events, not as arguments. (An
            # app-wide filter sees every event, so it is installed only where it is needed.)
            app.installEventFilter(self)

    def set_on_open(self, on_open: Callable[[str], None]) -> None:
        self._on_open = on_open
        pending, self._pending = self._pending, []
        for path in pending:
            on_open(path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and event.file():
            self._deliver([event.file()])
            return True
        return super().eventFilter(watched, event)

    def close(self) -> None:
        self._server.close()
        self.listening = False

    def _listen(self) -> bool:
        # The lock keeps two apps starting at once from both deciding the socket is stale
        # and removing each other's.
        lock = QLockFile(str(Path(QDir.tempPath()) / f"{self.name}.lock"))
        lock.setStaleLockTime(10_000)
        locked = lock.tryLock(2000)
        try:
            # Check first: on Unix, listen() renames its socket over an existing one, so it
            # would silently displace a live app.
            if _is_answering(self.name):
                return False
            QLocalServer.removeServer(self.name)  # a stale socket left by a crashed app
            return self._server.listen(self.name)
        finally:
            if locked:
                lock.unlock()

    def _accept_connections(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(lambda socket=socket: self._forget(socket))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        self._buffers[socket] = data
        if b"\n" not in data:
            if len(data) > MAX_REQUEST_BYTES:
                socket.abort()
            return
        del self._buffers[socket]  # one request per connection: ignore anything after it
        try:
            paths = decode_request(data.split(b"\n", 1)[0])
        except ValueError:  # includes JSON and Unicode errors
            socket.write(b"error\n")
        else:
            socket.write(REPLY_OK)
            self._deliver(paths)
        socket.disconnectFromServer()

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _deliver(self, paths: list[str]) -> None:
        for path in paths:
            self.openRequested.emit(path)
            if self._on_open is None:
                self._pending.append(path)
            else:
                self._on_open(path)
        self.activationRequested.emit()
        window = self.parent()
        if isinstance(window, QWidget):
            bring_to_front(window.window())


def _is_answering(name: str) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    answering = socket.waitForConnected(LIVENESS_TIMEOUT_MS)
    socket.abort()
    return answering
