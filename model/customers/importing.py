"""Importing customers and transactions from a CSV or .xlsx file.

    result = importing.import_file(conn, "客户.xlsx", by=settings.user_name())

1. The file is read as a table of strings (:mod:`model.core.table_files`).
2. Its headers are matched to field keys (:func:`match_headers`, synonyms in
   ``resources/rules/import_headers.json``); the user maps the rest.
3. Each column is normalised through :func:`model.customers.customers.clean` (once per
   distinct value, so 100,000 rows take seconds); a row with any bad cell is
   *rejected* with its reasons.
4. Rows already in the archive, or earlier in the file, are *duplicates*:
   customers by :func:`model.customers.customers.identity`, the rule the editor uses too
   (phone, second phone, else name + birth date, else name + address + area),
   transactions by an import key.
5. The rest is written in one transaction. By default a single rejected row
   means nothing is written (all or nothing); ``partial=True`` writes the good
   rows. A rejects file (CSV, UTF-8 with BOM) lists every rejected row.

Rows that are not records are *skipped* with a reason: a totals row (合计：2人,
总计, Total) or a note row (注：…), words in ``import_headers.json``.

Always: ``imported + rejected + duplicates + skipped == rows``. ``rows`` counts
the file's data rows below its header row (found, or chosen: titles and notes
above it are not rows); fully blank rows are skipped and not counted
(``blank_rows``). ``imported`` counts the rows that were accepted; they are in
the archive only when ``written`` is true (not a dry run, and no row rejected
unless ``partial``).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from model.customers import customers, exporting
from model.archive import database
from model.core import normalize, rules, table_files
from model.core.i18n import translate
from model.customers.import_headers import (KINDS, TRANSACTION_FIELDS, HeaderMatch, check_mapping, field_label,
                                  fields_for, find_header_row, header_field, match_headers)
from model.core.progress import Progress
from model.core.table_files import ImportFileError, head_rows, read_table

# The import's whole public API, so the GUI needs only this module.
__all__ = ["ImportFileError", "HeaderMatch", "Reject", "ImportResult", "KINDS", "fields_for",
           "field_label", "header_field", "match_headers", "check_mapping", "import_file", "import_frame",
           "read_table", "read_import_table", "head_rows", "find_header_row", "maps_phone",
           "summary_rows", "default_rejects_path",
           "write_rejects"]

REASON_SEPARATOR = " | "
"""Between a rejected row's reasons, in the rejects file and on the terminal."""
CHUNK = 5000
"""Rows per INSERT batch; progress is reported and cancel checked between batches."""


# -- results ---------------------------------------------------------------

@dataclass
class Reject:
    row_number: int            # as the user sees it in the spreadsheet: the header is row 1
    values: dict[str, str]     # column header -> the cell as it is in the file
    reasons: list[str]


@dataclass
class ImportResult:
    kind: str
    rows: int
    imported: int
    rejected: int
    duplicates: int
    rejects: list[Reject]
    duplicate_rows: list[tuple[int, str | None, str]]   # (row number, phone, reason)
    rejects_path: Path | None
    written: bool
    dry_run: bool = False
    blank_rows: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    skipped_rows: list[tuple[int, str]] = field(default_factory=list)   # (row number, reason)
    header_row: int = 1

    @property
    def skipped(self) -> int:
        """Rows that are not records (totals, notes): neither imported nor rejected."""
        return len(self.skipped_rows)

    @property
    def added(self) -> int:
        """Rows really added to the archive by this import."""
        return self.imported if self.written else 0


# -- the import --------------------------------------------------------------

def default_rejects_path(path: Path | str) -> Path:
    """Beside the imported file: ``<stem>-rejects.csv``."""
    path = Path(path)
    return path.with_name(f"{path.stem}-rejects.csv")


