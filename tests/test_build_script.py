"""packaging/build.py's parts that need no PyInstaller run: the .deb layout, its control file,
and how it finds what the bundle needs from the system. The desktop entry validates."""

from __future__ import annotations

import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from kfor_viewer import __version__
from tests.conftest import REPO_ROOT
from tests.packaging_scripts import load_packaging_script

DESKTOP_ENTRY = REPO_ROOT / "packaging" / "linux" / "kfor-viewer.desktop"


build = load_packaging_script("build")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_desktop_entry_validates():
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_ENTRY)], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_desktop_entry_opens_pdfs_with_the_app_icon():
    lines = DESKTOP_ENTRY.read_text().splitlines()
    assert "MimeType=application/pdf;" in lines
    # One file per process: the CLI takes one FILE, and the running app receives each in turn.
    assert "Exec=kfor-viewer %f" in lines
    assert "Icon=kfor-viewer" in lines
    assert (REPO_ROOT / "resources" / "icons" / "kfor-viewer.svg").exists()


def _fake_bundle(folder: Path) -> Path:
    bundle = folder / "kfor-viewer"
    (bundle / "_internal").mkdir(parents=True)
    executable = bundle / "kfor-viewer"
    executable.write_bytes(b"\x7fELF fake")
    executable.chmod(0o700)
    (bundle / "_internal" / "data.txt").write_text("x")
    (bundle / "_internal" / "data.txt").chmod(0o600)
    return bundle


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_deb_tree_puts_bundle_launcher_entry_and_icons_in_place(tmp_path):
    root = tmp_path / "root"
    build.stage_deb_tree(_fake_bundle(tmp_path), root)
    assert _mode(root / "opt" / "kfor-viewer" / "kfor-viewer") == 0o755
    assert _mode(root / "opt" / "kfor-viewer" / "_internal" / "data.txt") == 0o644
    launcher = root / "usr" / "bin" / "kfor-viewer"
    assert _mode(launcher) == 0o755
    assert launcher.read_text().startswith("#!/bin/sh\nexec /opt/kfor-viewer/kfor-viewer")
    share = root / "usr" / "share"
    assert (share / "applications" / "kfor-viewer.desktop").read_text() == DESKTOP_ENTRY.read_text()
    for size in build.ICON_SIZES:
        icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "kfor-viewer.png"
        assert icon.read_bytes()[:4] == b"\x89PNG"
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "kfor-viewer.svg").exists()
    assert "AGPL-3.0-or-later" in (share / "doc" / "kfor-viewer" / "copyright").read_text()


def test_the_control_file_is_well_formed():
    text = build.control_file(["libc6 (>= 2.36)", "libxcb-cursor0"], 1234, "amd64")
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith(" "))
    assert fields["Version"] == __version__
    assert fields["Depends"] == "libc6 (>= 2.36), libxcb-cursor0"
    assert fields["Installed-Size"] == "1234"
    assert fields["Recommends"].startswith("tesseract-ocr")
    assert len(fields["Description"]) <= 80
    assert text.endswith("\n") and all(len(line) <= 80 for line in text.splitlines())


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libwayland-egl.so.1", "libwayland-egl1"),
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libGL.so.1", "libgl1"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libfoo2.so.3", "libfoo2-3"),
    ],
)
def test_an_uninstalled_library_maps_to_the_archive_package_debian_names_it(
    monkeypatch, soname, package
):
    asked = []

    def apt_cache(command, **kwargs):
        asked.append(command[-1])
        return subprocess.CompletedProcess(command, 0, stdout=f"Package: {command[-1]}\n")

    monkeypatch.setattr(build.shutil, "which", lambda name: "/usr/bin/apt-cache")
    monkeypatch.setattr(build.subprocess, "run", apt_cache)
    assert build.archive_package(soname) == package
    assert asked == [package]


def test_a_library_the_archive_does_not_have_is_not_guessed(monkeypatch):
    monkeypatch.setattr(build.shutil, "which", lambda name: "/usr/bin/apt-cache")
    monkeypatch.setattr(
        build.subprocess,
        "run",
        lambda command, **kwargs: subprocess.CompletedProcess(command, 100, stdout=""),
    )
    assert build.archive_package("libnothing.so.9") is None


@pytest.mark.skipif(shutil.which("objdump") is None, reason="binutils")
def test_libraries_the_bundle_does_not_carry_are_found(tmp_path):
    import PySide6

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (qtcore,) = Path(PySide6.__file__).parent.glob("QtCore.*.so")
    shutil.copy(qtcore, bundle / qtcore.name)
    missing = build.libraries_not_carried(bundle)
    assert "libQt6Core.so.6" in missing
    (bundle / "libQt6Core.so.6").write_bytes(b"carried")
    assert "libQt6Core.so.6" not in build.libraries_not_carried(bundle)


def test_an_unknown_library_stops_the_build(monkeypatch):
    monkeypatch.setattr(build, "system_library_paths", lambda: {})
    monkeypatch.setattr(build, "archive_package", lambda soname: None)
    with pytest.raises(RuntimeError, match=r"libmystery\.so\.1"):
        build.package_dependencies({"libmystery.so.1"})


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="Debian only")
def test_installed_libraries_are_traced_to_their_packages_in_one_dpkg_call():
    libc = build.system_library_paths()["libc.so.6"]
    owners = build.owning_packages([*build.path_variants(libc), "/no/such/file.so"])
    assert "libc6" in owners.values()
    assert "/no/such/file.so" not in owners
