"""The committed app icons: every PNG size, and .ico/.icns containers that Windows, macOS and
Qt can read (packaging/make_icons.py)."""

from __future__ import annotations

import struct

import pytest

from tests.conftest import REPO_ROOT
from tests.packaging_scripts import load_packaging_script

ICONS = REPO_ROOT / "resources" / "icons"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


make_icons = load_packaging_script("make_icons")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    return struct.unpack(">II", data[16:24])  # IHDR width, height


def _ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        width, height, _, _, planes, bits, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert (width, planes, bits) == (height, 1, 32)
        entries.append((width or 256, data[offset : offset + size]))
    return entries


def _icns_elements(data: bytes) -> list[tuple[bytes, bytes]]:
    magic, total = struct.unpack_from(">4sI", data)
    assert magic == b"icns" and total == len(data)
    elements, offset = [], 8
    while offset < total:
        kind, length = struct.unpack_from(">4sI", data, offset)
        elements.append((kind, data[offset + 8 : offset + length]))
        offset += length
    assert offset == total
    return elements


@pytest.mark.parametrize("size", make_icons.PNG_SIZES)
def test_each_png_size_exists_at_its_size(size):
    data = (ICONS / f"kfor-viewer-{size}.png").read_bytes()
    assert _png_size(data) == (size, size)


def test_the_ico_holds_one_png_per_windows_size():
    entries = _ico_entries((ICONS / "kfor-viewer.ico").read_bytes())
    assert [size for size, _ in entries] == [16, 24, 32, 48, 64, 128, 256]
    for size, png in entries:
        assert _png_size(png) == (size, size)


def test_the_icns_holds_pngs_of_the_sizes_their_types_demand():
    elements = _icns_elements((ICONS / "kfor-viewer.icns").read_bytes())
    assert len(elements) == len(make_icons.ICNS_TYPES)
    expected = dict(make_icons.ICNS_TYPES)
    for kind, png in elements:
        assert _png_size(png) == (expected[kind], expected[kind])


def test_qt_reads_every_image_of_both_containers(qapp):
    from PySide6.QtGui import QImageReader

    for name, count in (("kfor-viewer.ico", 7), ("kfor-viewer.icns", 11)):
        reader = QImageReader(str(ICONS / name))
        assert reader.imageCount() == count
        assert not reader.read().isNull()


def test_ico_stores_256_as_zero_and_rejects_larger_entries():
    data = make_icons.ico_bytes([(256, PNG_SIGNATURE)])
    assert data[6] == 0 and data[7] == 0
    with pytest.raises(ValueError):
        make_icons.ico_bytes([(512, PNG_SIGNATURE)])


def _pixels(png: bytes):
    from PySide6.QtGui import QImage

    image = QImage.fromData(png).convertToFormat(QImage.Format.Format_ARGB32)
    return bytes(image.constBits())


def _differing_pixels(first: bytes, second: bytes, tolerance: int = 16) -> int:
    channel_differs = [abs(a - b) > tolerance for a, b in zip(first, second, strict=True)]
    return sum(any(channel_differs[i : i + 4]) for i in range(0, len(channel_differs), 4))


@pytest.mark.parametrize("size", [16, 48, 256])
def test_committed_pngs_are_renderings_of_the_svg(qapp, size):
    """Catches an SVG edited without re-running make_icons.py. Another Qt release may
    antialias a few edge pixels differently, hence the tolerance."""
    rendered = _pixels(make_icons.render_png(make_icons.SVG_PATH, size))
    committed = _pixels((ICONS / f"kfor-viewer-{size}.png").read_bytes())
    assert len(rendered) == len(committed) == size * size * 4
    differing = _differing_pixels(rendered, committed)
    assert differing <= size * size // 100, "run: python3 packaging/make_icons.py"


def test_the_containers_hold_the_committed_pngs():
    ico = dict(_ico_entries((ICONS / "kfor-viewer.ico").read_bytes()))
    icns = dict(_icns_elements((ICONS / "kfor-viewer.icns").read_bytes()))
    icns_type_of_size = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256}
    for kind, size in icns_type_of_size.items():
        committed = (ICONS / f"kfor-viewer-{size}.png").read_bytes()
        assert ico[size] == committed
        assert icns[kind] == committed