def read_import_table(path: Path | str, kind: str = "customers",
                      header_row: int | None = None) -> pd.DataFrame:
    """The file as a table, its headers taken from ``header_row`` (1-based), or
    from the row found to hold them when None (titles and notes above the header
    are left out; ``frame.attrs["header_row"]`` says which row it was)."""
    if header_row is None:
        header_row = find_header_row(head_rows(path), kind)
    if header_row < 1:
        raise ImportFileError(translate("Import", "The header row is counted from 1."))
    return read_table(path, header_row=header_row)


def import_file(conn, path: Path | str, *, kind: str = "customers", mapping: dict | None = None,
                partial: bool = False, dry_run: bool = False, rejects_path: Path | None = None,
                by: str, progress: Progress | None = None, header_row: int | None = None,
                manager: str | None = None) -> ImportResult:
    """Read ``path`` and import it (see the module's description). The rejects
    file goes to ``rejects_path``, by default beside the file."""
    frame = read_import_table(path, kind, header_row)
    return import_frame(conn, frame, kind=kind, mapping=mapping, partial=partial, dry_run=dry_run,
                        rejects_path=rejects_path or default_rejects_path(path), by=by,
                        progress=progress, manager=manager)


def import_frame(conn, frame: pd.DataFrame, *, kind: str = "customers", mapping: dict | None = None,
                 partial: bool = False, dry_run: bool = False, rejects_path: Path | None = None,
                 by: str, progress: Progress | None = None, manager: str | None = None) -> ImportResult:
    """Import an already-read table (from :func:`read_table`, so the GUI can
    preview and import the same frame). A rejects file is written only when a
    row was rejected and ``rejects_path`` is given. Customers whose row names no
    manager (no manager column, or an empty cell) get ``manager``, else ``by`` (归户:
    every customer has exactly one manager in charge, model.customers.books)."""
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}")
    progress = progress or Progress()
    mapping = check_mapping(mapping, kind)
    frame = _as_text_frame(frame)
    match = match_headers(frame.columns, kind, saved=mapping)
    if match.missing:
        raise ImportFileError(_missing_message(match, list(frame.columns), kind))
    skipped = summary_rows(frame)
    if skipped:
        frame = frame.loc[~frame.index.isin([row for row, _ in skipped])]
    table = _Table(frame, match)
    if kind == "customers":
        plan = _check_customers(conn, table, progress, normalize.text(manager) or normalize.text(by))
    else:
        plan = _check_transactions(conn, table, progress)
    rejects = plan.rejects(table)
    write = not dry_run and (partial or not rejects)
    written_rejects = None
    if rejects and rejects_path is not None:
        written_rejects = write_rejects(Path(rejects_path), list(frame.columns), rejects)
    if write:
        progress.check()
        plan.write(conn, by, progress)
    return ImportResult(
        kind=kind, rows=table.n + len(skipped), imported=int(plan.accepted.sum()), rejected=len(rejects),
        duplicates=len(plan.duplicates), rejects=rejects, duplicate_rows=plan.duplicates,
        rejects_path=written_rejects, written=write, dry_run=dry_run,
        blank_rows=int(frame.attrs.get("blank_rows", 0)), ignored_columns=list(match.unknown),
        skipped_rows=skipped, header_row=int(frame.attrs.get("header_row", 1)))


def maps_phone(columns, mapping: dict | None = None) -> bool:
    """Whether a column of a customers file goes into Phone (or Second phone)."""
    found = match_headers([str(c) for c in columns], "customers", saved=mapping).mapping
    return any(target in ("phone", "phone2") for target in found.values())


def _summary_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    section = rules.load_json("import_headers.json").get("summary_rows") or {}
    fold = table_files.fold_cell
    return (tuple(fold(w) for w in section.get("totals", ())),
            tuple(fold(w) for w in section.get("notes", ())))


def _starts_with_word(cell: str, words: tuple[str, ...]) -> bool:
    """The cell begins with one of ``words`` as a word of its own (合计：2人, Total 3; not Summer)."""
    for word in words:
        if cell.startswith(word):
            rest = cell[len(word):]
            if not rest or not (rest[0].isascii() and rest[0].isalpha()):
                return True
    return False


