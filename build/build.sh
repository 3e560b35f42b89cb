#!/usr/bin/env bash
# Build Kehu's one-folder bundle and the Linux packages, then check them:
#
#   bash build/build.sh          bundle in dist/kehu/, dist/kehu-VERSION-linux-ARCH.tar.gz,
#                                dist/kehu_VERSION_ARCH.deb; prints the figures
#   bash build/build.sh --ci     the same, and also installs the .deb (as root) and
#                                runs `kehu --self-test` from /opt/kehu, then removes it
#   --branch-pack FILE           the bundle carries this branch rule pack
#                                (resources/branch-pack.zip), applied on first start
#
# Needs .venv (bash dev.sh setup) and, on the build machine only, a TrueType CJK
# font to bundle: KEHU_BUNDLE_FONT, else WenQuanYi Micro Hei (Debian:
# fonts-wqy-microhei), and icu-devtools and gcc to trim Qt's ICU data. PyInstaller
# (pinned in requirements-build.txt) is installed into .venv. Work files go to $KEHU_BUILD_WORK (default /tmp/kehu-build), the
# results to dist/ at the top of the repository (ignored by git).
# The self-test on the bundle runs with fontconfig pointed at an empty folder, so
# no font of the machine can stand in for the bundled one.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
ci=0
pack=""          # --branch-pack FILE: a branch rule pack the bundle carries, applied on first start
while [ $# -gt 0 ]; do
  case "$1" in
    --ci) ci=1 ;;
    --branch-pack) pack=$(realpath "${2:?--branch-pack needs a file}"); shift ;;
    *) echo "Unknown option $1 (use --ci, --branch-pack FILE)." >&2; exit 2 ;;
  esac
  shift
done
py=.venv/bin/python
work=${KEHU_BUILD_WORK:-/tmp/kehu-build}
dist="$root/dist"
stage="$work/stage"
font=${KEHU_BUNDLE_FONT:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}
font_licence=${KEHU_BUNDLE_FONT_LICENCE:-/usr/share/doc/fonts-wqy-microhei/copyright}

seconds() { python3 -c "import time; print(f'{time.time() - $1:.1f}')"; }
step() { printf '\n== %s\n' "$*"; }
[ -x "$py" ] || { echo "No .venv: run 'bash dev.sh setup' first." >&2; exit 1; }
[ -f "$font" ] || { echo "No CJK font to bundle at $font: install fonts-wqy-microhei or set KEHU_BUNDLE_FONT." >&2; exit 1; }

started=$(date +%s.%N)
step "PyInstaller (requirements-build.txt)"
"$py" -m pip install -q --disable-pip-version-check -r requirements-build.txt

version=$("$py" -c "from model.core.version import __version__; print(__version__)")
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || commit="$commit+changes"
build_date=$(date -u +%Y-%m-%d)
arch=$(dpkg --print-architecture 2>/dev/null || uname -m)

step "Staging: font, build information"
rm -rf "$stage" && mkdir -p "$stage/fonts"
cp "$font" "$stage/fonts/"
[ -f "$font_licence" ] && cp "$font_licence" "$stage/fonts/LICENCE-$(basename "${font%.*}").txt"
printf '{"version": "%s", "date": "%s", "commit": "%s"}\n' "$version" "$build_date" "$commit" \
  > "$stage/build_info.json"
cat "$stage/build_info.json"
if [ -n "$pack" ]; then     # checked now, so a broken pack never reaches an installer
  QT_QPA_PLATFORM=offscreen KEHU_SETTINGS_DIR="$(mktemp -d)" XDG_CONFIG_HOME="$(mktemp -d)" \
    "$py" main.py branch-pack import --check "$pack"
  cp "$pack" "$stage/branch-pack.zip"
fi

