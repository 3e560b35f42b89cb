"""Importing customers: checking each row (normalised once per distinct value),
finding duplicates by :func:`model.customers.customers.identity`, and writing the
accepted rows in chunks. Called by :func:`model.customers.importing.import_frame`."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from model.archive import database
from model.core import normalize
from model.core.i18n import translate
from model.core.progress import Progress
from model.customers import customers, import_rows
from model.customers.import_headers import fields_for
from model.customers.import_rows import ImportPlan, ImportTable, has_problem


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


def check_customers(conn, table: ImportTable, progress: Progress, manager: str | None = None) -> ImportPlan:
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
    return ImportPlan(accepted, found, table.problems, writer)


def _phone2(values: dict, position: int) -> str | None:
    phone2 = values.get("phone2")
    return None if phone2 is None else phone2[position]


def _check_coordinates(table: ImportTable, values: dict) -> None:
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
        if not (has_problem(table, position, "latitude") or has_problem(table, position, "longitude")):
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
        for begin in range(0, total, import_rows.CHUNK):
            progress.report(begin, total, writing)
            progress.check()
            end = begin + import_rows.CHUNK
            _insert_customer_chunk(conn, sql, rows[begin:end], history[begin:end])
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
