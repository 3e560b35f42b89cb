"""Rules data a branch can change: the segmentation dimensions and area types.

Read from the rules folder (:func:`rules_dir`: ``resources/rules/*.json`` or an applied
branch pack); nothing here is hard-coded in the code.
"""
from __future__ import annotations

import json
import os
import shutil
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from model.core.resources import resource_path


def rules_dir() -> Path:
    """The folder every rules file is read from.

    ``KEHU_RULES_DIR`` (a branch's own copy, or a test's) comes first; then the rules
    of the branch pack applied on this installation (model/branch/branch_pack.py), kept next
    to the settings; else the rules the program ships with (``resources/rules``).
    """
    override = os.environ.get("KEHU_RULES_DIR")
    if override:
        return Path(override)
    applied = applied_pack_dir()
    return applied if applied is not None else resource_path("rules")


def branch_rules_root() -> Path:
    """Where applied branch packs live: ``branch-rules/`` beside the settings file."""
    from model.core import settings
    return Path(settings.store().fileName()).parent / "branch-rules"


ACTIVE_FILE = "active"      # in branch_rules_root(): the name of the folder in force
_applied: dict = {}         # settings location -> the applied pack's folder or None


def applied_pack_dir() -> Path | None:
    """The rules folder of the applied branch pack, or None (found once per settings
    location; :func:`forget_applied_pack` after a pack is applied). Each applied pack
    gets a new folder, so the loaders' caches, keyed by folder, never serve old rules."""
    key = os.environ.get("KEHU_SETTINGS_DIR", "")
    if key not in _applied:
        _applied[key] = _find_applied()
    return _applied[key]


def forget_applied_pack() -> None:
    _applied.clear()


def _find_applied() -> Path | None:
    root = branch_rules_root()
    try:
        name = (root / ACTIVE_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    folder = root / name
    if not name or not (folder / "pack.json").is_file():
        return None
    # A pack applied before this version of the program added a rules file: the
    # shipped file stands in for the missing one.
    for shipped in resource_path("rules").glob("*.json"):
        if not (folder / shipped.name).exists():
            try:
                shutil.copyfile(shipped, folder / shipped.name)
            except OSError:
                return None
    return folder


def load_json(name: str, folder: str | Path | None = None) -> dict:
    with open(Path(folder or rules_dir()) / name, encoding="utf-8") as handle:
        return json.load(handle)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().lower().replace(" ", "")


@dataclass(frozen=True)
class DimensionValue:
    code: str
    label_en: str
    label_zh: str
    aliases: tuple[str, ...] = ()

    def label(self, language: str = "en") -> str:
        return self.label_zh if language.startswith("zh") else self.label_en


@dataclass(frozen=True)
class Dimension:
    key: str
    number: int
    label_en: str
    label_zh: str
    values: tuple[DimensionValue, ...]
    import_headers: tuple[str, ...] = ()
    sensitive: bool = False
    _lookup: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def column(self) -> str:
        """The archive column and the export key: ``dim_<key>``."""
        return f"dim_{self.key}"

    def label(self, language: str = "en") -> str:
        return self.label_zh if language.startswith("zh") else self.label_en

    def value(self, code: str | None) -> DimensionValue | None:
        for v in self.values:
            if v.code == code:
                return v
        return None

    def code_for(self, text) -> str | None:
        """The code for a cell holding a code (``1.3``) or a label/alias; None if unknown."""
        if not self._lookup:
            for v in self.values:
                for name in (v.code, v.label_en, v.label_zh, *v.aliases):
                    self._lookup[_fold(name)] = v.code
        return self._lookup.get(_fold(text))


@lru_cache(maxsize=4)
def _dimensions(folder: str) -> tuple[Dimension, ...]:
    with open(Path(folder) / "dimensions.json", encoding="utf-8") as handle:
        data = json.load(handle)
    dims = []
    for d in data["dimensions"]:
        values = tuple(DimensionValue(v["code"], v["label_en"], v["label_zh"], tuple(v.get("aliases", ())))
                       for v in d["values"])
        dims.append(Dimension(d["key"], d["number"], d["label_en"], d["label_zh"], values,
                              tuple(d.get("import_headers", ())), bool(d.get("sensitive", False))))
    return tuple(sorted(dims, key=lambda d: d.number))


def dimensions() -> tuple[Dimension, ...]:
    return _dimensions(str(rules_dir()))


def dimension(key: str) -> Dimension:
    for d in dimensions():
        if d.key == key:
            return d
    raise KeyError(key)


@dataclass(frozen=True)
class AreaType:
    key: str
    label_en: str
    label_zh: str
    aliases: tuple[str, ...] = ()

    def label(self, language: str = "en") -> str:
        return self.label_zh if language.startswith("zh") else self.label_en


@lru_cache(maxsize=4)
def _area_types(folder: str) -> tuple[AreaType, ...]:
    with open(Path(folder) / "area_types.json", encoding="utf-8") as handle:
        data = json.load(handle)
    return tuple(AreaType(a["key"], a["label_en"], a["label_zh"], tuple(a.get("aliases", ())))
                 for a in data["area_types"])


def area_types() -> tuple[AreaType, ...]:
    return _area_types(str(rules_dir()))


def area_type_key(text) -> str | None:
    """The area-type key for a key, label or alias; None if not recognised."""
    folded = _fold(text)
    for a in area_types():
        if folded in {_fold(n) for n in (a.key, a.label_en, a.label_zh, *a.aliases)}:
            return a.key
    return None