def summary_rows(frame: pd.DataFrame) -> list[tuple[int, str]]:
    """The rows of ``frame`` that are not records: (row number, reason)."""
    totals, notes = _summary_words()
    out = []
    cells = frame.to_numpy(dtype=object)
    for row_number, row in zip(frame.index.tolist(), cells.tolist()):
        filled = [table_files.fold_cell(c) for c in row if str(c).strip()]
        if not filled:
            continue
        if _starts_with_word(filled[0], totals):
            out.append((int(row_number), translate("Import", "A totals row ({cell}), not a record.")
                        .format(cell=str(next(c for c in row if str(c).strip())).strip())))
        elif len(filled) == 1 and any(filled[0].startswith(word + ":") for word in notes):
            out.append((int(row_number), translate("Import", "A note ({cell}), not a record.")
                        .format(cell=str(next(c for c in row if str(c).strip())).strip()[:40])))
    return out


def _as_text_frame(frame: pd.DataFrame) -> pd.DataFrame:
    if "blank_rows" in frame.attrs and frame.index.name == table_files.ROW_INDEX_NAME:
        return frame
    # A frame that did not come from read_table: text cells, row numbers, no blank rows.
    blank_before = int(frame.attrs.get("blank_rows", 0))
    out = frame.copy()
    out.columns = [str(c) for c in out.columns]
    for column in out.columns:
        out[column] = out[column].map(lambda v: "" if v is None or v != v else str(v)).astype(str)
    if out.index.name != table_files.ROW_INDEX_NAME:
        out.index = pd.RangeIndex(2, 2 + len(out), name=table_files.ROW_INDEX_NAME)
    blank = table_files.blank_rows(out)
    out = out.loc[~blank]
    out.attrs["blank_rows"] = blank_before + int(blank.sum())
    return out


def _missing_message(match: HeaderMatch, columns: list[str], kind: str) -> str:
    shown = ", ".join(c if len(c) <= 40 else c[:39] + "…" for c in columns[:30])
    if not any(match.mapping.values()):
        return translate(
            "Import", "None of the column headers is recognised ({columns}), so this does not look like "
            "a table of {kind}. The header row must hold headers such as 姓名, 手机, 地址 (name, "
            "phone, address): choose the row that holds them (the preview's header row, or "
            "--header-row N), or map other headers to fields in the import window or with "
            "--mapping FILE.json.").format(columns=shown, kind=_kind_label(kind))
    wanted = []
    for key in match.missing:
        if key == "customer_id":
            wanted.append(translate("Import", "the customer (a phone or customer number column)"))
        else:
            wanted.append(field_label(key))
    return translate(
        "Import", "The file has no column for {wanted}. Its columns are: {columns}. Rename the header, "
        "or map the column to a field (in the import window, or with --mapping FILE.json).").format(
        wanted=", ".join(wanted), columns=shown)


def _kind_label(kind: str) -> str:
    if kind == "transactions":
        return translate("Import", "transactions")
    return translate("Import", "customers")


class _Table:
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


class _Plan:
    """What the checks found, and how to write the accepted rows."""

    def __init__(self, accepted: np.ndarray, duplicates: list, problems: dict,
                 writer: Callable | None = None):
        self.accepted = accepted
        self.duplicates = duplicates
        self.problems = problems
        self._writer = writer

    def rejects(self, table: _Table) -> list[Reject]:
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


# -- customers ---------------------------------------------------------------

def _clean_customer_values(values: dict) -> dict:
    values = dict(values)
    extra = {}
    if "last_visit" in values:
        raw = values.pop("last_visit")
        try:
            extra["last_visit"] = normalize.iso_date(raw)
            if extra["last_visit"] and extra["last_visit"] > date.today().isoformat():
                raise normalize.Invalid(translate("Import", "The last visit {date} is in the future.")
                                        .format(date=extra["last_visit"]))
        except normalize.Invalid as exc:
            problems = {"last_visit": str(exc)}
            try:
                customers.clean(values, partial=True)
            except customers.ValidationError as other:
                problems.update(other.problems)
            raise customers.ValidationError(problems) from None
    return {**customers.clean(values, partial=True), **extra}


