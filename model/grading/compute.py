"""Running the computed schemes (value tier, RFM, persona) over the inputs, and the
structured explanation (``detail``) each grade carries into the archive.

Population statistics (the Pareto total, the RFM means or quintiles) are always
taken over every customer in the archive, whatever the scope: a customer's
grade does not depend on which scope the manager happened to choose.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from model.grading import persona as persona_engine
from model.grading import rfm as rfm_engine
from model.grading import ruleset
from model.grading import value_tier as value_tier_engine
from model.grading.inputs import GradingInputs

VALUE_TIER, OPPORTUNITY, RFM, PERSONA = "value_tier", "opportunity", "rfm", "persona"
SCHEMES = (VALUE_TIER, OPPORTUNITY, RFM, PERSONA)
COMPUTED_SCHEMES = (VALUE_TIER, RFM, PERSONA)

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode


def _num(value, digits: int):
    """A JSON-friendly rounded number, or None for NaN."""
    if value is None or value != value:
        return None
    rounded = round(float(value), digits)
    return int(rounded) if rounded.is_integer() and digits == 0 else rounded


@dataclass
class ComputedGrades:
    as_of: date
    window_start: date
    rules: ruleset.GradingRules
    value_tier: pd.DataFrame
    rfm: pd.DataFrame
    persona: pd.DataFrame
    _details: dict = field(default_factory=dict, repr=False)

    def frame(self, scheme: str) -> pd.DataFrame:
        return {VALUE_TIER: self.value_tier, RFM: self.rfm, PERSONA: self.persona}[scheme]

    @property
    def customer_ids(self) -> pd.Index:
        return self.value_tier.index

    def distribution(self) -> dict[str, dict[str, int]]:
        return {s: self.frame(s)["value"].value_counts(sort=False).to_dict() for s in COMPUTED_SCHEMES}

    def details(self, scheme: str) -> pd.Series:
        """The ``detail`` JSON text per customer, as stored with the grade."""
        if scheme not in self._details:
            builder = {VALUE_TIER: self._value_tier_details, RFM: self._rfm_details,
                       PERSONA: self._persona_details}[scheme]
            self._details[scheme] = pd.Series(builder(), index=self.frame(scheme).index, dtype=object)
        return self._details[scheme]

    def run_params(self) -> dict[str, dict]:
        """What is the same for every customer of a run, per scheme (stored once per run
        in ``grading_runs``): the window, the basis and number ranked, the RFM method and
        thresholds, the persona minimum. A grade's full explanation is these plus its detail."""
        window = [self.window_start.isoformat(), self.as_of.isoformat()]
        thresholds = {k: (_num(v, 4) if isinstance(v, float) else v)
                      for k, v in self.rfm.attrs.get("thresholds", {}).items()}
        vt = self.rules.value_tier
        return {VALUE_TIER: {"window": window, "basis": vt.basis,
                             "ranked": int(self.value_tier.attrs.get("ranked", 0)),
                             **({"potential_from": _num(vt.size_potential_from, 2)}
                                if vt.size_potential_from is not None else {})},
                RFM: {"window": window, "method": self.rules.rfm.method, "thresholds": thresholds},
                PERSONA: {"min_known": self.rules.persona.min_known,
                          "min_score_above": self.rules.persona.min_score_above,
                          "dimensions": len(self.rules.persona.dimension_keys)}}

    def detail(self, scheme: str, customer_id: int) -> dict:
        """The full explanation of one computed grade (run parameters and own detail)."""
        return {**self.run_params()[scheme], **json.loads(self.details(scheme).loc[customer_id])}

    def explain(self, customer_id: int, scheme: str, language: str | None = None) -> str:
        from model.grading import explain
        value = self.frame(scheme).at[customer_id, "value"]
        return explain.sentence(scheme, value, self.detail(scheme, customer_id), language, self.rules)

    def pareto_curve(self) -> pd.DataFrame:
        return value_tier_engine.pareto_curve(self.value_tier)

    # -- detail builders: one JSON object per customer, built from text templates
    # (json.dumps per row is too slow for 100,000 customers). Keys are sorted as
    # json.dumps(sort_keys=True) would, so stored text is stable from run to run.
    def _value_tier_details(self) -> list[str]:
        f = self.value_tier
        amounts = _numbers(f["basis_value"], 2)
        cut = _numbers(f["cutoff"], 6)
        ranks = _numbers(f["rank"], 0)
        before, cum = _numbers(f["share_before"], 6), _numbers(f["cum_share"], 6)
        ties = _numbers(f["tie_size"], 0)
        rules, pareto_rules = f["rule"].tolist(), f["pareto_rule"].tolist()
        out = [""] * len(rules)
        seed = []
        for i, rule in enumerate(rules):
            if rule == "pareto":
                out[i] = (f'{{"amount":{amounts[i]},"cum_share":{cum[i]},"cutoff":{cut[i]},"rank":{ranks[i]},'
                          f'"rule":"pareto","share_before":{before[i]},"tie_size":{ties[i]}}}')
            elif rule in value_tier_engine.SEED_RULES:
                seed.append(i)
            else:
                out[i] = f'{{"amount":{amounts[i]},"cutoff":{cut[i]},"rule":"{rule}"}}'
        if seed:
            # The seed's rules (scarce resources, size with own channel or potential) also keep
            # the ranking figures when ranked, and the record's inputs. Keys in sorted order.
            rows = np.asarray(seed)
            sizes = [_dumps(s) for s in f["size"].to_numpy(dtype=object)[rows].tolist()]
            owns = ["true" if x else "false" for x in f["own_channel"].to_numpy(dtype=bool)[rows].tolist()]
            potentials = _numbers(f["potential"].iloc[rows], 2)
            for k, i in enumerate(seed):
                rule, pareto = rules[i], pareto_rules[i]
                ranked = pareto == "pareto"
                text = f'{{"amount":{amounts[i]},'
                if ranked:
                    text += f'"cum_share":{cum[i]},'
                text += f'"cutoff":{cut[i]},'
                if rule != "scarce_resources":
                    text += f'"own_channel":{owns[k]},'
                text += f'"pareto_rule":"{pareto}",'
                if rule != "scarce_resources":
                    text += f'"potential":{potentials[k]},'
                if ranked:
                    text += f'"rank":{ranks[i]},'
                text += f'"rule":"{rule}"'
                if ranked:
                    text += f',"share_before":{before[i]}'
                if rule != "scarce_resources":
                    text += f',"size":{sizes[k]}'
                if ranked:
                    text += f',"tie_size":{ties[i]}'
                out[i] = text + "}"
        return out

    def _rfm_details(self) -> list[str]:
        f = self.rfm
        quintile = self.rules.rfm.method == "quintile"
        r, fr, m = _numbers(f["r"], 0), _numbers(f["f"], 0), _numbers(f["m"], 2)
        flags = {k: ["true" if x is True else "false" for x in f[k].astype(object).tolist()]
                 for k in ("r_high", "f_high", "m_high")}
        scores = {k: _numbers(f[f"{k}_score"], 0) for k in ("r", "f", "m")}
        out = []
        for i, value in enumerate(f["value"].tolist()):
            if value == rfm_engine.NO_TRANSACTIONS:
                out.append(f'{{"f":{fr[i]},"m":{m[i]},"r":{r[i]},"rule":"{value}"}}')
                continue
            text = (f'{{"f":{fr[i]},"f_high":{flags["f_high"][i]},"m":{m[i]},"m_high":{flags["m_high"][i]},'
                    f'"r":{r[i]},"r_high":{flags["r_high"][i]}')
            if quintile:
                text += f',"scores":{{"f":{scores["f"][i]},"m":{scores["m"][i]},"r":{scores["r"][i]}}}'
            out.append(text + "}")
        return out

    def _persona_details(self) -> list[str]:
        # The detail depends only on (value, statuses, ties) - or (value, known) when there
        # is not enough information - so each distinct combination is encoded once.
        f = self.persona
        keys = self.rules.persona.dimension_keys
        values, statuses, known = f["value"].tolist(), f["statuses"].tolist(), f["known"].tolist()
        tied, scores, matched = f["tied_with"].tolist(), f["score"].tolist(), f["matched"].tolist()
        bests = f["best"].tolist()
        if not len(values):
            return []
        # One integer per combination: value, best, and the statuses - or, with not enough
        # information (no statuses: None, or NaN in a pandas 3 string column), the known count.
        value_code = pd.factorize(f["value"].to_numpy(dtype=object))[0].astype(np.int64)
        best_code = pd.factorize(f["best"].to_numpy(dtype=object))[0].astype(np.int64) + 1
        status_code, status_uniques = pd.factorize(f["statuses"].to_numpy(dtype=object))
        tie_code, tie_uniques = pd.factorize(np.asarray(["|".join(t) for t in tied], dtype=object))
        no_statuses = status_code < 0
        width = len(status_uniques) + 1
        status_part = np.where(no_statuses, width + np.asarray(known, dtype=np.int64), status_code)
        key = ((value_code * (len(bests) + 1) + best_code) * (width + len(keys) + 2) + status_part) \
            * (len(tie_uniques) + 1) + tie_code
        _, first, codes = np.unique(key, return_index=True, return_inverse=True)
        codes = codes.ravel()
        dims_json: dict[str, str] = {}     # per statuses string
        ties_json: dict[tuple, str] = {}
        texts = []
        for i in first.tolist():
            if values[i] == persona_engine.NOT_ENOUGH_INFORMATION:
                texts.append(f'{{"known":{int(known[i])},"rule":"{values[i]}"}}')
                continue
            dims = dims_json.get(statuses[i])
            if dims is None:
                by_dim = persona_engine.explain_dimensions(statuses[i], keys)
                dims = dims_json[statuses[i]] = _dumps({name: [k for k in keys if by_dim.get(k) == name]
                                                        for name in persona_engine.STATUS_NAMES.values()})
            ties = ties_json.get(tied[i])
            if ties is None:
                ties = ties_json[tied[i]] = _dumps(list(tied[i]))
            best = f'"best":"{bests[i]}",' if isinstance(bests[i], str) and bests[i] else ""  # NaN: none
            texts.append(f'{{{best}"dims":{dims},"known":{int(known[i])},"matched":{int(matched[i])},'
                         f'"score":{_num(scores[i], 4)!r},"tied_with":{ties}}}')
        return np.asarray(texts, dtype=object)[codes].tolist() if len(codes) else []


