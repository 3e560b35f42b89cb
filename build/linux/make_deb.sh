#!/usr/bin/env bash
# make_deb.sh BUNDLE VERSION ARCH OUTDIR: a .deb that installs the bundle to
# /opt/kehu, with /usr/bin/kehu, a desktop entry and an icon; prints its path.
# The CJK font is inside the bundle, so no font package is required.
set -euo pipefail
bundle=$1 version=$2 arch=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/scalable/apps"
cp -a "$bundle" "$root/opt/kehu"
ln -s /opt/kehu/kehu "$root/usr/bin/kehu"
install -m 644 "$here/kehu.desktop" "$root/usr/share/applications/kehu.desktop"
install -m 644 "$here/../../resources/icons/kehu.svg" "$root/usr/share/icons/hicolor/scalable/apps/kehu.svg"
size=$(du -sk "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: kehu
Version: $version
Architecture: $arch
Maintainer: Kehu maintainers <kehu@localhost>
Installed-Size: $size
Section: misc
Priority: optional
Depends: libc6, libglib2.0-0 | libglib2.0-0t64, libegl1, libgl1, libopengl0, libx11-6, libx11-xcb1, libdbus-1-3, libfontconfig1, libfreetype6, libxkbcommon0, libxkbcommon-x11-0, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-render-util0, libxcb-image0, libxcb-randr0, libxcb-xfixes0, libxcb-sync1, libxcb-xkb1, libxcb-render0, libxcb-shm0
Description: Kehu (客户经营助手), the field account manager's customer archive
 An offline desktop program for account managers who look after 500-800
 customers: the archive with its change history, grading, visit plans and
 printed tracking logs. Chinese font included; run "kehu --self-test" to
 check an installation.
CONTROL
cat > "$root/DEBIAN/postinst" <<'POST'
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true; fi
POST
cp "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
chmod 755 "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
deb="$out/kehu_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