def _check_customers(conn, table: _Table, progress: Progress, manager: str | None = None) -> _Plan:
    keys = [k for k in fields_for("customers") if k in table.header]
    values = table.clean(keys, _clean_customer_values, progress)
    _check_coordinates(table, values)
    if manager:
        given = values.get("manager")
        values["manager"] = (np.full(table.n, manager, dtype=object) if given is None else
                             np.array([m if m else manager for m in given.tolist()], dtype=object))

    valid = table.valid()
    identity = _customer_identities(table.n, values, valid)
    in_archive = _archive_identities(conn)
    duplicate = np.zeros(table.n, dtype=bool)
    first_row: dict[str, int] = {}
    found: list[tuple[int, str | None, str]] = []
    phones = values.get("phone")
    for position in np.flatnonzero(valid):
        ident = identity[position]
        row = int(table.row_numbers[position])
        phone = phones[position] if phones is not None else None
        if ident in in_archive:
            reason = (translate("Import", "A customer with this phone number is already in the archive.")
                      if not ident.startswith("~") else
                      translate("Import", "A customer with the same name and birth date (or, without "
                                "one, the same address and area) and no phone is already in the "
                                "archive."))
        elif ident in first_row:
            reason = (translate("Import", "Same phone number as row {row}.")
                      if not ident.startswith("~") else
                      translate("Import", "Same name and birth date (or, without one, the same address "
                                "and area) as row {row}, and no phone.")).format(row=first_row[ident])
        else:
            first_row[ident] = row
            continue
        duplicate[position] = True
        found.append((row, phone if phone else _phone2(values, position), reason))
    accepted = valid & ~duplicate

    def writer(conn, by, progress):
        _write_customers(conn, values, accepted, by, progress)
    return _Plan(accepted, found, table.problems, writer)


def _phone2(values: dict, position: int) -> str | None:
    phone2 = values.get("phone2")
    return None if phone2 is None else phone2[position]


def _check_coordinates(table: _Table, values: dict) -> None:
    lat, lon = values.get("latitude"), values.get("longitude")
    if lat is None and lon is None:
        return
    lat_missing = pd.isna(lat) if lat is not None else np.ones(table.n, dtype=bool)
    lon_missing = pd.isna(lon) if lon is not None else np.ones(table.n, dtype=bool)
    odd = np.flatnonzero(lat_missing != lon_missing)
    if not len(odd):
        return
    try:  # the message lives with the rule, in customers.clean
        customers.clean({"name": "-", "latitude": 0, "longitude": None})
        reason = "latitude/longitude"
    except customers.ValidationError as exc:
        reason = exc.problems.get("latitude", "latitude/longitude")
    for position in odd:
        position = int(position)
        if not (_has_problem(table, position, "latitude") or _has_problem(table, position, "longitude")):
            table.add_problem(position, reason)


def _identity(phone, phone2, name, address, area, birth_date) -> str:
    """Who a customer is, for duplicates: :func:`model.customers.customers.identity`."""
    return customers.identity(phone, phone2, name, birth_date, address, area)


def _customer_identities(n: int, values: dict, valid: np.ndarray) -> np.ndarray:
    nothing = np.full(n, None, dtype=object)
    columns = [values.get(k, nothing) for k in ("phone", "phone2", "name", "address", "area",
                                                 "birth_date")]
    out = np.full(n, None, dtype=object)
    for position in np.flatnonzero(valid):
        out[position] = _identity(*(c[position] for c in columns))
    return out