def _numbers(series: pd.Series, digits: int) -> list[str]:
    """JSON text of each number, rounded (integers without a decimal point); null for missing."""
    values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    missing = np.isnan(values)
    if digits == 0:
        text = np.where(missing, 0, values).astype(np.int64).astype(str).astype(object)
    else:
        text = np.array(list(map(repr, np.round(np.where(missing, 0.0, values), digits).tolist())),
                        dtype=object)
    text[missing] = "null"
    return text.tolist()


def compute(inputs: GradingInputs, rules: ruleset.GradingRules | None = None) -> ComputedGrades:
    """Value tier, RFM and persona for the customers in the inputs' scope."""
    rules = rules or ruleset.load()
    population = inputs.population
    scope = inputs.scope
    tiers = value_tier_engine.compute(inputs.activity, population, rules.value_tier, inputs.customers)
    rfm = rfm_engine.compute(inputs.activity, population, inputs.as_of, rules.rfm)
    personas = persona_engine.compute(inputs.customers.loc[scope], rules.persona)
    if len(scope) != len(population):
        tiers, rfm = _restrict(tiers, scope), _restrict(rfm, scope)
    return ComputedGrades(inputs.as_of, inputs.window_start, rules, tiers, rfm, personas)


def _restrict(frame: pd.DataFrame, scope: pd.Index) -> pd.DataFrame:
    restricted = frame.loc[scope]
    restricted.attrs = dict(frame.attrs)
    return restricted


def value_order(scheme: str, rules: ruleset.GradingRules) -> list[str]:
    """The values of a scheme in display order (best first, special values last)."""
    if scheme == VALUE_TIER:
        return list(rules.value_tier.values)
    if scheme == OPPORTUNITY:
        return list(rules.opportunity.values)
    if scheme == RFM:
        return [t.key for t in rules.rfm.types] + [rfm_engine.NO_TRANSACTIONS]
    if scheme == PERSONA:
        return ([p.key for p in rules.persona.personas]
                + [persona_engine.NO_MATCH, persona_engine.NOT_ENOUGH_INFORMATION])
    raise KeyError(scheme)


