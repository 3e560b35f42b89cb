"""The CJK font every PDF of the program is set in.

``cjk_font()`` finds a TrueType font with Chinese glyphs, registers it with
reportlab once and returns its name; reportlab embeds the glyphs used as a
subset. Where it looks, in order:

1. ``KEHU_CJK_FONT`` (a .ttf/.ttc path, optionally ``path#index``);
2. a copy bundled with the installer in ``resources/fonts/``;
3. the system's fonts: Windows (Microsoft YaHei, SimSun, SimHei), macOS
   (TrueType Hei/Song collections), Linux through fontconfig (``fc-list``),
   e.g. WenQuanYi Micro Hei from the fonts-wqy-microhei package, and, since
   that package only *recommends* fontconfig (a minimal Debian has no
   ``fc-list``), the known Debian font files and the font folders themselves.

reportlab can only embed TrueType outlines; OpenType fonts with CFF outlines
(Noto Sans CJK / Source Han .otf and their .ttc) are recognised and skipped.
When nothing fits, :class:`FontMissing` says which font to install.
"""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from model.archive.database import ArchiveError
from model.core.i18n import translate
from model.core.resources import resource_path

FONT_NAME = "KehuCJK"
# A few characters the font must have for Chinese printouts.
_PROBE = "客户经营追踪拜访"


class FontMissing(ArchiveError):
    pass


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int = 0          # the subfont of a .ttc collection

    def __str__(self) -> str:
        return f"{self.path}#{self.index}" if self.path.suffix.lower() == ".ttc" else str(self.path)


def _sfnt_offsets(data: bytes) -> list[int]:
    """Offsets of the fonts in a .ttf/.otf (one) or a .ttc collection (several)."""
    if data[:4] == b"ttcf":
        count = struct.unpack(">I", data[8:12])[0]
        return list(struct.unpack(f">{count}I", data[12:12 + 4 * count]))
    return [0]


def _tables(data: bytes, offset: int) -> set[bytes]:
    count = struct.unpack(">H", data[offset + 4:offset + 6])[0]
    return {data[offset + 12 + 16 * i: offset + 16 + 16 * i] for i in range(count)}