def _archive_identities(conn) -> set[str]:
    phones = {r[0] for r in conn.execute(
        "SELECT phone FROM customers WHERE deleted_at IS NULL AND phone IS NOT NULL AND phone <> ''"
        " UNION SELECT phone2 FROM customers WHERE deleted_at IS NULL AND phone2 IS NOT NULL"
        " AND phone2 <> ''")}
    no_phone = conn.execute(
        "SELECT c.name, c.address, a.name, c.birth_date FROM customers c"
        " LEFT JOIN areas a ON a.id = c.area_id"
        f" WHERE c.deleted_at IS NULL AND {customers.RED_LIST_WHERE}")
    return phones | {_identity(None, None, *row) for row in no_phone}


def _insert_customer_chunk(conn, sql: str, rows: list[tuple], history: list[tuple]) -> None:
    conn.executemany(sql, rows)
    conn.executemany("INSERT INTO customer_history(customer_id, changed_at, changed_by, field,"
                     " old_value, new_value) VALUES (?, ?, ?, '*created', NULL, ?)", history)


def _write_customers(conn, values: dict, accepted: np.ndarray, by: str, progress: Progress) -> None:
    positions = np.flatnonzero(accepted)
    total = len(positions)
    stored = [k for k in values if k not in ("area", "area_type", "last_visit")]
    if "created_on" not in stored:
        stored.append("created_on")
    with database.transaction(conn):
        columns: dict[str, list] = {}
        for key in stored:
            column = values.get(key)
            columns[key] = [None] * total if column is None else column[positions].tolist()
        today = date.today().isoformat()
        columns["created_on"] = [d or today for d in columns["created_on"]]
        if "area" in values:
            area_types = values.get("area_type")
            areas = values["area"][positions]
            ids = _area_ids(conn, areas, None if area_types is None else area_types[positions])
            columns["area_id"] = [ids.get(a) for a in areas.tolist()]
        start = conn.execute("SELECT coalesce(max(id), 0) FROM customers").fetchone()[0]
        columns["id"] = list(range(start + 1, start + 1 + total))
        names = list(columns)
        sql = (f"INSERT INTO customers ({', '.join(names)}) "
               f"VALUES ({', '.join('?' * len(names))})")
        rows = list(zip(*columns.values()))
        stamp = customers.now_stamp()
        history = [(cid, stamp, by, name) for cid, name in zip(columns["id"], columns["name"])]
        columns.clear()
        writing = translate("Import", "Writing to the archive…")
        for begin in range(0, total, CHUNK):
            progress.report(begin, total, writing)
            progress.check()
            _insert_customer_chunk(conn, sql, rows[begin:begin + CHUNK], history[begin:begin + CHUNK])
        if "last_visit" in values:
            new_ids = [r[names.index("id")] for r in rows]
            _write_last_visits(conn, new_ids, values["last_visit"][positions].tolist(), by, stamp)
        progress.report(total, total, writing)


def _write_last_visits(conn, ids: list[int], dates: list, by: str, stamp: str) -> None:
    """The file's 上次拜访 (last visit) column as a visit in each customer's contacts, so
    the visit obligations count from it (model.visits.due)."""
    result = translate("Import", "last visit, from the imported file")
    conn.executemany(
        "INSERT INTO contacts(customer_id, contact_date, channel, result, recorded_by, recorded_at)"
        " VALUES (?, ?, 'visit', ?, ?, ?)",
        [(cid, when, result, by, stamp) for cid, when in zip(ids, dates) if when])


def _area_ids(conn, areas: np.ndarray, area_types: np.ndarray | None) -> dict[str, int]:
    """Ids of the named areas, creating the new ones; a given area type is set
    on the area (the last one given in the file wins), as customers.area_id does."""
    frame = pd.DataFrame({"area": areas, "type": area_types if area_types is not None else None})
    frame = frame[frame["area"].notna()]
    wanted_type = frame.dropna(subset=["type"]).drop_duplicates("area", keep="last")
    wanted_type = dict(zip(wanted_type["area"], wanted_type["type"]))
    existing = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT name, id, area_type FROM areas")}
    new = [(name, wanted_type.get(name)) for name in pd.unique(frame["area"]) if name not in existing]
    conn.executemany("INSERT INTO areas(name, area_type) VALUES (?, ?)", new)
    changed = [(t, existing[name][0]) for name, t in wanted_type.items()
               if name in existing and existing[name][1] != t]
    conn.executemany("UPDATE areas SET area_type = ? WHERE id = ?", changed)
    if new:
        existing = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT name, id, area_type FROM areas")}
    return {name: ident for name, (ident, _) in existing.items()}


