#!/usr/bin/env bash
# Shrink the ICU data library Qt brings (libicudata, ~31 MB) to what Qt can use here.
#
#   bash build/linux/trim_icu.sh BUNDLE/_internal/PySide6/Qt/lib/libicudata.so.NN
#
# QtCore links ICU for collation, case mapping, text codecs and time zones; it has
# its own CLDR locale data, so ICU's display names (languages, regions, zones,
# currencies, units), spell-out rules, transliterators, the locale bundles and the
# collations of languages other than Chinese and English, and the IBM/EBCDIC code
# pages are never read. They are removed with icupkg and the library is rebuilt
# from the rest with genccode (Debian: icu-devtools) and gcc, keeping its soname
# and its data symbol. About 31 MB becomes about 9.5 MB. (icupkg -r reads a list
# only from a file whose name ends in .txt.)
set -euo pipefail
lib=$1
for tool in icupkg genccode gcc readelf; do
  command -v "$tool" >/dev/null || { echo "trim_icu: $tool is missing (Debian: apt-get install icu-devtools gcc binutils)." >&2; exit 1; }
done
name=$(basename "$lib")                       # libicudata.so.73
major=${name##*.so.}
symbol="icudt${major}_dat"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The data is the whole of the symbol icudtNN_dat: cut it out of the library.
read -r offset size < <(readelf -Ws "$lib" | awk -v s="$symbol" '$8 == s {print $2, $3; exit}')
[ -n "${offset:-}" ] || { echo "trim_icu: no $symbol in $lib." >&2; exit 1; }
section_addr=$(readelf -SW "$lib" | sed -n 's/.*\] \.rodata *PROGBITS *\([0-9a-f]*\) \([0-9a-f]*\) .*/\1 \2/p')
python3 - "$lib" "$tmp/icudt${major}l.dat" "$offset" "$size" $section_addr <<'PY'
import sys
lib, out, value, size, sec_addr, sec_off = sys.argv[1:]
start = int(value, 16) - int(sec_addr, 16) + int(sec_off, 16)
size = int(size, 16) if size.startswith("0x") else int(size)
with open(lib, "rb") as handle:
    handle.seek(start)
    data = handle.read(size)
open(out, "wb").write(data)
PY
dat="$tmp/icudt${major}l.dat"
icupkg -l "$dat" > "$tmp/items"
{
  grep -E "^(lang|region|zone|curr|unit|rbnf|translit)/" "$tmp/items"
  # code pages: the IBM ones, except those the Windows CJK tables are built on
  grep -E "^ibm-.*\.cnv$" "$tmp/items" | grep -vE "^ibm-(1386_P100-2001|1363_P11B-1998|1373_P100-2002)\.cnv$"
  # code pages of traditional Chinese and Japanese, ICU's internal compound ones and
  # Unicode character names: no Qt text path here reads them (the word-break
  # dictionaries must stay: brkitr/root.res depends on them)
  grep -E "^(euc-tw-2014|cns-11643-1992|euc-jp-2007)\.cnv$|^icu-internal-.*\.cnv$|^unames\.icu$" "$tmp/items"
  grep -E "^coll/.*\.res$" "$tmp/items" | grep -vE "^coll/(root|zh|zh_.*|en|en_.*|res_index|pool)\.res$"
  grep -E "^[a-z]{2,3}(_[A-Za-z0-9_]+)?\.res$" "$tmp/items" | grep -vE "^(root|en|en_.*|zh|zh_.*|res_index)\.res$"
} > "$tmp/remove.txt"
icupkg -r "$tmp/remove.txt" "$dat"
genccode -a gcc -e "icudt${major}" -d "$tmp" "$dat" >/dev/null
gcc -shared -nostdlib -Wl,-soname,"$name" -o "$tmp/$name" "$tmp"/*.S
readelf -Ws "$tmp/$name" | grep -q " $symbol\$" || { echo "trim_icu: the rebuilt library lacks $symbol." >&2; exit 1; }
before=$(du -k "$lib" | cut -f1)
cp "$tmp/$name" "$lib"
echo "ICU data: $((before / 1024)) MB -> $(( $(du -k "$lib" | cut -f1) / 1024 )) MB ($(wc -l < "$tmp/remove.txt") items removed)"
