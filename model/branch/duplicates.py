"""The same person twice (issue 21 item 6): candidate pairs of customer records.

Pure functions over plain records (dicts with id, name, phone, id_card, birth_date,
address); the archive-backed review (confirm / reject, merging histories) is not built yet.
Blocking: records are grouped by normalised phone, by ID-card number and by pinyin
initials + birth date; only pairs inside a group are compared, never all pairs.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin
from rapidfuzz import fuzz

from model.core import normalize

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
NAME_THRESHOLD = 85.0


def id_card_check_char(first17: str) -> str:
    """The GB 11643-1999 check character of the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS))
    return _CHECK[total % 11]


def id_card_valid(value: str) -> bool:
    """True when value is an 18-character ID-card number whose check character is right."""
    s = (value or "").strip().upper()
    return len(s) == 18 and s[:17].isdigit() and (s[17].isdigit() or s[17] == "X") \
        and id_card_check_char(s[:17]) == s[17]


@dataclass(frozen=True)
class Candidate:
    first: int
    second: int
    reason: str
    score: float


def _phone(value):
    try:
        return normalize.phone(value)
    except normalize.Invalid:  # an unparseable phone never matches
        return None


def _pinyin(name: str) -> str:
    return "".join(lazy_pinyin(name or ""))


def _initials(name: str) -> str:
    return "".join(lazy_pinyin(name or "", style=Style.FIRST_LETTER))


def _name_score(a: dict, b: dict) -> float:
    return fuzz.ratio(_pinyin(a.get("name")), _pinyin(b.get("name")))


def _pair(a: dict, b: dict) -> Candidate | None:
    """The strongest reason a and b may be the same person, or None."""
    ia, ib = (a.get("id_card") or "").upper(), (b.get("id_card") or "").upper()
    if ia and ia == ib and id_card_valid(ia):
        return Candidate(min(a["id"], b["id"]), max(a["id"], b["id"]), "id_card", 100.0)
    pa, pb = _phone(a.get("phone")), _phone(b.get("phone"))
    if pa and pa == pb:
        return Candidate(min(a["id"], b["id"]), max(a["id"], b["id"]), "phone", 90.0)
    if a.get("birth_date") and a.get("birth_date") == b.get("birth_date"):
        score = _name_score(a, b)
        if score >= NAME_THRESHOLD:
            return Candidate(min(a["id"], b["id"]), max(a["id"], b["id"]), "name_birth_date", round(score, 1))
    return None


def _blocks(records):
    groups = defaultdict(list)
    for r in records:
        p = _phone(r.get("phone"))
        if p:
            groups[("p", p)].append(r)
        card = (r.get("id_card") or "").upper()
        if card and id_card_valid(card):
            groups[("i", card)].append(r)
        if r.get("birth_date"):
            groups[("n", _initials(r.get("name")), r["birth_date"])].append(r)
    return groups.values()


def candidates(records) -> list[Candidate]:
    """Candidate pairs, each with its reason and score, sorted by (first, second)."""
    found = {}
    for group in _blocks(records):
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a["id"] == b["id"]:
                    continue
                c = _pair(a, b)
                if c and ((c.first, c.second) not in found or found[(c.first, c.second)].score < c.score):
                    found[(c.first, c.second)] = c
    return sorted(found.values(), key=lambda c: (c.first, c.second))


def candidates_brute_force(records) -> list[Candidate]:
    """All pairs compared; for tests only."""
    found = {}
    for i, a in enumerate(records):
        for b in records[i + 1:]:
            c = _pair(a, b)
            if c:
                found[(c.first, c.second)] = c
    return sorted(found.values(), key=lambda c: (c.first, c.second))