# -- transactions -----------------------------------------------------------

def _customer_number(raw: str) -> int | None:
    s = normalize.text(raw)
    if s is None:
        return None
    normalize.check_not_scientific(s)
    if re.fullmatch(r"\d+(?:\.0+)?", s):
        return int(float(s)) if "." in s else int(s)
    raise normalize.Invalid(translate("Import", "'{value}' is not a customer number.").format(value=s))


def _number(raw: str) -> float | None:
    normalize.check_not_scientific(raw)
    return normalize.number(raw)


def _text(raw: str) -> str | None:
    normalize.check_not_scientific(raw)
    return normalize.text(raw)


_TRANSACTION_CLEANERS = {
    "customer_id": _customer_number,
    "phone": normalize.phone,
    "txn_date": normalize.iso_date,
    "amount": _number,
    "quantity": _number,
    "product": _text,
}


def _clean_transaction_values(values: dict) -> dict:
    out, problems = {}, {}
    for key, raw in values.items():
        try:
            out[key] = _TRANSACTION_CLEANERS[key](raw)
        except normalize.Invalid as exc:
            problems[key] = str(exc)
    if problems:
        raise customers.ValidationError(problems)
    return out


def _customers_by_phone(conn) -> dict[str, set[int]]:
    """The archive's customers by each of their phone numbers."""
    by_phone: dict[str, set[int]] = {}
    for cid, phone, phone2 in conn.execute(
            "SELECT id, phone, phone2 FROM customers WHERE deleted_at IS NULL"
            " AND (phone IS NOT NULL OR phone2 IS NOT NULL)"):
        for p in (phone, phone2):
            if p:
                by_phone.setdefault(p, set()).add(cid)
    return by_phone


def _transaction_customer(table: _Table, position: int, customer_id, phone, known_ids: set,
                          by_phone: dict[str, set[int]]):
    """The customer a transaction row names (by number, else by phone), or None with the
    row's problem added."""
    if _has_problem(table, position, "customer_id") or _has_problem(table, position, "phone"):
        return None  # the customer cell itself is bad; its reason is already there
    elif customer_id is not None:
        if customer_id in known_ids:
            return customer_id
        else:
            table.add_problem(position, translate(
                "Import", "There is no customer number {number} in the archive.")
                .format(number=customer_id))
    elif phone is not None:
        matches = by_phone.get(phone, ())
        if len(matches) == 1:
            return next(iter(matches))
        elif not matches:
            table.add_problem(position, translate(
                "Import", "No customer in the archive has the phone number {phone}; import the "
                "customer first.").format(phone=phone))
        else:
            table.add_problem(position, translate(
                "Import", "{count} customers have the phone number {phone}; give the customer "
                "number instead.").format(count=len(matches), phone=phone))
    else:
        table.add_problem(position, translate(
            "Import", "The row names no customer: give a phone number or a customer number."))
    return None


