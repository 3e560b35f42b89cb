"""The grading rules a branch can change: ``resources/rules/grading.json`` and
``personas.json`` (or the copies in ``KEHU_RULES_DIR``), read and checked once.

A bad file is an :class:`RulesError` naming the file and what is wrong, so a
branch that edits the rules learns what to fix instead of getting odd grades.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from model.core import rules as base_rules
from model.archive.database import ArchiveError
from model.core.i18n import translate

GRADING_FILE = "grading.json"
PERSONAS_FILE = "personas.json"


class RulesError(ArchiveError):
    """The grading rules files cannot be used as they are."""


def _labelled(entry: dict, language: str, field: str = "label") -> str:
    zh = entry.get(f"{field}_zh") or ""
    en = entry.get(f"{field}_en") or ""
    return (zh or en) if language.startswith("zh") else (en or zh)


class _Labels:
    """``label(language)`` from the ``label_en`` / ``label_zh`` fields."""

    def label(self, language: str = "en") -> str:
        return _labelled(self.__dict__, language)


@dataclass(frozen=True)
class Labelled(_Labels):
    key: str
    label_en: str
    label_zh: str


@dataclass(frozen=True)
class ValueTierRules:
    basis: str                                   # "amount" | "volume"
    cutoffs: tuple[tuple[str, float], ...]       # (tier, until_share), rising shares
    rest: str
    tiers: dict                                  # tier -> {label_en, label_zh, treatment_en, ...}
    # Seed 002's other ways into a tier (None: not used): scarce resources → A;
    # size medium or above with an own channel or a large potential → B.
    scarce_tier: str | None = None
    size_tier: str | None = None
    size_sizes: frozenset = frozenset()
    size_own_channel: bool = True
    size_potential_from: float | None = None

    @property
    def values(self) -> tuple[str, ...]:
        """The tiers best first: the cut-offs', the seed rules' (scarce, size), the rest."""
        ordered = (*(t for t, _ in self.cutoffs), self.scarce_tier, self.size_tier, self.rest)
        return tuple(dict.fromkeys(t for t in ordered if t is not None))

    def label(self, tier: str, language: str = "en") -> str:
        return _labelled(self.tiers.get(tier, {}), language) or tier

    def treatment(self, tier: str, language: str = "en") -> str:
        return _labelled(self.tiers.get(tier, {}), language, "treatment")


@dataclass(frozen=True)
class RfmType(_Labels):
    key: str
    r_high: bool
    f_high: bool
    m_high: bool
    label_en: str
    label_zh: str
    action_en: str
    action_zh: str
    seed_label_en: str = ""      # seed 002's own name for the type ("" where none maps)
    seed_label_zh: str = ""
    seed_action_en: str = ""
    seed_action_zh: str = ""

    def action(self, language: str = "en") -> str:
        """The suggested action: the seed's where it names the type, else the grid's."""
        return _labelled(self.__dict__, language, "seed_action") or _labelled(self.__dict__, language, "action")

    def seed_label(self, language: str = "en") -> str:
        return _labelled(self.__dict__, language, "seed_label")

    def display(self, language: str = "en") -> str:
        """The grid's name with the seed's beside it: "重要价值（最有价值客户）"."""
        seed = self.seed_label(language)
        if not seed:
            return self.label(language)
        return f"{self.label(language)}（{seed}）" if language.startswith("zh") else f"{self.label(language)} ({seed})"


@dataclass(frozen=True)
class RfmRules:
    method: str                  # "mean" | "quintile"
    quintile_high_from: int
    types: tuple[RfmType, ...]

    def type_for(self, r_high: bool, f_high: bool, m_high: bool) -> RfmType:
        for t in self.types:
            if (t.r_high, t.f_high, t.m_high) == (r_high, f_high, m_high):
                return t
        raise KeyError((r_high, f_high, m_high))

    def type(self, key: str) -> RfmType | None:
        return next((t for t in self.types if t.key == key), None)


@dataclass(frozen=True)
class CloseOption(_Labels):
    key: str
    months: int | None
    never: bool
    label_en: str
    label_zh: str


@dataclass(frozen=True)
class Cadence(_Labels):
    key: str
    days: int | None
    label_en: str
    label_zh: str


@dataclass(frozen=True)
class UrgencyClass(_Labels):
    key: str
    within_days: int | None
    within_months: int | None
    label_en: str
    label_zh: str
    handle_by_months: int | None = None    # the open last class: the handle-by date a wizard answer sets


@dataclass(frozen=True)
class OpportunityRules:
    needs: tuple[Labelled, ...]
    closes: tuple[CloseOption, ...]
    grades: dict                       # need -> close -> grade
    grade_labels: dict                 # grade -> {label_en, label_zh}
    cadences: dict                     # grade -> Cadence
    urgency: tuple[UrgencyClass, ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(self.cadences)

    def close(self, key: str) -> CloseOption | None:
        return next((c for c in self.closes if c.key == key), None)

    def need(self, key: str) -> Labelled | None:
        return next((n for n in self.needs if n.key == key), None)

    def label(self, grade: str, language: str = "en") -> str:
        return _labelled(self.grade_labels.get(grade, {}), language) or grade


@dataclass(frozen=True)
class Persona(_Labels):
    key: str
    label_en: str
    label_zh: str
    codes: dict                        # dimension key -> tuple of allowed codes


@dataclass(frozen=True)
class PersonaRules:
    personas: tuple[Persona, ...]
    dimension_keys: tuple[str, ...]    # the dimensions any persona uses, in archive order
    min_known: int
    target_personas: tuple[str, ...]
    min_score_above: float = 0.0       # the best score must be above this, else no persona

    def persona(self, key: str) -> Persona | None:
        return next((p for p in self.personas if p.key == key), None)


@dataclass(frozen=True)
class ImportanceRules:
    important_from: float
    values: tuple[Labelled, ...]       # important, not_important

    def label(self, key: str | None, language: str = "en") -> str:
        found = next((v for v in self.values if v.key == key), None)
        return found.label(language) if found else (key or "")


@dataclass(frozen=True)
class GradingRules:
    window_days: int
    value_tier: ValueTierRules
    rfm: RfmRules
    opportunity: OpportunityRules
    persona: PersonaRules
    importance: ImportanceRules = ImportanceRules(500000.0, (
        Labelled("important", "important", "重要客户"), Labelled("not_important", "not important", "非重要客户")))


def _fail(file: str, problem: str) -> RulesError:
    return RulesError(translate("Grading", "The grading rules file {file} cannot be used: {problem} "
                                "Correct the file (or remove the branch's copy to use the defaults) "
                                "and try again.").format(file=file, problem=problem))


def _read(folder: Path, name: str) -> dict:
    path = folder / name
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise _fail(str(path), translate("Grading", "the file is missing.")) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise _fail(str(path), translate("Grading", "it is not valid JSON ({error}).").format(error=exc)) from None


def _value_tier(data: dict, file: str) -> ValueTierRules:
    basis = data.get("basis", "amount")
    if basis not in ("amount", "volume"):
        raise _fail(file, translate("Grading", "value_tier.basis must be \"amount\" or \"volume\"."))
    cutoffs = tuple((str(c["tier"]), float(c["until_share"])) for c in data.get("cutoffs", ()))
    shares = [s for _, s in cutoffs]
    if not cutoffs or any(not 0 < s <= 1 for s in shares) or shares != sorted(set(shares)):
        raise _fail(file, translate("Grading", "value_tier.cutoffs need rising shares between 0 and 1."))
    rest = str(data.get("rest", "C"))
    if len({*(t for t, _ in cutoffs), rest}) != len(cutoffs) + 1:
        raise _fail(file, translate("Grading", "value_tier tiers must have different names."))
    names = {*(t for t, _ in cutoffs), rest, *data.get("tiers", {})}
    scarce = (data.get("scarce_resources") or {}).get("tier")
    size = data.get("size_rule") or {}
    for tier in (scarce, size.get("tier")):
        if tier is not None and tier not in names:
            raise _fail(file, translate("Grading", "value_tier: \"{tier}\" is not one of the tiers.")
                        .format(tier=tier))
    potential = size.get("potential_from")
    return ValueTierRules(basis, cutoffs, rest, dict(data.get("tiers", {})), scarce, size.get("tier"),
                          frozenset(size.get("sizes", ())), bool(size.get("own_channel", True)),
                          None if potential is None else float(potential))


def _rfm(data: dict, file: str) -> RfmRules:
    method = data.get("method", "mean")
    if method not in ("mean", "quintile"):
        raise _fail(file, translate("Grading", "rfm.method must be \"mean\" or \"quintile\"."))
    high_from = int(data.get("quintile_high_from", 3))
    if not 1 <= high_from <= 5:
        raise _fail(file, translate("Grading", "rfm.quintile_high_from must be a score from 1 to 5."))
    types = tuple(RfmType(t["key"], t["r"] == "high", t["f"] == "high", t["m"] == "high",
                          t.get("label_en", t["key"]), t.get("label_zh", ""),
                          t.get("action_en", ""), t.get("action_zh", ""), t.get("seed_label_en", ""),
                          t.get("seed_label_zh", ""), t.get("seed_action_en", ""), t.get("seed_action_zh", ""))
                  for t in data.get("types", ()))
    if len({(t.r_high, t.f_high, t.m_high) for t in types}) != 8 or len(types) != 8:
        raise _fail(file, translate("Grading", "rfm.types must name each of the 8 high/low combinations once."))
    return RfmRules(method, high_from, types)


def _opportunity(data: dict, file: str) -> OpportunityRules:
    needs = tuple(Labelled(n["key"], n.get("label_en", n["key"]), n.get("label_zh", ""))
                  for n in data.get("needs", ()))
    closes = tuple(CloseOption(c["key"], c.get("months"), bool(c.get("never", False)),
                               c.get("label_en", c["key"]), c.get("label_zh", ""))
                   for c in data.get("closes", ()))
    cadences = {g: Cadence(c.get("key", g), c.get("days"), c.get("label_en", ""), c.get("label_zh", ""))
                for g, c in data.get("cadences", {}).items()}
    grades = data.get("grades", {})
    for need in needs:
        for close in closes:
            grade = grades.get(need.key, {}).get(close.key)
            if grade not in cadences:
                raise _fail(file, translate("Grading", "opportunity.grades has no grade with a cadence for "
                                            "need \"{need}\" and close \"{close}\".")
                            .format(need=need.key, close=close.key))
    urgency = tuple(UrgencyClass(u["key"], u.get("within_days"), u.get("within_months"),
                                 u.get("label_en", u["key"]), u.get("label_zh", ""), u.get("handle_by_months"))
                    for u in data.get("urgency", ()))
    if not needs or not closes or not urgency:
        raise _fail(file, translate("Grading", "opportunity needs \"needs\", \"closes\" and \"urgency\"."))
    return OpportunityRules(needs, closes, grades, dict(data.get("grade_labels", {})), cadences, urgency)


def _personas(data: dict, settings: dict, file: str) -> PersonaRules:
    dims = {d.key: d for d in base_rules.dimensions()}
    personas = []
    for p in data.get("personas", ()):
        codes = {}
        for key, allowed in p.get("codes", {}).items():
            if key not in dims:
                raise _fail(file, translate("Grading", "persona \"{persona}\" uses \"{dimension}\", which is not "
                                            "a dimension.").format(persona=p["key"], dimension=key))
            for code in allowed:
                if dims[key].value(code) is None:
                    raise _fail(file, translate("Grading", "persona \"{persona}\": {code} is not a value of "
                                                "{dimension}.").format(persona=p["key"], code=code, dimension=key))
            codes[key] = tuple(allowed)
        personas.append(Persona(p["key"], p.get("label_en", p["key"]), p.get("label_zh", ""), codes))
    if not personas or len({p.key for p in personas}) != len(personas):
        raise _fail(file, translate("Grading", "personas need at least one persona and distinct keys."))
    used = tuple(d.key for d in base_rules.dimensions() if any(d.key in p.codes for p in personas))
    if not used:
        raise _fail(file, translate("Grading", "the personas name no dimension codes."))
    targets = tuple(data.get("target_personas", ()))
    unknown = [t for t in targets if t not in {p.key for p in personas}]
    if unknown:
        raise _fail(file, translate("Grading", "target_personas names unknown personas: {names}.")
                    .format(names=", ".join(unknown)))
    min_known = int(settings.get("min_known_dimensions", 5))
    min_score = float(settings.get("min_score_above", 0.0))
    if not 0 <= min_score < 1:
        raise _fail(file, translate("Grading", "persona.min_score_above must be at least 0 and below 1."))
    return PersonaRules(tuple(personas), used, max(1, min_known), targets, min_score)


def _importance(data: dict, file: str) -> ImportanceRules:
    values = tuple(Labelled(v["key"], v.get("label_en", v["key"]), v.get("label_zh", ""))
                   for v in data.get("values", ()))
    if {v.key for v in values} != {"important", "not_important"}:
        raise _fail(file, translate("Grading", "importance.values must name \"important\" and "
                                    "\"not_important\"."))
    return ImportanceRules(float(data.get("important_from", 500000)), values)


@lru_cache(maxsize=4)
def _load(folder: str, _stamp: tuple) -> GradingRules:
    path = Path(folder)
    grading = _read(path, GRADING_FILE)
    personas = _read(path, PERSONAS_FILE)
    gfile, pfile = str(path / GRADING_FILE), str(path / PERSONAS_FILE)
    try:
        window = int(grading.get("window_days", 365))
        if window < 1:
            raise _fail(gfile, translate("Grading", "window_days must be at least 1."))
        return GradingRules(window, _value_tier(grading.get("value_tier", {}), gfile),
                            _rfm(grading.get("rfm", {}), gfile),
                            _opportunity(grading.get("opportunity", {}), gfile),
                            _personas(personas, grading.get("persona", {}), pfile),
                            _importance(grading.get("importance", {}), gfile))
    except (KeyError, TypeError, ValueError) as exc:
        raise _fail(gfile + " / " + pfile,
                    translate("Grading", "an entry is missing or has the wrong type ({error}).")
                    .format(error=exc)) from None


def load() -> GradingRules:
    """The grading rules in force (re-read when a rules file changes)."""
    folder = base_rules.rules_dir()
    stamp = tuple((folder / name).stat().st_mtime_ns if (folder / name).exists() else 0
                  for name in (GRADING_FILE, PERSONAS_FILE, "dimensions.json"))
    return _load(str(folder), stamp)