step "Bundle"
bundle_started=$(date +%s.%N)
rm -rf "$dist/kehu"
KEHU_STAGE="$stage" "$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath "$work/work" --distpath "$dist" build/kehu.spec
bundle="$dist/kehu"
# Symbol tables and debug sections are not needed to run: strip every shared
# library except those that auditwheel patched into a wheel's top-level
# <name>.libs/ folder (stripping those breaks them, e.g. numpy's OpenBLAS). About
# 9 MB, plus SQLCipher's 21 MB module down to 8 MB. The self-test below imports
# and runs every native part (pandas, OR-Tools, SQLCipher, Qt, the PDF stack).
find "$bundle/_internal" -type f -name '*.so*' | grep -Ev '/_internal/[^/]+\.libs/' \
  | xargs strip --strip-unneeded
# Qt's ICU data without what Qt never reads here (about 31 MB -> 9.5 MB).
for icu in "$bundle"/_internal/PySide6/Qt/lib/libicudata.so.*; do bash build/linux/trim_icu.sh "$icu"; done
build_time=$(seconds "$bundle_started")

step "Packages"
tarball="$dist/kehu-$version-linux-$arch.tar.gz"
tar -C "$dist" -czf "$tarball" kehu
deb=$(bash build/linux/make_deb.sh "$bundle" "$version" "$arch" "$dist")

# An empty font configuration: no font of this machine is visible to the bundle.
nofonts="$work/no-fonts"
mkdir -p "$nofonts/fonts" "$nofonts/cache"
cat > "$nofonts/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>$nofonts/fonts</dir><cachedir>$nofonts/cache</cachedir></fontconfig>
EOF
export FONTCONFIG_FILE="$nofonts/fonts.conf"
export QT_QPA_PLATFORM=offscreen

step "Cold start of the bundle to the first painted window (offscreen)"
demo="$work/bench.kehu"
rm -f "$demo"* && "$bundle/kehu" demo "$demo" >/dev/null
first_paint=""
for _ in 1 2 3; do    # the first run also warms the disk cache; the best of three is quoted
  settings=$(mktemp -d)
  line=$(KEHU_SETTINGS_DIR="$settings" KEHU_USER=bench KEHU_BENCH_FIRST_PAINT=1 "$bundle/kehu" --archive "$demo" | grep '^first-paint')
  rm -rf "$settings"
  echo "$line"
  s=$(echo "$line" | cut -d' ' -f2)
  if [ -z "$first_paint" ] || python3 -c "import sys; sys.exit(not $s < ${first_paint%% *})"; then
    first_paint="$s $(echo "$line" | cut -d' ' -f3)"
  fi
done

step "Self-test of the bundle (no system fonts visible)"
selftest_started=$(date +%s.%N)
"$bundle/kehu" --self-test
selftest_time=$(seconds "$selftest_started")

if [ "$ci" = 1 ]; then
  step "Install the .deb, self-test from /opt/kehu, remove it"
  bash build/linux/check_deb.sh "$deb"
fi

unpacked=$(du -sm "$bundle" | cut -f1)
compressed=$(du -m "$tarball" | cut -f1)
deb_size=$(du -m "$deb" | cut -f1)
step "Figures"
echo "version              $version ($build_date, $commit)"
echo "bundle build time    ${build_time} s"
echo "bundle size          ${unpacked} MB unpacked (target <= 250), ${compressed} MB .tar.gz, ${deb_size} MB .deb"
echo "frozen cold start    ${first_paint%% *} s to the first painted window, peak ${first_paint##* } MB (target <= 2.5 s)"
echo "self-test (bundle)   ${selftest_time} s"
echo "whole build          $(seconds "$started") s"
echo "results              $tarball"
echo "                     $deb"
if [ "$unpacked" -gt "${KEHU_MAX_BUNDLE_MB:-250}" ]; then
  echo "The bundle is larger than ${KEHU_MAX_BUNDLE_MB:-250} MB unpacked: look at what was added (du -a dist/kehu | sort -n | tail -40)." >&2
  exit 1
fi