def _check_transactions(conn, table: _Table, progress: Progress) -> _Plan:
    keys = [k for k in TRANSACTION_FIELDS if k in table.header]
    values = table.clean(keys, _clean_transaction_values, progress)

    known_ids = {r[0] for r in conn.execute("SELECT id FROM customers WHERE deleted_at IS NULL")}
    by_phone = _customers_by_phone(conn)

    nothing = np.full(table.n, None, dtype=object)
    ids, phones = values.get("customer_id", nothing), values.get("phone", nothing)
    dates, amounts = values["txn_date"], values["amount"]
    customer = np.full(table.n, None, dtype=object)
    for position in range(table.n):
        customer[position] = _transaction_customer(table, position, ids[position], phones[position],
                                                   known_ids, by_phone)
        if dates[position] is None and not _has_problem(table, position, "txn_date"):
            table.add_problem(position, translate("Import", "A transaction needs a date."))
        if amounts[position] is None and not _has_problem(table, position, "amount"):
            table.add_problem(position, translate("Import", "A transaction needs an amount."))

    valid = table.valid()
    quantities = values.get("quantity", nothing)
    products = values.get("product", nothing)
    positions = np.flatnonzero(valid)
    base = [f"{customer[p]}|{dates[p]}|{amounts[p]!r}|{quantities[p]!r}|{products[p] or ''}"
            for p in positions]
    occurrence = pd.Series(base, dtype=object).groupby(base, sort=False).cumcount().tolist()
    keys_for = {int(p): hashlib.sha1(f"{b}#{o}".encode()).hexdigest()
                for p, b, o in zip(positions, base, occurrence)}
    existing = _existing_import_keys(conn, list(keys_for.values()))
    duplicate = np.zeros(table.n, dtype=bool)
    found = []
    for position, key in keys_for.items():
        if key in existing:
            duplicate[position] = True
            found.append((int(table.row_numbers[position]), phones[position], translate(
                "Import", "This transaction was already imported.")))
    accepted = valid & ~duplicate

    def writer(conn, by, progress):
        take = np.flatnonzero(accepted)
        rows = [(customer[p], dates[p], amounts[p], quantities[p], products[p], keys_for[int(p)])
                for p in take]
        with database.transaction(conn):
            writing = translate("Import", "Writing to the archive…")
            for begin in range(0, len(rows), CHUNK):
                progress.report(begin, len(rows), writing)
                progress.check()
                _insert_transaction_chunk(conn, rows[begin:begin + CHUNK])
            progress.report(len(rows), len(rows), writing)
    return _Plan(accepted, found, table.problems, writer)


def _has_problem(table: _Table, position: int, key: str) -> bool:
    header = table.header.get(key)
    return header is not None and any(r.startswith(f"{header}:")
                                      for r in table.problems.get(position, ()))


def _insert_transaction_chunk(conn, rows: list[tuple]) -> None:
    conn.executemany("INSERT INTO transactions(customer_id, txn_date, amount, quantity, product,"
                     " import_key) VALUES (?, ?, ?, ?, ?, ?)", rows)


def _existing_import_keys(conn, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for begin in range(0, len(keys), 500):
        chunk = keys[begin:begin + 500]
        found.update(r[0] for r in conn.execute(
            f"SELECT import_key FROM transactions WHERE import_key IN ({', '.join('?' * len(chunk))})",
            chunk))
    return found


# -- the rejects file --------------------------------------------------------

def write_rejects(path: Path, columns: list[str], rejects: list[Reject]) -> Path:
    """The rejected rows as CSV (UTF-8 with BOM, so Excel shows Chinese): row
    number, the row's cells as in the file, and the reasons."""
    path = Path(path)
    try:
        # The one neutralising writer (model.customers.exporting.write_table), owner-only, all or nothing.
        exporting.write_table(
            path, [translate("Import", "Row"), *columns, translate("Import", "Reasons")],
            ([reject.row_number, *(reject.values.get(c, "") for c in columns),
              REASON_SEPARATOR.join(reject.reasons)] for reject in rejects),
            sheet="rejects", total=len(rejects), kind="csv")
    except database.ArchiveError as exc:
        if not isinstance(exc.__cause__, OSError):
            raise
        exc = exc.__cause__
        raise ImportFileError(translate(
            "Import", "The list of rejected rows could not be written to {path}: {error}. Choose "
            "another place for it.").format(path=path, error=exc.strerror or exc)) from None
    return path
