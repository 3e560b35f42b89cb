"""The rows of one import as they are checked: the table with its mapped columns and
per-row problems (:class:`ImportTable`), what the checks found (:class:`ImportPlan`),
and a rejected row (:class:`Reject`). Used by model.customers.import_customers and
import_transactions; model.customers.importing re-exports what the GUI needs."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd

from model.core.i18n import translate
from model.core.progress import Progress
from model.customers import customers, exporting
from model.customers.import_headers import HeaderMatch

CHUNK = 5000
"""Rows per INSERT batch; progress is reported and cancel checked between batches."""


@dataclass
class Reject:
    row_number: int            # as the user sees it in the spreadsheet: the header is row 1
    values: dict[str, str]     # column header -> the cell as it is in the file
    reasons: list[str]


class ImportTable:
    """The frame with its mapped columns, row numbers and per-row problems."""

    def __init__(self, frame: pd.DataFrame, match: HeaderMatch):
        self.frame = frame
        self.n = len(frame)
        self.row_numbers = frame.index.to_numpy()
        self.header = {key: column for column, key in match.mapping.items() if key}
        self.problems: dict[int, list[str]] = {}   # position -> reasons

    def clean(self, keys: list[str], clean_values: Callable[[dict], dict],
              progress: Progress) -> dict[str, np.ndarray]:
        """The mapped columns ``keys``, normalised.

        Each distinct value of a column is cleaned once. ``clean_values`` takes
        a dict ``{key: raw}`` and returns ``{key: clean}`` or raises
        :class:`customers.ValidationError` naming the bad keys; it is called with
        the i-th distinct value of every column at once (one call per i, which
        is what keeps 100,000 rows fast), and one key at a time when a call
        fails, so each cell's reason is its own. Bad cells become problems.
        """
        factorized = {}
        for key in keys:
            codes, uniques = pd.factorize(self.frame[self.header[key]].to_numpy(dtype=object))
            factorized[key] = (codes, [exporting.unneutralised(u) for u in uniques])
        order = sorted(keys, key=lambda k: -len(factorized[k][1]))
        lengths = [len(factorized[k][1]) for k in order]
        cleaned = {k: np.empty(len(factorized[k][1]), dtype=object) for k in keys}
        errors: dict[str, dict[int, str]] = {k: {} for k in keys}
        uniques = {k: factorized[k][1] for k in keys}
        active = len(order)
        checking = translate("Import", "Checking the rows…")
        for i in range(lengths[0] if lengths else 0):
            while lengths[active - 1] <= i:
                active -= 1
            batch = {k: uniques[k][i] for k in order[:active]}
            try:
                for k, v in clean_values(batch).items():
                    cleaned[k][i] = v
            except customers.ValidationError:
                for k, raw in batch.items():
                    try:
                        cleaned[k][i] = clean_values({k: raw})[k]
                    except customers.ValidationError as exc:
                        errors[k][i] = "; ".join(exc.problems.values())
            if i % 10000 == 9999:
                progress.report(i, lengths[0], checking)
                progress.check()
        out = {}
        for key in keys:
            codes = factorized[key][0]
            if errors[key]:
                bad_codes = np.fromiter(errors[key], dtype=np.int64)
                for position in np.flatnonzero(np.isin(codes, bad_codes)):
                    self.add_problem(int(position), errors[key][int(codes[position])], key)
            out[key] = cleaned[key][codes]
        return out

    def add_problem(self, position: int, reason: str, key: str | None = None) -> None:
        if key is not None:
            reason = translate("Import", "{column}: {reason}").format(column=self.header[key], reason=reason)
        self.problems.setdefault(position, []).append(reason)

    def valid(self) -> np.ndarray:
        ok = np.ones(self.n, dtype=bool)
        if self.problems:
            ok[np.fromiter(self.problems, dtype=np.int64)] = False
        return ok


class ImportPlan:
    """What the checks found, and how to write the accepted rows."""

    def __init__(self, accepted: np.ndarray, duplicates: list, problems: dict,
                 writer: Callable | None = None):
        self.accepted = accepted
        self.duplicates = duplicates
        self.problems = problems
        self._writer = writer

    def rejects(self, table: ImportTable) -> list[Reject]:
        if not self.problems:
            return []
        columns = list(table.frame.columns)
        positions = sorted(self.problems)
        cells = table.frame.to_numpy(dtype=object)[positions]
        return [Reject(int(table.row_numbers[p]), dict(zip(columns, row)), self.problems[p])
                for p, row in zip(positions, cells.tolist())]

    def write(self, conn, by: str, progress: Progress) -> None:
        if self._writer is not None:
            self._writer(conn, by, progress)


def has_problem(table: ImportTable, position: int, key: str) -> bool:
    header = table.header.get(key)
    return header is not None and any(r.startswith(f"{header}:")
                                      for r in table.problems.get(position, ()))
