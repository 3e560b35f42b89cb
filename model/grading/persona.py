"""Persona matching (DOMAIN.md §1): which persona a customer's dimension codes fit best.

For a persona, each dimension it defines is *matched* (the customer's code is
one of the allowed codes), *not matched* (another code) or *unknown* (no code,
or a code that is not a value of the dimension). Score = matched / known,
where known counts the persona's dimensions the customer has a code for.

A customer knowing fewer than ``min_known`` of the persona dimensions gets
``not_enough_information``; one whose best score is not above ``min_score_above``
(default: more than half the known dimensions must agree) gets ``no_match``, the
closest persona kept in ``best`` for the explanation. Otherwise the best persona wins by: higher score,
then more dimensions matched, then the narrower persona (fewer allowed codes
summed over the matched dimensions), then the order of the rules file. Others
equal on score and matched count are reported as ``tied_with``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from model.core import rules as base_rules
from model.grading.ruleset import PersonaRules

NOT_ENOUGH_INFORMATION = "not_enough_information"
NO_MATCH = "no_match"       # enough is known, but no persona's score is above the minimum
MATCHED, NOT_MATCHED, UNKNOWN = "M", "X", "U"   # letters of the ``statuses`` column
STATUS_NAMES = {MATCHED: "matched", NOT_MATCHED: "not_matched", UNKNOWN: "unknown"}
COLUMNS = ["value", "score", "matched", "known", "statuses", "tied_with", "best"]


def _code_indices(customers: pd.DataFrame, rules: PersonaRules) -> tuple[np.ndarray, list[list[str]]]:
    """Customer × dimension matrix of value indices (-1 unknown) and each dimension's codes."""
    codes_per_dim = []
    matrix = np.full((len(customers), len(rules.dimension_keys)), -1, dtype=np.int64)
    for j, key in enumerate(rules.dimension_keys):
        dim = base_rules.dimension(key)
        codes = [v.code for v in dim.values]
        codes_per_dim.append(codes)
        if dim.column in customers:
            # -1 for no value or a value that is not one of the dimension's codes.
            found, uniques = pd.factorize(customers[dim.column].to_numpy(dtype=object))
            table = np.array([codes.index(u) if u in codes else -1 for u in uniques] + [-1], dtype=np.int64)
            matrix[:, j] = table[found]  # factorize gives -1 for None: the table's last entry
    return matrix, codes_per_dim


def compute(customers: pd.DataFrame, rules: PersonaRules) -> pd.DataFrame:
    """One row per customer: best persona key (or not_enough_information), score,
    matched and known counts, ``statuses`` (one letter per dimension of
    ``rules.dimension_keys`` for the best persona) and ``tied_with`` (tuple of keys)."""
    codes, codes_per_dim = _code_indices(customers, rules)
    n, d = codes.shape
    personas = rules.personas
    p = len(personas)
    known_cd = codes >= 0
    # allowed[p][j] is a boolean table over dimension j's values; uses[p, j] whether p defines j.
    uses = np.zeros((p, d), dtype=bool)
    width = np.zeros((p, d), dtype=np.int64)
    matched_cpd = np.zeros((n, p, d), dtype=bool)
    safe = np.where(known_cd, codes, 0)
    for i, persona in enumerate(personas):
        for j, key in enumerate(rules.dimension_keys):
            allowed = persona.codes.get(key)
            if allowed is None:
                continue
            uses[i, j] = True
            width[i, j] = len(allowed)
            table = np.array([c in allowed for c in codes_per_dim[j]], dtype=bool)
            matched_cpd[:, i, j] = known_cd[:, j] & table[safe[:, j]]
    matched = matched_cpd.sum(axis=2)                                  # n × p
    known = known_cd.astype(np.int64) @ uses.T.astype(np.int64)        # n × p
    score = np.divide(matched, known, out=np.zeros((n, p)), where=known > 0)
    narrowness = (matched_cpd * width[None, :, :]).sum(axis=2)         # n × p
    order = np.arange(p)
    # Best = lexicographic (max score, max matched, min narrowness, min order).
    key = np.lexsort((np.broadcast_to(order, (n, p)), narrowness, -matched, -np.round(score, 9)), axis=1)
    best = key[:, 0]
    rows = np.arange(n)
    best_score = score[rows, best]
    best_matched = matched[rows, best]
    best_known = known[rows, best]
    known_any = (known_cd & uses.any(axis=0)[None, :]).sum(axis=1)
    enough = known_any >= rules.min_known

    letters = np.where(~known_cd, ord(UNKNOWN),
                       np.where(matched_cpd[rows, best, :], ord(MATCHED), ord(NOT_MATCHED))).astype(np.uint8)
    letters[~uses[best, :]] = ord("-")
    # One fixed-width byte string per customer, e.g. b"MMXU...": a view, no Python loop.
    statuses = np.ascontiguousarray(letters).view(f"S{d}").ravel().astype(str).astype(object)

    tie = ((np.abs(score - best_score[:, None]) < 1e-9) & (matched == best_matched[:, None]))
    tie[rows, best] = False
    keys = np.array([q.key for q in personas], dtype=object)
    tie_bits = tie.astype(np.int64) @ (1 << np.arange(p, dtype=np.int64))
    tie_names = {bits: tuple(keys[[i for i in range(p) if bits >> i & 1]]) for bits in np.unique(tie_bits)}

    out = pd.DataFrame(index=customers.index)
    best_keys = keys[best] if n else keys[:0]
    matching = enough & (np.round(best_score, 9) > rules.min_score_above + 1e-9)
    out["value"] = np.where(matching, best_keys, np.where(enough, NO_MATCH, NOT_ENOUGH_INFORMATION)).astype(object)
    out["score"] = np.where(enough, np.round(best_score, 4), np.nan)
    out["matched"] = best_matched
    out["known"] = np.where(enough, best_known, known_any)
    out["statuses"] = np.where(enough, statuses, None)
    out["tied_with"] = [tie_names[b] if e else () for b, e in zip(tie_bits, enough)]
    out["best"] = np.where(enough & ~matching, best_keys, None).astype(object)
    out.attrs.update(dimension_keys=rules.dimension_keys, min_known=rules.min_known)
    return out[COLUMNS]


def explain_dimensions(statuses: str, dimension_keys: tuple[str, ...]) -> dict[str, str]:
    """``{"age": "matched", ...}`` from a statuses string."""
    return {k: STATUS_NAMES[s] for k, s in zip(dimension_keys, statuses) if s in STATUS_NAMES}
