"""Render the application icon from its SVG into the PNG sizes, a Windows .ico and a macOS .icns.

    python3 packaging/make_icons.py [--check]

The outputs are committed (resources/icons/); run this after editing kfor-viewer.svg. `--check`
renders into memory and exits 1 if a committed file differs, without writing anything.

Both containers hold PNG-encoded entries, which Windows (Vista and later) and macOS (10.7 and
later) read; writing them ourselves with `struct` spares a dependency on Pillow or iconutil.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

ICONS_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG_PATH = ICONS_DIR / "kfor-viewer.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# An ICO entry stores its size in one byte (0 meaning 256): nothing above 256 fits.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, and the pixel size each one must have.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512x512@2x
    (b"ic11", 32),  # 16x16@2x
    (b"ic12", 64),  # 32x32@2x
    (b"ic13", 256),  # 128x128@2x
    (b"ic14", 512),  # 256x256@2x
)


def png_name(size: int) -> str:
    return f"kfor-viewer-{size}.png"


def ico_bytes(pngs: Iterable[tuple[int, bytes]]) -> bytes:
    """An ICO file whose entries are the given square (size, PNG data) pairs, in that order."""
    entries = list(pngs)
    header = struct.pack("<HHH", 0, 1, len(entries))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(entries)
    directory, images = b"", b""
    for size, data in entries:
        if not 1 <= size <= 256:
            raise ValueError(f"an ICO entry cannot be {size} px")
        side = size % 256  # 0 stands for 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + directory + images


def icns_bytes(elements: Iterable[tuple[bytes, bytes]]) -> bytes:
    """An ICNS file of (four-byte type, PNG data) elements; lengths are big-endian and include
    each header."""
    body = b"".join(struct.pack(">4sI", kind, 8 + len(data)) + data for kind, data in elements)
    return struct.pack(">4sI", b"icns", 8 + len(body)) + body


def render_png(svg_path: Path, size: int) -> bytes:
    """The SVG rendered antialiased onto a transparent size x size canvas, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg_path))
    if not renderer.isValid():
        raise ValueError(f"{svg_path} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def build_outputs(render: Callable[[int], bytes]) -> dict[str, bytes]:
    """File name -> content for every generated icon file, rendering each size once."""
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: render(size) for size in sizes}
    outputs = {png_name(size): pngs[size] for size in PNG_SIZES}
    outputs["kfor-viewer.ico"] = ico_bytes((size, pngs[size]) for size in ICO_SIZES)
    outputs["kfor-viewer.icns"] = icns_bytes((kind, pngs[size]) for kind, size in ICNS_TYPES)
    return outputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QPainter needs it)
    outputs = build_outputs(lambda size: render_png(SVG_PATH, size))
    stale = [name for name, data in outputs.items() if _read(ICONS_DIR / name) != data]
    if args.check:
        for name in stale:
            print(f"out of date: resources/icons/{name}")
        return 1 if stale else 0
    for name in stale:
        (ICONS_DIR / name).write_bytes(outputs[name])
        print(f"wrote resources/icons/{name}")
    return 0


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


if __name__ == "__main__":
    sys.exit(main())
