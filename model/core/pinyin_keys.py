"""The pinyin keys of a name: its readings (the surname under every reading in
``resources/rules/surname_readings.json``), the keys the customer search indexes
(:func:`name_keys`) and the pinyin sort key of every list of names (:func:`sort_key`).
model.customers.search re-exports these names (search.sort_key, search.name_keys, ...)."""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pypinyin
from pypinyin import Style, lazy_pinyin, pinyin

from model.core import rules

KEY_MAX = 32          # pinyin keys (and pinyin queries) are cut to this many letters
KEY_FORMAT = "2"      # bump when the way keys are made changes: re-indexes every archive

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_UNITS = re.compile(f"([{HAN}]+)|([0-9a-z]+)")


# -- the pinyin of a name ---------------------------------------------------------

@dataclass(frozen=True)
class _SurnameRules:
    single: dict[str, tuple[str, ...]]             # 单 -> (shan, dan)
    compound: dict[str, tuple[tuple[str, ...], ...]]  # 尉迟 -> ((yu, chi),)
    usual_only: frozenset[str]                      # common surnames: no heteronyms
    digest: str


@lru_cache(maxsize=4)
def _surname_rules(folder: str) -> _SurnameRules:
    data = rules.load_json("surname_readings.json", folder)
    return _SurnameRules(
        {k: tuple(v) for k, v in data.get("surnames", {}).items()},
        {k: tuple(tuple(r.split()) for r in v) for k, v in data.get("compound_surnames", {}).items()},
        frozenset(data.get("usual_reading_only", "")),
        hashlib.sha1(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest())


def fingerprint() -> str:
    """What the stored keys depend on besides the names: when it changes, refresh() re-indexes all."""
    return f"{KEY_FORMAT}/{pypinyin.__version__}/{_surname_rules(str(rules.rules_dir())).digest}"


def _syllable_ok(s: str) -> bool:
    return bool(s) and s.isascii() and s.isalnum()


@lru_cache(maxsize=65536)
def _han_pinyin(text: str) -> tuple[str, ...]:
    """pypinyin's reading of a run of Chinese characters, in context."""
    return tuple(s for s in lazy_pinyin(text, style=Style.NORMAL, errors=lambda x: [""] * len(x))
                 if _syllable_ok(s))


@lru_cache(maxsize=8192)
def _surname_readings(char: str, folder: str) -> tuple[str, ...]:
    table = _surname_rules(folder)
    found = list(_han_pinyin(char))
    if char in table.single:
        found += table.single[char]
    elif char not in table.usual_only:
        found += pinyin(char, style=Style.NORMAL, heteronym=True)[0]
    return tuple(dict.fromkeys(s for s in found if _syllable_ok(s)))


def fold(text: str) -> str:
    """Lower case, accents off Latin letters (NFKD), Chinese untouched."""
    text = unicodedata.normalize("NFKC", text).lower().replace("ü", "v")
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def readings(name: str) -> list[tuple[str, ...]]:
    """The ways a name is read, each a tuple of syllables (words for Latin parts)."""
    return _readings(name or "", str(rules.rules_dir()))


def _readings(name: str, folder: str) -> list[tuple[str, ...]]:
    parts = [m.groups() for m in _UNITS.finditer(fold(name))]
    if not parts:
        return []
    tail: list[str] = []
    for han, word in parts[1:]:
        tail.extend(_han_pinyin(han) if han else (word,))
    first_han, first_word = parts[0]
    if not first_han:
        return [(first_word, *tail)]
    compound = _surname_rules(folder).compound
    rest = _han_pinyin(first_han[1:]) + tuple(tail)
    variants = [(r, *rest) for r in _surname_readings(first_han[0], folder)] or [rest]
    for surname, ways in compound.items():
        if first_han.startswith(surname):
            rest2 = _han_pinyin(first_han[len(surname):]) + tuple(tail)
            variants.extend((*way, *rest2) for way in ways)
    return list(dict.fromkeys(variants))


def _prefix_keys(syllables: tuple[str, ...]) -> set[str]:
    """Strings whose prefixes a pinyin query is matched against: full, initials,
    and the first syllables in full followed by initials (``zhangsf``)."""
    if not syllables:
        return set()
    initials = "".join(s[0] for s in syllables)
    keys = {"".join(syllables), initials}
    keys.update("".join(syllables[:j]) + initials[j:] for j in range(1, len(syllables) - 1))
    return keys


def _without_prefixes(keys: set[str], also: set[str] = frozenset()) -> list[str]:
    """Drop keys that are a prefix of another (a prefix query matching them matches that one too)."""
    ordered = sorted(keys | also)
    keep = {k for k, nxt in zip(ordered, ordered[1:] + [""]) if not nxt.startswith(k)}
    return sorted(keep & keys)


def name_keys(name: str) -> tuple[str, str]:
    """The pinyin keys of a name as stored: (from its start, from a later syllable),
    each space-separated."""
    return _name_keys(name, str(rules.rules_dir()))


@lru_cache(maxsize=65536)
def _name_keys(name: str, folder: str) -> tuple[str, str]:
    whole: set[str] = set()
    later: set[str] = set()
    for syllables in _readings(name, folder):
        whole |= _prefix_keys(syllables)
        for i in range(1, len(syllables)):
            later |= _prefix_keys(syllables[i:])
    whole = {k[:KEY_MAX] for k in whole}
    later = {k[:KEY_MAX] for k in later}
    whole_list = _without_prefixes(whole)
    later_list = _without_prefixes(later - whole, set(whole_list))
    return " ".join(whole_list), " ".join(later_list)


def sort_key(name: str, person: bool = True) -> str:
    """The key a name sorts by in pinyin order: its full toneless pinyin, lower
    case, syllables separated by a space (so 'an' sorts before 'ang'), then a
    tab and the name itself (same pinyin: by code point). A person's surname is
    read its usual way as a surname (the first reading in
    surname_readings.json: 单 shan, 曾 zeng, 区 ou, 解 xie; 尉迟 yu chi);
    ``person=False`` (an area) reads every character in context."""
    return _sort_key(name or "", person, str(rules.rules_dir()))


@lru_cache(maxsize=65536)
def _sort_key(name: str, person: bool, folder: str) -> str:
    syllables: list[str] = []
    for i, (han, word) in enumerate(m.groups() for m in _UNITS.finditer(fold(name))):
        if not han:
            syllables.append(word)
        elif i or not person:
            syllables.extend(_han_pinyin(han))
        else:
            table = _surname_rules(folder)
            compound = next((s for s in table.compound if han.startswith(s)), "")
            if compound:
                syllables.extend(table.compound[compound][0])
            else:
                compound = han[0]
                syllables.extend(table.single.get(compound, _han_pinyin(compound))[:1])
            syllables.extend(_han_pinyin(han[len(compound):]))
    return " ".join(syllables) + "\t" + name
