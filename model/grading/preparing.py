"""What the grading wizard works out before anything is written: the scope, and
the computed grades compared with the stored ones.

    ids = preparing.resolve_scope(conn, "view:My book", as_of)      # None: everyone
    count = preparing.scope_count(conn, spec, as_of)
    prepared = preparing.prepare(conn, spec, as_of, fixed_ids, progress)   # off the GUI thread

``prepare`` reads only (on a connection of its own in a worker); the review
(:mod:`model.grading.review`) lists its changes and applies them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from model.archive.database import ArchiveError, sqlite3
from model.customers.customer_filters import SavedView, customer_ids, load_views
from model.core.i18n import translate
from model.core.progress import Progress
from model.grading import explain
from model.grading.compute import COMPUTED_SCHEMES, OPPORTUNITY, ComputedGrades, compute
from model.grading.inputs import load_inputs
from model.grading.store import scope_ids

SCHEMES = COMPUTED_SCHEMES


def saved_views() -> list[SavedView]:
    """The user's saved views of the customer list."""
    return [v for v in load_views() if not v.builtin]


def resolve_scope(conn: sqlite3.Connection, spec: str, as_of: date) -> list[int] | None:
    """The customers a scope names (None: everyone). Besides ``grading.scope_ids``'
    specs, ``view:NAME`` is a saved view of the customer list."""
    kind, _, name = spec.partition(":")
    if kind == "view":
        view = next((v for v in saved_views() if v.name == name), None)
        if view is None:
            raise ArchiveError(translate("GradingWizard", "There is no saved view named '{name}'; "
                                         "choose another scope.").format(name=name))
        return customer_ids(conn, view.filter)
    return scope_ids(conn, spec, as_of)


def live_count(conn: sqlite3.Connection) -> int:
    """How many customers the archive has (not deleted)."""
    return conn.execute("SELECT count(*) FROM customers WHERE deleted_at IS NULL").fetchone()[0]


def scope_count(conn: sqlite3.Connection, spec: str, as_of: date) -> int:
    """How many customers the scope names."""
    ids = resolve_scope(conn, spec, as_of)
    return len(ids) if ids is not None else live_count(conn)


@dataclass
class Prepared:
    """What the computed-grades page worked out (pure data, from the worker)."""
    as_of: date
    computed: ComputedGrades
    table: pd.DataFrame                 # display rows in queue order: name, area, the 3 schemes
    changes: pd.DataFrame               # customer_id, scheme, old, new (computed grades that change)
    kept_overrides: int
    queue: list[int]
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def _shown(scheme: str, new: pd.Series, old: pd.Series, differs: np.ndarray, overridden: np.ndarray,
           rules) -> np.ndarray:
    """The scheme's column as shown: the new value, "old → new" where it changes, "old ✎"
    where it was set by hand (and is kept)."""
    language = explain.current_language()
    labels = {v: explain.value_label(scheme, v, language, rules) for v in pd.unique(new)}
    old_labels = {v: explain.value_label(scheme, v, language, rules) for v in pd.unique(old.dropna())}
    shown = new.map(labels).astype(object).to_numpy()
    before = np.array([old_labels.get(v, "") if isinstance(v, str) else "" for v in old.tolist()], dtype=object)
    shown = np.where(differs & old.notna().to_numpy(), before + " → " + shown, shown)
    return np.where(overridden, before + " ✎", shown)


def prepare(conn: sqlite3.Connection, spec: str, as_of: date, fixed_ids: list[int] | None,
            progress: Progress) -> Prepared:
    """Compute the scope's grades and compare them with the stored ones (worker side)."""
    ids = fixed_ids if fixed_ids is not None else resolve_scope(conn, spec, as_of)
    progress.report(0, 4, translate("GradingWizard", "Reading customers and transactions…"))
    inputs = load_inputs(conn, as_of, ids)
    progress.check()
    progress.report(1, 4, translate("GradingWizard", "Working out value tiers, RFM types and personas…"))
    computed = compute(inputs)
    progress.check()
    progress.report(2, 4, translate("GradingWizard", "Comparing with the grades in the archive…"))
    scope = computed.customer_ids
    cursor = conn.cursor()
    cursor.row_factory = None
    people = pd.DataFrame(cursor.execute(
        "SELECT c.id, c.name, a.name FROM customers c LEFT JOIN areas a ON a.id = c.area_id"
        " WHERE c.deleted_at IS NULL").fetchall(), columns=["id", "name", "area"]).set_index("id")
    stored = pd.DataFrame(cursor.execute(
        "SELECT customer_id, scheme, value, override FROM grades").fetchall(),
        columns=["customer_id", "scheme", "value", "override"])
    rules = computed.rules
    table = pd.DataFrame(index=scope)
    table["name"] = people["name"].reindex(scope).fillna("").to_numpy()
    table["area"] = people["area"].reindex(scope).fillna("").to_numpy()
    changes, kept = [], 0
    for scheme in SCHEMES:
        new = computed.frame(scheme)["value"]
        mine = stored[stored["scheme"] == scheme].set_index("customer_id").reindex(scope)
        old = mine["value"].astype(object)
        overridden = mine["override"].fillna(0).astype(int).to_numpy() == 1
        kept += int(overridden.sum())
        differs = (old.isna() | (old.astype(object) != new.astype(object))).to_numpy() & ~overridden
        table[scheme] = _shown(scheme, new, old, differs, overridden, rules)
        where = np.flatnonzero(differs)
        changes.append(pd.DataFrame({"customer_id": scope.to_numpy()[where], "scheme": scheme,
                                     "old": old.to_numpy(dtype=object)[where],
                                     "new": new.to_numpy(dtype=object)[where]}))
    progress.report(3, 4, translate("GradingWizard", "Ordering the customers…"))
    # The opportunity queue: the best value tier first, customers without an opportunity
    # grade before those with one, larger amounts first.
    tier_rank = {t: i for i, t in enumerate(rules.value_tier.values)}
    has_opportunity = scope.isin(stored.loc[stored["scheme"] == OPPORTUNITY, "customer_id"])
    order = pd.DataFrame({"tier": computed.value_tier["value"].map(tier_rank).to_numpy(),
                          "graded": has_opportunity.astype(int),
                          "amount": -computed.value_tier["basis_value"].to_numpy(),
                          "cid": scope.to_numpy()}, index=scope)
    order = order.sort_values(["tier", "graded", "amount", "cid"], kind="stable")
    table = table.loc[order.index]
    progress.report(4, 4)
    return Prepared(as_of, computed, table, pd.concat(changes, ignore_index=True), kept,
                    [int(i) for i in order.index], computed.distribution())
