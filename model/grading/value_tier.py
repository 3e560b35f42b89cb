"""Value tier A/B/C by Pareto cut-offs (DOMAIN.md §2a).

Customers are ranked by their amount (or volume) in the window, largest
first. Going down the ranking, a tier takes customers until the cumulative
share of the total *reaches* its cut-off: the customer whose amount reaches
or crosses 80% is still A, the next one is B. Formally a customer belongs
to the first tier whose cut-off is above the share held by everyone ranked
before them.

Ties: customers with equal amounts form one group that is judged by the
share held *before the group*, so a group straddling a cut goes wholly to the
better tier, and all its members share one rank (1, 2, 2, 4, ...).

Customers with nothing in the window (or a net amount of zero or less) get the
rest tier; when the whole total is zero everyone does, with that reason.

Then seed 002's other ways in (DOMAIN.md §2a), for customers the cut-offs left
in the rest tier: holding scarce resources (稀缺资源) gives the ``scarce_tier``
(A), rule ``scarce_resources``; else a size medium or above with its own supply
channel or a potential amount at or above ``size_potential_from`` gives the
``size_tier`` (B), rule ``size_own_channel``, ``size_potential`` or
``size_own_channel_potential``. Their ranking figures are kept for the
explanation. Everyone else stays in the rest tier.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from model.grading.ruleset import ValueTierRules

# Amounts are rounded before ranking so float noise (0.1 + 0.2) does not split ties.
DECIMALS = 6
# Tolerance on "reaches the cut-off", relative to the total.
RELATIVE_EPS = 1e-9

COLUMNS = ["value", "rule", "basis_value", "rank", "ranked", "share_before", "cum_share",
           "cutoff", "tie_size", "pareto_rule", "size", "own_channel", "potential"]
SEED_RULES = ("scarce_resources", "size_own_channel", "size_potential", "size_own_channel_potential")


def _flag(record: pd.DataFrame | None, column: str, index: pd.Index) -> np.ndarray:
    """A 0/1 record column as booleans (unknown = False)."""
    if record is None or column not in record:
        return np.zeros(len(index), dtype=bool)
    values = pd.to_numeric(record[column].reindex(index), errors="coerce").to_numpy(dtype=float,
                                                                                    na_value=np.nan)
    return values == 1


def compute(activity: pd.DataFrame, population: pd.Index, rules: ValueTierRules,
            record: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per customer of ``population``: the tier and how it was reached.

    ``record`` (index customer id) gives the seed's inputs ``size``,
    ``potential_amount``, ``own_channel`` and ``scarce_resources``; without it
    only the cut-offs apply.

    ``rule`` is ``pareto``, ``no_transactions``, ``no_volume``, ``total_zero``
    or one of :data:`SEED_RULES` (then ``pareto_rule`` keeps the ranking's rule);
    ``cutoff`` is the share the tier ran up to (for the rest tier: the last cut-off,
    which it lies beyond)."""
    column = "amount" if rules.basis == "amount" else "volume"
    values = activity[column].reindex(population).round(DECIMALS)
    has_txn = values.notna().to_numpy()
    vals = values.fillna(0.0).to_numpy(dtype=float)
    ids = population.to_numpy()
    positive = vals > 0
    total = float(vals[positive].sum())

    n = len(ids)
    out = pd.DataFrame(index=population)
    tier = np.full(n, rules.rest, dtype=object)
    rule = np.where(has_txn, "no_volume", "no_transactions").astype(object)
    rank = np.full(n, np.nan)
    share_before = np.full(n, np.nan)
    cum_share = np.full(n, np.nan)
    cutoff = np.full(n, rules.cutoffs[-1][1])
    tie_size = np.zeros(n, dtype=np.int64)
    ranked = int(positive.sum())

    if total <= 0:
        rule[:] = "total_zero"
    else:
        where = np.flatnonzero(positive)
        order = where[np.lexsort((ids[where], -vals[where]))]
        sorted_vals = vals[order]
        cum = np.cumsum(sorted_vals)
        # Tie groups over the sorted values: start index of each member's group.
        new_group = np.empty(len(order), dtype=bool)
        new_group[0] = True
        new_group[1:] = sorted_vals[1:] != sorted_vals[:-1]
        group_start = np.maximum.accumulate(np.where(new_group, np.arange(len(order)), 0))
        group_id = np.cumsum(new_group) - 1
        group_end = np.flatnonzero(np.append(new_group[1:], True))  # last index per group
        before_group = cum[group_start] - sorted_vals[group_start]
        end_cum = cum[group_end][group_id]
        sizes = np.diff(np.append(np.flatnonzero(new_group), len(order)))[group_id]

        eps = total * RELATIVE_EPS
        sorted_tier = np.full(len(order), rules.rest, dtype=object)
        sorted_cut = np.full(len(order), rules.cutoffs[-1][1])
        assigned = np.zeros(len(order), dtype=bool)
        for name, share in rules.cutoffs:
            hit = ~assigned & (before_group < share * total - eps)
            sorted_tier[hit] = name
            sorted_cut[hit] = share
            assigned |= hit
        tier[order] = sorted_tier
        cutoff[order] = sorted_cut
        rule[order] = "pareto"
        rank[order] = group_start + 1
        share_before[order] = before_group / total
        cum_share[order] = end_cum / total
        tie_size[order] = sizes

    pareto_rule = rule.copy()
    size = np.full(n, None, dtype=object)
    potential = np.full(n, np.nan)
    own = _flag(record, "own_channel", population)
    if record is not None and "size" in record:
        size = record["size"].reindex(population).to_numpy(dtype=object)
    if record is not None and "potential_amount" in record:
        potential = pd.to_numeric(record["potential_amount"].reindex(population),
                                  errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    rest = tier == rules.rest
    if rules.scarce_tier is not None:
        scarce = rest & _flag(record, "scarce_resources", population)
        tier[scarce] = rules.scarce_tier
        rule[scarce] = "scarce_resources"
        rest &= ~scarce
    if rules.size_tier is not None and rules.size_sizes:
        sized = rest & np.isin(size.astype(str), list(rules.size_sizes))
        by_channel = sized & own if rules.size_own_channel else np.zeros(n, dtype=bool)
        with np.errstate(invalid="ignore"):
            by_potential = (sized & (potential >= rules.size_potential_from)
                            if rules.size_potential_from is not None else np.zeros(n, dtype=bool))
        hit = by_channel | by_potential
        tier[hit] = rules.size_tier
        rule[by_channel & ~by_potential] = "size_own_channel"
        rule[by_potential & ~by_channel] = "size_potential"
        rule[by_channel & by_potential] = "size_own_channel_potential"

    out["value"] = tier
    out["rule"] = rule
    out["basis_value"] = vals
    out["rank"] = rank
    out["ranked"] = ranked
    out["share_before"] = share_before
    out["cum_share"] = cum_share
    out["cutoff"] = cutoff
    out["tie_size"] = tie_size
    out["pareto_rule"] = pareto_rule
    out["size"] = size
    out["own_channel"] = own
    out["potential"] = potential
    out.attrs.update(basis=rules.basis, total=total, ranked=ranked)
    return out[COLUMNS]


def pareto_curve(frame: pd.DataFrame) -> pd.DataFrame:
    """The cumulative share of the total against the share of customers, largest first,
    for drawing (one point per ranked customer)."""
    ranked = frame[frame["pareto_rule"] == "pareto"].sort_values(["basis_value"], ascending=False)
    total = ranked["basis_value"].sum()
    n = len(frame)
    if total <= 0 or n == 0:
        return pd.DataFrame({"customer_share": [], "value_share": [], "tier": []})
    return pd.DataFrame({"customer_share": np.arange(1, len(ranked) + 1) / n,
                         "value_share": ranked["basis_value"].cumsum().to_numpy() / total,
                         "tier": ranked["value"].to_numpy()})
