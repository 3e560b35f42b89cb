#!/usr/bin/env bash
# check_deb.sh KEHU.deb: install it (as root), run `kehu --self-test` from the
# installed place with no font of the machine visible (FONTCONFIG_FILE as set
# by build.sh, else an empty configuration made here), then remove it again.
set -euo pipefail
deb=$1
[ "$(id -u)" = 0 ] || { echo "Installing the .deb needs root." >&2; exit 1; }
if dpkg-query -W -f='${Status}' kehu 2>/dev/null | grep -q "install ok installed"; then
  echo "kehu is already installed here; not touching it." >&2; exit 1
fi
if [ -z "${FONTCONFIG_FILE:-}" ]; then
  empty=$(mktemp -d)
  printf '<?xml version="1.0"?>\n<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n' \
    "$empty" "$empty" > "$empty/fonts.conf"
  export FONTCONFIG_FILE="$empty/fonts.conf"
fi
dpkg -i "$deb"
status=0
(
  set -e
  test "$(readlink -f /usr/bin/kehu)" = /opt/kehu/kehu
  test -f /usr/share/applications/kehu.desktop
  test -f /usr/share/icons/hicolor/scalable/apps/kehu.svg
  if command -v desktop-file-validate >/dev/null 2>&1; then desktop-file-validate /usr/share/applications/kehu.desktop; fi
  echo "fonts visible to the installed program: $(fc-list 2>/dev/null | wc -l)"
  cd /tmp && QT_QPA_PLATFORM=offscreen kehu --self-test
) || status=$?
dpkg -r kehu >/dev/null
test ! -e /opt/kehu/kehu && test ! -e /usr/bin/kehu
echo "removed kehu again"
exit $status
