"""The real packages: builds the PyInstaller bundle and the .deb, runs the frozen app's
self-test and inspects the .deb. Slow (about two minutes): runs when KFOR_RUN_PACKAGING=1,
which .ci/run sets."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kfor_viewer import __version__
from tests.conftest import REPO_ROOT

pytestmark = [
    pytest.mark.packaging,
    # Building the bundle or the .deb inside a fixture takes minutes on a busy machine.
    pytest.mark.timeout(1200),
    pytest.mark.skipif(
        os.environ.get("KFOR_RUN_PACKAGING") != "1",
        reason="builds the packages (slow): set KFOR_RUN_PACKAGING=1",
    ),
]
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """dist/ with the bundle and the .deb, built once for the module."""
    for tool in ("dpkg-deb", "objdump", "desktop-file-validate"):
        assert shutil.which(tool), (
            f"{tool} is missing: bash packaging/bootstrap.sh test installs it"
        )
    root = tmp_path_factory.mktemp("packages")
    dist, work = root / "dist", root / "work"
    command = [sys.executable, str(REPO_ROOT / "packaging" / "build.py")]
    command += ["--dist", str(dist), "--work", str(work)]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    print(result.stdout)  # the build time and sizes, for the CI log (pytest -s / -rP)
    return dist


@pytest.fixture(scope="module")
def deb(built) -> Path:
    (deb,) = built.glob("kfor-viewer_*.deb")
    return deb


def _frozen_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the source tree
    return env


def test_the_frozen_app_passes_its_self_test(built, tmp_path):
    app = built / "kfor-viewer" / "kfor-viewer"
    result = subprocess.run(
        [str(app), "--self-test"],
        cwd=tmp_path,
        env=_frozen_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok    render: " in result.stdout and "by the worker process" in result.stdout
    assert "self-test passed" in result.stdout


def test_the_frozen_app_runs_its_subcommands(built, sample_pdf, tmp_path):
    app = built / "kfor-viewer" / "kfor-viewer"
    result = subprocess.run(
        [str(app), "extract", str(sample_pdf)],
        cwd=tmp_path,
        env=_frozen_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["recognised"] is True


def test_the_frozen_app_opens_its_window_on_a_real_x_display(built, tmp_path):
    """The xcb platform plugin loads from the bundle: the window stays up, no Qt abort."""
    assert shutil.which("xvfb-run"), "xvfb is missing: bash packaging/bootstrap.sh test installs it"
    env = _frozen_env(tmp_path)
    del env["QT_QPA_PLATFORM"]
    # The app's single-instance socket goes to TMPDIR; a short folder of our own keeps the
    # socket path under the Unix limit and /tmp free of the socket the killed app leaves.
    socket_folder = tempfile.mkdtemp(prefix="kv-")
    env["TMPDIR"] = socket_folder
    app = subprocess.Popen(
        ["xvfb-run", "-a", str(built / "kfor-viewer" / "kfor-viewer"), "--new-window"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        app.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass  # still showing its window: what we want
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGTERM)
        _, stderr = app.communicate(timeout=30)
        shutil.rmtree(socket_folder, ignore_errors=True)
    assert app.returncode in (-signal.SIGTERM, 143), stderr
    assert "platform plugin" not in stderr, stderr


def test_the_deb_installs_bundle_launcher_desktop_entry_and_icons(deb):
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    files = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
    hicolor = "/usr/share/icons/hicolor"
    expected = {
        "/opt/kfor-viewer/kfor-viewer",
        "/opt/kfor-viewer/_internal/resources/samples/kfor-report-2020-q2-q3.pdf",
        "/usr/bin/kfor-viewer",
        "/usr/share/applications/kfor-viewer.desktop",
        f"{hicolor}/scalable/apps/kfor-viewer.svg",
        "/usr/share/doc/kfor-viewer/copyright",
    } | {f"{hicolor}/{s}x{s}/apps/kfor-viewer.png" for s in ICON_SIZES}
    assert expected <= files
    launcher = next(line for line in listing.splitlines() if line.endswith("./usr/bin/kfor-viewer"))
    assert launcher.startswith("-rwxr-xr-x root/root")


def test_the_deb_declares_what_the_bundle_needs_from_the_system(deb):
    def field(name: str) -> str:
        return subprocess.run(
            ["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True
        ).stdout.strip()

    depends = {item.split()[0] for item in field("Depends").split(", ")}
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"} <= depends
    assert "libc6" in depends
    assert "tesseract-ocr" in field("Recommends")
    assert field("Version") == __version__
    assert field("Package") == "kfor-viewer"


def test_the_deb_dependencies_resolve_on_this_distribution(deb):
    if not any(Path("/var/lib/apt/lists").glob("*_Packages*")):
        pytest.skip("no apt package lists: run apt-get update")
    result = subprocess.run(
        ["apt-get", "install", "--simulate", "--no-install-recommends", str(deb)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    assert "Inst kfor-viewer " in result.stdout


def test_the_installed_desktop_entry_validates_and_opens_pdfs(deb, tmp_path):
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    entry = tmp_path / "usr" / "share" / "applications" / "kfor-viewer.desktop"
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    text = entry.read_text()
    assert "MimeType=application/pdf;" in text
    assert "Exec=kfor-viewer %f" in text
    launcher = (tmp_path / "usr" / "bin" / "kfor-viewer").read_text()
    assert 'exec /opt/kfor-viewer/kfor-viewer "$@"' in launcher
    # The bundle as the .deb unpacks it (permissions, symlinks) still starts.
    version = subprocess.run(
        [str(tmp_path / "opt" / "kfor-viewer" / "kfor-viewer"), "--version"],
        env=_frozen_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert version.stdout.strip() == f"kfor-viewer {__version__}", version.stderr
