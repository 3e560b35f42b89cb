"""Importing transactions: finding each row's customer (by customer number or phone),
checking its cells, skipping rows already imported (an import key), and writing the
rest in chunks. Called by :func:`model.customers.importing.import_frame`."""
from __future__ import annotations

import hashlib
import re

import numpy as np
import pandas as pd

from model.archive import database
from model.core import normalize
from model.core.i18n import translate
from model.core.progress import Progress
from model.customers import customers, import_rows
from model.customers.import_headers import TRANSACTION_FIELDS
from model.customers.import_rows import ImportPlan, ImportTable, has_problem


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


def _transaction_customer(table: ImportTable, position: int, customer_id, phone, known_ids: set,
                          by_phone: dict[str, set[int]]):
    """The customer a transaction row names (by number, else by phone), or None with the
    row's problem added."""
    if has_problem(table, position, "customer_id") or has_problem(table, position, "phone"):
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


def check_transactions(conn, table: ImportTable, progress: Progress) -> ImportPlan:
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
        if dates[position] is None and not has_problem(table, position, "txn_date"):
            table.add_problem(position, translate("Import", "A transaction needs a date."))
        if amounts[position] is None and not has_problem(table, position, "amount"):
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
            for begin in range(0, len(rows), import_rows.CHUNK):
                progress.report(begin, len(rows), writing)
                progress.check()
                _insert_transaction_chunk(conn, rows[begin:begin + import_rows.CHUNK])
            progress.report(len(rows), len(rows), writing)
    return ImportPlan(accepted, found, table.problems, writer)


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
