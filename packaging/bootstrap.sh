#!/usr/bin/env bash
# One entry point for a fresh Debian/Ubuntu machine (Python 3.11+):
#   bash packaging/bootstrap.sh run    install, then start the app on the bundled sample
#   bash packaging/bootstrap.sh test   install with the test extras, then run the whole test suite
# It installs the system libraries Qt's xcb platform plugin needs (and Tesseract for OCR),
# makes a virtual environment in .venv and installs the project into it.
set -euo pipefail
mode=${1:-run}
shift || true
cd "$(dirname "$0")/.."

# Qt 6.5+ xcb plugin: libxcb-cursor0 is the one it aborts without; the others are loaded too.
QT_RUNTIME_PACKAGES=(
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon0 libxkbcommon-x11-0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
)
OCR_PACKAGES=(tesseract-ocr tesseract-ocr-eng)
# libpython3-dev: PyInstaller (the packaging test) needs Debian's shared libpython3.X.so.
TEST_PACKAGES=(xvfb xauth poppler-utils desktop-file-utils dpkg-dev binutils libpython3-dev)

install_system_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || { echo "not Debian/Ubuntu: install ${missing[*]} yourself" >&2; return 0; }
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "Installing system packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

python=${PYTHON:-python3}
packages=("${QT_RUNTIME_PACKAGES[@]}" "${OCR_PACKAGES[@]}")
[ "$mode" = test ] && packages+=("${TEST_PACKAGES[@]}")
"$python" -c 'import ensurepip' 2>/dev/null || packages+=(python3-venv)
install_system_packages "${packages[@]}"

[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
case "$mode" in
  run)
    .venv/bin/python -m pip install -q -e .
    exec .venv/bin/kfor-viewer "$@"
    ;;
  test)
    .venv/bin/python -m pip install -q -e ".[test]"
    export QT_QPA_PLATFORM=offscreen
    exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: bash packaging/bootstrap.sh run|test [ARGS...]" >&2
    exit 2
    ;;
esac
