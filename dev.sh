#!/usr/bin/env bash
# Set up Kehu on this machine if needed, then do one thing:
#   bash dev.sh app     open the window on a demo archive (under Xvfb when there is no display)
#   bash dev.sh test    run the whole test suite offscreen
#   bash dev.sh bench   run the benchmarks (see README)
#   bash dev.sh build   build the installers (build/build.sh; --ci also installs and self-tests)
#   bash dev.sh setup   only set up
# Set-up installs what is missing and nothing else: Qt's system libraries, a
# TrueType CJK font and poppler-utils (Debian, as root), and .venv from the
# pinned requirements.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
py=${PYTHON:-python3}

# What a minimal Debian 12 (python3, git) lacks, proven by ../shared/tools/fresh-machine.
# fontconfig: fonts-wqy-microhei only *recommends* it, and we install without recommends.
apt_packages=(libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0 fonts-wqy-microhei fontconfig poppler-utils xvfb xauth)

system_setup() {
  command -v dpkg-query >/dev/null 2>&1 || return 0      # not Debian: see README for your system
  local missing=()
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ! "$py" -c "import ensurepip, venv" >/dev/null 2>&1; then missing+=(python3-venv); fi
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "Missing system packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

python_setup() {
  local stamp=.venv/.setup-stamp want
  want=$(cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-16)
  if [ -x .venv/bin/python ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
  [ -x .venv/bin/python ] || "$py" -m venv .venv
  echo "Installing Python packages into .venv (pinned in requirements*.txt)"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  echo "$want" > "$stamp"
}

setup() { system_setup; python_setup; }

build_setup() {     # what build/build.sh needs besides the set-up: ICU tools, strip, gcc
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=()
  for p in icu-devtools binutils gcc; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "Missing build packages: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "Installing build packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

cmd=${1:-app}; shift || true
case "$cmd" in
  setup) setup ;;
  app)
    setup
    demo="$here/demo-data/demo.kehu"
    if [ ! -f "$demo" ]; then
      mkdir -p "$here/demo-data"
      .venv/bin/python main.py demo "$demo"
    fi
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
      echo "No display: running the window under Xvfb (a virtual screen)."
      exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python main.py --archive "$demo" "$@"
    fi
    exec .venv/bin/python main.py --archive "$demo" "$@"
    ;;
  test)
    setup
    .venv/bin/ruff check .   # lint first (pyproject.toml); CI and the fresh machine run this too
    QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@"
    ;;
  build)
    setup
    build_setup
    exec bash build/build.sh "$@"
    ;;
  bench)
    setup
    QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m benchmarks "$@"
    ;;
  *) echo "usage: bash dev.sh [app|test|bench|build|setup]" >&2; exit 2 ;;
esac
