"""Build the kfor-viewer bundle with PyInstaller and, on Debian/Ubuntu, a .deb around it.

    python3 packaging/build.py             # dist/kfor-viewer/ and dist/kfor-viewer_VERSION_ARCH.deb
    python3 packaging/build.py --no-deb    # the bundle only (Windows, macOS, or no dpkg-deb)
    python3 packaging/build.py --deb-only  # wrap an existing dist/kfor-viewer/ again

Needs the `packaging` extra (pip install -e ".[packaging]"); the .deb also needs dpkg-deb and
objdump (Debian packages dpkg-dev and binutils). The .deb installs the bundle under
/opt/kfor-viewer, a launcher /usr/bin/kfor-viewer, the desktop entry (opens PDFs) and the icons,
and declares the system libraries the bundle needs but does not carry.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "kfor-viewer.spec"
DESKTOP_ENTRY = ROOT / "packaging" / "linux" / "kfor-viewer.desktop"
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_NAME = "kfor-viewer"
INSTALL_DIR = f"/opt/{APP_NAME}"

# What Qt's xcb platform plugin loads; declared even if a build machine's bundle happens to be
# analysed without one of them, because without them Qt aborts at start on a bare desktop.
QT_XCB_PACKAGES = (
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libegl1",
    "libgl1",
    "libfontconfig1",
)
RECOMMENDS = ("tesseract-ocr", "tesseract-ocr-eng")
# Loaded by the kernel or glibc itself, never a package dependency of ours.
NOT_PACKAGED = re.compile(r"^(ld-linux.*|linux-vdso.*|linux-gate.*)$")


@dataclass(frozen=True)
class BuildResult:
    bundle: Path
    seconds: float
    size_bytes: int


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from kfor_viewer import __version__

    return __version__


def build_bundle(dist: Path, work: Path) -> BuildResult:
    """Run PyInstaller on the spec; the one-folder bundle lands in dist/kfor-viewer."""
    started = time.monotonic()
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm"]
    command += ["--distpath", str(dist), "--workpath", str(work), "--log-level", "WARN"]
    subprocess.run(command, cwd=ROOT, check=True)
    bundle = dist / APP_NAME
    return BuildResult(bundle, time.monotonic() - started, tree_size(bundle))


def tree_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed_libraries(elf: Path) -> set[str]:
    """The sonames an ELF file asks the dynamic loader for (its DT_NEEDED entries)."""
    output = subprocess.run(
        ["objdump", "-p", str(elf)], capture_output=True, text=True, check=True
    ).stdout
    return set(re.findall(r"^\s*NEEDED\s+(\S+)", output, flags=re.MULTILINE))


def libraries_not_carried(bundle: Path) -> set[str]:
    """Sonames some file of the bundle needs that the bundle does not contain."""
    carried = {path.name for path in bundle.rglob("*")}
    needed: set[str] = set()
    for elf in elf_files(bundle):
        needed |= needed_libraries(elf)
    return {name for name in needed - carried if not NOT_PACKAGED.match(name)}


def system_library_paths() -> dict[str, str]:
    """soname -> path of the library the dynamic loader would pick, for this architecture."""
    multiarch = sysconfig.get_config_var("MULTIARCH") or ""
    output = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    paths: dict[str, str] = {}
    for match in re.finditer(r"^\s*(\S+) \([^)]*\) => (\S+)", output, re.MULTILINE):
        soname, path = match.groups()
        if multiarch in path or not multiarch:
            paths.setdefault(soname, path)
    return paths


def path_variants(path: str) -> list[str]:
    """`path`, its resolved target, and their merged-/usr twins: dpkg records whichever one the
    package shipped."""
    variants = list(dict.fromkeys([path, os.path.realpath(path)]))
    variants += [p[4:] if p.startswith("/usr/") else "/usr" + p for p in variants]
    return variants


def owning_packages(paths: list[str]) -> dict[str, str]:
    """path -> the installed Debian package that owns it, for the paths dpkg knows. One dpkg
    call for all of them: each call reads the whole package database."""
    if not paths:
        return {}
    output = subprocess.run(["dpkg", "-S", *paths], capture_output=True, text=True).stdout
    owners: dict[str, str] = {}
    for line in output.splitlines():
        packages, separator, path = line.partition(": ")
        if separator and not line.startswith("diversion "):
            owners[path.strip()] = packages.split(",")[0].split(":")[0].strip()
    return owners


def archive_package(soname: str) -> str | None:
    """For a library not installed here: the package Debian's naming policy gives it
    (libwayland-egl.so.1 -> libwayland-egl1), if the archive has one by that name."""
    match = re.fullmatch(r"(lib[^/]+)\.so\.(\d+)", soname)
    if match is None or shutil.which("apt-cache") is None:
        return None
    base, major = match.group(1).lower(), match.group(2)
    name = f"{base}-{major}" if base[-1].isdigit() else f"{base}{major}"
    result = subprocess.run(
        ["apt-cache", "show", "--no-all-versions", name], capture_output=True, text=True
    )
    return name if result.returncode == 0 and f"Package: {name}" in result.stdout else None


def package_dependencies(sonames: set[str]) -> list[str]:
    """Debian packages that provide `sonames`: the installed package that owns each one, else
    the archive's package of that name. Raises when neither exists, since the .deb would then
    install a bundle that cannot start."""
    paths = system_library_paths()
    variants = {name: path_variants(paths[name]) for name in sonames if name in paths}
    owners = owning_packages([path for each in variants.values() for path in each])
    packages, unknown = set(QT_XCB_PACKAGES), []
    for soname in sorted(sonames):
        owned = (owners[path] for path in variants.get(soname, ()) if path in owners)
        package = next(owned, None) or archive_package(soname)
        if package is None:
            unknown.append(soname)
        else:
            packages.add(package)
    if unknown:
        raise RuntimeError(f"no Debian package provides {', '.join(unknown)}: install them first")
    glibc = platform.libc_ver()[1]
    packages.discard("libc6")
    return [f"libc6 (>= {glibc})", *sorted(packages)]


def stage_deb_tree(bundle: Path, root: Path) -> None:
    """Lay out the installed files under `root` as dpkg-deb wants them."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / INSTALL_DIR.lstrip("/"), symlinks=True)
    launcher = root / "usr" / "bin" / APP_NAME
    launcher.parent.mkdir(parents=True)
    # A script, not a symlink: the bundle finds its libraries relative to its real location.
    launcher.write_text(f'#!/bin/sh\nexec {INSTALL_DIR}/{APP_NAME} "$@"\n')
    launcher.chmod(0o755)
    share = root / "usr" / "share"
    _copy(DESKTOP_ENTRY, share / "applications" / f"{APP_NAME}.desktop")
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_NAME}.png"
        _copy(ICONS / f"{APP_NAME}-{size}.png", target)
    _copy(
        ICONS / f"{APP_NAME}.svg",
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_NAME}.svg",
    )
    (share / "doc" / APP_NAME).mkdir(parents=True)
    (share / "doc" / APP_NAME / "copyright").write_text(COPYRIGHT)
    _normalise_permissions(root)


COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: kfor-viewer
Source: the source code of this version is installed in /opt/kfor-viewer/_internal/source

Files: *
Copyright: kfor-viewer developers
License: AGPL-3.0-or-later
 This program is free software: you can redistribute it and/or modify it under the terms of
 the GNU Affero General Public License as published by the Free Software Foundation, either
 version 3 of the License, or (at your option) any later version.
 .
 The bundle in /opt/kfor-viewer also carries Python (PSF-2.0), Qt and PySide6 (LGPL-3.0),
 and PyMuPDF and MuPDF (AGPL-3.0).
"""


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def _normalise_permissions(root: Path) -> None:
    """0755 for folders and executables, 0644 for the rest, whatever the build machine's umask."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or path.stat().st_mode & 0o111
        path.chmod(0o755 if executable else 0o644)


def control_file(depends: list[str], installed_kib: int, arch: str) -> str:
    return (
        f"Package: {APP_NAME}\n"
        f"Version: {version()}\n"
        "Section: graphics\n"
        "Priority: optional\n"
        f"Architecture: {arch}\n"
        "Maintainer: kfor-viewer developers <kfor-viewer@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Description: viewer and annotator for UN Security Council documents on KFOR\n"
        " Shows the UN Security Council documents that transmit NATO's reports on the\n"
        " Kosovo Force (KFOR) like a first-class PDF viewer, extracts their fields\n"
        " (period, troop strength, contributing nations, incidents, events) linked to\n"
        " the passages they come from, and lets you highlight, tag and annotate them.\n"
        " Tesseract is needed only to read scanned pages.\n"
    )


def build_deb(bundle: Path, dist: Path, work: Path) -> Path:
    """Wrap the bundle into dist/kfor-viewer_VERSION_ARCH.deb."""
    root = work / "deb-root"
    stage_deb_tree(bundle, root)
    depends = package_dependencies(libraries_not_carried(bundle))
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    (root / "DEBIAN").mkdir()
    installed_kib = (tree_size(root) + 1023) // 1024
    (root / "DEBIAN" / "control").write_text(control_file(depends, installed_kib, arch))
    deb = dist / f"{APP_NAME}_{version()}_{arch}.deb"
    # zstd: 3 s here against 60 s for gzip -9 and 150 s for xz, for a similar size; every dpkg
    # that can meet our libc6 dependency (Debian 12, Ubuntu 23.04 and later) reads it.
    command = ["dpkg-deb", "--root-owner-group", "-Zzstd", "--build", str(root), str(deb)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--no-deb", action="store_true", help="build the bundle only")
    choice.add_argument("--deb-only", action="store_true", help="reuse dist/kfor-viewer")
    args = parser.parse_args(argv)
    bundle = args.dist / APP_NAME
    if not args.deb_only:
        result = build_bundle(args.dist, args.work)
        size_mb = result.size_bytes / 1e6
        print(f"bundle: {bundle} ({size_mb:.0f} MB, built in {result.seconds:.0f} s)")
    make_deb = not args.no_deb and sys.platform.startswith("linux")
    if make_deb and shutil.which("dpkg-deb") is None:
        print("no dpkg-deb here: skipping the .deb (apt-get install dpkg-dev)", file=sys.stderr)
        make_deb = False
    if make_deb:
        started = time.monotonic()
        deb = build_deb(bundle, args.dist, args.work)
        seconds = time.monotonic() - started
        print(f"deb: {deb} ({deb.stat().st_size / 1e6:.0f} MB, built in {seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
