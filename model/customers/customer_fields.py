"""The customer record's choice fields from the seeds' grading (DOMAIN.md §2a, §2b):
size (规模), deal status (成交状态) and the yes/no fields own channel (自有渠道) and
scarce resources (稀缺资源). Vocabulary from ``resources/rules/customer_fields.json``.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from model.core import rules
from model.core.i18n import translate

FILE = "customer_fields.json"
CHOICE_FIELDS = ("size", "deal_status")
YES_NO_FIELDS = ("own_channel", "scarce_resources")


def _fold(text) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().lower().replace(" ", "")


@dataclass(frozen=True)
class Choice:
    key: str
    label_en: str
    label_zh: str
    words: tuple[str, ...]

    def label(self, language: str = "en") -> str:
        return self.label_zh if language.startswith("zh") else self.label_en


@dataclass(frozen=True)
class FieldRules:
    choices: dict                   # field -> tuple[Choice, ...]
    medium_or_above: frozenset
    yes: frozenset
    no: frozenset

    def values(self, field: str) -> tuple[Choice, ...]:
        return self.choices[field]

    def key_for(self, field: str, text) -> str | None:
        folded = _fold(text)
        for c in self.choices[field]:
            if folded in {_fold(w) for w in (c.key, c.label_en, c.label_zh, *c.words)}:
                return c.key
        return None

    def label(self, field: str, key: str | None, language: str = "en") -> str:
        for c in self.choices.get(field, ()):
            if c.key == key:
                return c.label(language)
        return "" if key is None else str(key)


@lru_cache(maxsize=4)
def _load(folder: str) -> FieldRules:
    data = rules.load_json(FILE, folder)
    choices = {name: tuple(Choice(v["key"], v.get("label_en", v["key"]), v.get("label_zh", v["key"]),
                                  tuple(v.get("words", ()))) for v in data[name]["values"])
               for name in CHOICE_FIELDS}
    yes_no = data.get("yes_no", {})
    return FieldRules(choices, frozenset(data["size"].get("medium_or_above", ("large", "medium"))),
                      frozenset(_fold(w) for w in yes_no.get("yes", ("yes",))),
                      frozenset(_fold(w) for w in yes_no.get("no", ("no",))))


def field_rules() -> FieldRules:
    return _load(str(rules.rules_dir()))


def choice(field: str, raw) -> str | None:
    """The stored key for a size or deal status given as a key, label or word."""
    from model.core import normalize
    value = normalize.text(raw)
    if value is None:
        return None
    key = field_rules().key_for(field, value)
    if key is None:
        names = "/".join(f"{c.label_zh} {c.key}" for c in field_rules().values(field))
        if field == "size":
            raise normalize.Invalid(translate("Customers", "'{value}' is not a size; use one of {names}.")
                                    .format(value=value, names=names))
        raise normalize.Invalid(translate("Customers", "'{value}' is not a deal status; use one of {names}.")
                                .format(value=value, names=names))
    return key


def yes_no(raw) -> int | None:
    """1, 0 or None (unknown) from 是/否, yes/no, 1/0, a bool."""
    from model.core import normalize
    if raw is None:
        return None
    if isinstance(raw, bool):
        return int(raw)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if raw != raw:
            return None
        if raw in (0, 1):
            return int(raw)
    value = normalize.text(raw)
    if value is None:
        return None
    folded = _fold(value)
    r = field_rules()
    if folded in r.yes:
        return 1
    if folded in r.no:
        return 0
    raise normalize.Invalid(translate("Customers", "'{value}' is not yes or no (是/否).").format(value=value))