def is_truetype(path: Path, index: int = 0) -> bool:
    """True if the (sub)font has TrueType outlines ('glyf'), which reportlab can
    embed; False for CFF-outline OpenType fonts and anything unreadable."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(1 << 16)
        offsets = _sfnt_offsets(data)
        if index >= len(offsets):
            return False
        tables = _tables(data, offsets[index])
    except (OSError, struct.error, ValueError):
        return False
    return b"glyf" in tables and b"CFF " not in tables and b"CFF2" not in tables


def _has_chinese(font_file: FontFile) -> bool:
    from reportlab.pdfbase.ttfonts import TTFontFile
    try:
        face = TTFontFile(str(font_file.path), subfontIndex=font_file.index)
    except Exception:  # reportlab raises plain TTFError/KeyError/etc. on fonts it cannot read
        return False
    return all(ord(ch) in face.charToGlyph for ch in _PROBE)


def _from_env() -> list[FontFile]:
    value = os.environ.get("KEHU_CJK_FONT")
    if not value:
        return []
    path, _, index = value.partition("#")
    return [FontFile(Path(path), int(index or 0))]


def _bundled() -> list[FontFile]:
    folder = resource_path("fonts")
    if not folder.is_dir():
        return []
    return [FontFile(p) for p in sorted(folder.iterdir()) if p.suffix.lower() in (".ttf", ".ttc")]


def _windows() -> list[FontFile]:
    root = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    return [FontFile(root / name) for name in ("msyh.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf",
                                                "Deng.ttf", "simkai.ttf")]


def _macos() -> list[FontFile]:
    roots = [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
             Path("/Library/Fonts")]
    names = ("STHeiti Medium.ttc", "STHeiti Light.ttc", "Songti.ttc", "Hei.ttf", "Arial Unicode.ttf",
             "PingFang.ttc")
    return [FontFile(root / name) for root in roots for name in names]


def _fontconfig() -> list[FontFile]:
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file", "index", "fontformat"],
                             capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in out.splitlines():
        path, _, rest = line.partition(":")
        if "fontformat=TrueType" not in rest:
            continue        # CFF OpenType: reportlab cannot embed it
        index = 0
        for part in rest.split(":"):
            if part.strip().startswith("index="):
                index = int(part.strip()[6:] or 0)
        found.append(FontFile(Path(path.strip()), index))
    # Prefer the sans faces managers are used to on screen, then the rest.
    preferred = ("microhei", "yahei", "zenhei", "hei", "droidsansfallback", "song", "ming")
    found.sort(key=lambda f: next((i for i, p in enumerate(preferred) if p in f.path.name.lower()),
                                  len(preferred)))
    return found


# Debian/Ubuntu packages with TrueType Chinese outlines, best first (fonts-wqy-microhei,
# fonts-wqy-zenhei, fonts-arphic-uming/ukai, fonts-droid-fallback).
_KNOWN_LINUX = ("truetype/wqy/wqy-microhei.ttc", "truetype/wqy/wqy-zenhei.ttc", "truetype/arphic/uming.ttc",
                "truetype/arphic/ukai.ttc", "truetype/droid/DroidSansFallbackFull.ttf")


def _font_folders() -> list[Path]:
    data_dirs = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    folders = [Path(d) / "fonts" for d in data_dirs.split(":") if d]
    home = Path.home()
    folders += [home / ".local" / "share" / "fonts", home / ".fonts"]
    seen: list[Path] = []
    for folder in folders:
        if folder not in seen:
            seen.append(folder)
    return seen


def _linux_files() -> list[FontFile]:
    """Without fontconfig: the known package files, then every .ttf/.ttc in the font folders."""
    found = [FontFile(folder / known) for folder in _font_folders() for known in _KNOWN_LINUX]
    for folder in _font_folders():
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in (".ttf", ".ttc") and FontFile(path) not in found:
                found.append(FontFile(path))
    return found


def candidates() -> list[FontFile]:
    if sys.platform == "win32":
        system = _windows()
    elif sys.platform == "darwin":
        system = _macos()
    else:
        system = _fontconfig() or _linux_files()
    return _from_env() + _bundled() + system


def find_cjk_font() -> FontFile:
    """The first usable TrueType CJK font, or :class:`FontMissing`."""
    for font in candidates():
        if font.path.is_file() and is_truetype(font.path, font.index) and _has_chinese(font):
            return font
    if sys.platform == "win32":
        hint = translate("Reports", "Install the Microsoft YaHei or SimSun font (Windows Settings → "
                                    "Fonts → Chinese supplemental fonts).")
    elif sys.platform == "darwin":
        hint = translate("Reports", "Install a TrueType Chinese font such as STHeiti, or put a .ttf/.ttc "
                                    "Chinese font in the program's resources/fonts folder.")
    else:
        hint = translate("Reports", "Install the WenQuanYi Micro Hei font (package fonts-wqy-microhei: "
                                    "sudo apt install fonts-wqy-microhei); none of the fonts in {folders} "
                                    "has Chinese TrueType outlines.").format(
            folders=", ".join(str(f) for f in _font_folders() if f.is_dir()) or "/usr/share/fonts")
    raise FontMissing(translate("Reports", "No Chinese TrueType font was found, so PDFs cannot be made. "
                                           "{hint} (Noto/Source Han CJK fonts do not work: their "
                                           "outlines cannot be embedded.)").format(hint=hint))


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """Register the CJK font with reportlab (once) and return its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    font = find_cjk_font()
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(font.path), subfontIndex=font.index))
    return FONT_NAME


def cjk_font_file() -> FontFile:
    """Which file :func:`cjk_font` uses (for diagnostics and the about box)."""
    return find_cjk_font()
