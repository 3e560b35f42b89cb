"""Rules data a branch can change: the segmentation dimensions and area types.

Read from ``resources/rules/*.json``; nothing here is hard-coded in the code.
"""
from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from model.resources import resource_path


def rules_dir() -> Path:
    """The folder of rules files; ``KEHU_RULES_DIR`` points at a branch's own copy."""
    override = os.environ.get("KEHU_RULES_DIR")
    return Path(override) if override else resource_path("rules")


def load_json(name: str) -> dict:
    with open(rules_dir() / name, encoding="utf-8") as handle:
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
