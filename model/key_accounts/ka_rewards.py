"""Volume reward tiers for key accounts (DOMAIN.md §2a, seed 002) from
``resources/rules/ka_rewards.json``: which tier a volume reaches and how much is
missing for the next one, and the yearly honour list (the seed's "top ten", 十佳).

The seed's tiers: 1000 → a domestic trip or a tablet, 2000 → a South-East Asia
trip or a phone, 5000 → a Europe trip. A volume exactly on a threshold reaches
that tier. The rules are data a branch can change; :func:`load` checks them
(thresholds rising, every number positive) and names what is wrong.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from model.core import rules
from model.archive.database import ArchiveError
from model.core.i18n import translate

FILE = "ka_rewards.json"


class RewardRulesError(ArchiveError):
    """The reward rules file cannot be used as it is."""


def _language(language: str | None) -> str:
    if language:
        return language
    from model.core.language import installed_language
    return installed_language()


def _pick(entry: dict, field: str, language: str | None) -> str:
    zh, en = entry.get(f"{field}_zh") or "", entry.get(f"{field}_en") or ""
    return (zh or en) if _language(language).startswith("zh") else (en or zh)


@dataclass(frozen=True)
class Tier:
    key: str
    threshold: float
    value: float | None
    _entry: dict

    def label(self, language: str | None = None) -> str:
        return _pick(self._entry, "label", language)

    def reward(self, language: str | None = None) -> str:
        return _pick(self._entry, "reward", language)


@dataclass(frozen=True)
class RewardRules:
    tiers: tuple[Tier, ...]          # lowest threshold first
    period: str
    ranking_size: int
    _data: dict

    def unit(self, language: str | None = None) -> str:
        return _pick(self._data, "unit", language)

    def ranking_title(self, language: str | None = None) -> str:
        return _pick(self._data, "ranking_title", language)


@dataclass(frozen=True)
class Standing:
    """Where a volume stands: the tier reached (None below the lowest), the next tier
    (None at the top) and how much is missing for it."""
    volume: float
    reached: Tier | None
    next: Tier | None
    missing: float | None

    def text(self, rules_: RewardRules, language: str | None = None) -> str:
        """'Second prize reached; 3,000 units missing for First prize' in words."""
        unit = rules_.unit(language)
        reached = (self.reached.label(language) if self.reached else
                   translate("KeyAccounts", "No tier reached"))
        if self.next is None:
            return translate("KeyAccounts", "{reached} (the top tier)").format(reached=reached)
        return translate("KeyAccounts", "{reached}; {missing} {unit} missing for {next}").format(
            reached=reached, missing=number_text(self.missing), unit=unit, next=self.next.label(language))


def number_text(value: float | None) -> str:
    """1234.0 → '1,234'; 12.5 → '12.5'; None → '-'."""
    if value is None:
        return "-"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def _problem(problem: str, file: str = FILE) -> RewardRulesError:
    return RewardRulesError(translate("KeyAccounts", "The reward rules file {file} cannot be used: {problem} "
                                                     "Correct the file, or restore the one the program ships.")
                            .format(file=file, problem=problem))


def _positive(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise _problem(translate("KeyAccounts", "{what} must be a positive number, not {value}.")
                       .format(what=what, value=json.dumps(value, ensure_ascii=False)))
    return float(value)


@lru_cache(maxsize=8)
def load_file(folder: str, file: str = FILE) -> RewardRules:
    try:
        with open(Path(folder) / file, encoding="utf-8") as handle:
            data = json.load(handle)
            if file != FILE:                 # a section of another rules file (model.grading.a_service)
                data = data["rewards"]
    except KeyError:
        raise _problem(translate("KeyAccounts", "it has no \"rewards\" section."), file) from None
    except OSError as exc:
        raise _problem(str(exc.strerror or exc), file) from None
    except ValueError as exc:
        raise _problem(translate("KeyAccounts", "it is not valid JSON ({error}).").format(error=exc), file) from None
    if not isinstance(data, dict) or not isinstance(data.get("tiers"), list) or not data["tiers"]:
        raise _problem(translate("KeyAccounts", "it needs a list of tiers."), file)
    tiers, keys = [], set()
    for n, entry in enumerate(data["tiers"], 1):
        if not isinstance(entry, dict) or not str(entry.get("key") or "").strip():
            raise _problem(translate("KeyAccounts", "tier {n} has no key.").format(n=n), file)
        key = str(entry["key"])
        if key in keys:
            raise _problem(translate("KeyAccounts", "two tiers have the key {key}.").format(key=key), file)
        keys.add(key)
        if not (entry.get("label_en") or entry.get("label_zh")):
            raise _problem(translate("KeyAccounts", "tier {key} has no label.").format(key=key), file)
        threshold = _positive(entry.get("threshold"), translate("KeyAccounts", "The threshold of tier {key}")
                              .format(key=key))
        value = entry.get("value")
        value = None if value is None else _positive(value, translate("KeyAccounts", "The value of tier {key}")
                                                     .format(key=key))
        if tiers and threshold <= tiers[-1].threshold:
            raise _problem(translate("KeyAccounts", "the thresholds must rise from tier to tier; {key} ({value}) "
                                                    "is not above {previous} ({before}).").format(
                key=key, value=number_text(threshold), previous=tiers[-1].key,
                before=number_text(tiers[-1].threshold)), file)
        tiers.append(Tier(key, threshold, value, dict(entry)))
    size = data.get("ranking_size", 10)
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise _problem(translate("KeyAccounts", "ranking_size must be a whole number of at least 1."), file)
    period = data.get("period", "year")
    if period != "year":
        raise _problem(translate("KeyAccounts", "period must be \"year\"."), file)
    return RewardRules(tuple(tiers), period, size, dict(data))


def load() -> RewardRules:
    """The reward rules in force (cached per rules folder)."""
    return load_file(str(rules.rules_dir()))


def standing(volume: float | None, rules_: RewardRules | None = None) -> Standing:
    """The tier ``volume`` reaches (exactly on a threshold counts) and what is missing
    for the next one."""
    rules_ = rules_ or load()
    volume = float(volume or 0)
    reached = None
    for tier in rules_.tiers:
        if volume >= tier.threshold:
            reached = tier
    above = [t for t in rules_.tiers if t.threshold > volume]
    nxt = above[0] if above else None
    return Standing(volume, reached, nxt, None if nxt is None else nxt.threshold - volume)
