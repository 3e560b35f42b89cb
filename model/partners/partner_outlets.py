"""The retail outlets a partner covers (DOMAIN.md §3): listed by hand or imported from
CSV / .xlsx with the customer import's rules (:mod:`model.core.table_files` reads the
file; a row with a bad cell is rejected with its reasons and, unless ``partial``, nothing
is written; a rejects file lists them). An outlet can be linked to a customer of the
archive, which is where the partner's actuals come from. The import takes ``progress``
(reported every :data:`model.partners.partners.STEP` rows written; a cancel rolls it all back).

    result = partner_outlets.import_outlets(conn, partner_id, "网点.xlsx", settings.user_name())
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from model.archive import database
from model.archive.database import sqlite3
from model.core import name_order, normalize, table_files
from model.core.i18n import translate
from model.core.progress import Progress
from model.partners.partners import STEP, time_stamp, get

@dataclass
class Outlet:
    name: str
    address: str | None = None
    phone: str | None = None
    channel: str | None = None
    customer_id: int | None = None
    id: int | None = None
    customer_name: str | None = None


def outlets(conn: sqlite3.Connection, partner_id: int) -> list[Outlet]:
    return name_order.by_pinyin((
        Outlet(r["name"], r["address"], r["phone"], r["channel"], r["customer_id"], r["id"], r["customer_name"])
        for r in conn.execute(
            "SELECT o.*, c.name AS customer_name FROM partner_outlets o LEFT JOIN customers c"
            " ON c.id = o.customer_id AND c.deleted_at IS NULL WHERE o.partner_id = ? ORDER BY o.id",
            (partner_id,))), lambda o: o.name)


def add_outlets(conn: sqlite3.Connection, partner_id: int, items: list[Outlet], by: str,
                progress: Progress | None = None) -> int:
    """Add outlets (already clean) in one transaction; returns how many. Between steps the
    progress is reported, and a cancel rolls all of them back."""
    get(conn, partner_id)
    progress = progress or Progress()
    stamp = time_stamp()
    with database.transaction(conn):
        for start in range(0, len(items), STEP):
            step = items[start:start + STEP]
            conn.executemany("INSERT INTO partner_outlets(partner_id, name, address, phone, channel, customer_id,"
                             " added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             [(partner_id, o.name, o.address, o.phone, o.channel, o.customer_id, stamp, by)
                              for o in step])
            progress.report(start + len(step), len(items))
            progress.check()
    return len(items)


def delete_outlet(conn: sqlite3.Connection, outlet_id: int) -> None:
    with database.transaction(conn):
        conn.execute("DELETE FROM partner_outlets WHERE id = ?", (outlet_id,))


# Header names an outlet file may use (checked after NFKC and lower-casing).
OUTLET_HEADERS = {
    "name": ("name", "outlet", "outlet name", "store", "网点", "网点名称", "门店", "门店名称", "店名", "名称", "终端"),
    "address": ("address", "地址", "网点地址", "门店地址"),
    "phone": ("phone", "mobile", "tel", "电话", "手机", "联系电话"),
    "channel": ("channel", "type", "kind", "类型", "渠道", "业态"),
    "customer": ("customer", "customer id", "customer number", "客户编号", "客户号", "客户id"),
}


def _outlet_mapping(columns: list[str]) -> dict[str, str]:
    found = {}
    for column in columns:
        folded = (normalize.text(column) or "").lower()
        for key, names in OUTLET_HEADERS.items():
            if folded in names and key not in found:
                found[key] = column
    return found


def _outlet_customer(raw_customer: str | None, phone: str | None, mapping: dict, customer_ids: set,
                     by_phone: dict[str, int], reasons: list) -> int | None:
    """The customer an outlet row links to: its customer number, else the customer with its
    phone; a customer number the archive does not have goes to reasons."""
    if raw_customer:
        number = raw_customer[:-2] if raw_customer.endswith(".0") else raw_customer
        if not number.isdigit() or int(number) not in customer_ids:
            reasons.append(translate("Partners", "{column}: there is no customer number {value} in the archive.")
                           .format(column=mapping["customer"], value=raw_customer))
            return None
        return int(number)
    if phone:
        return by_phone.get(phone)
    return None


def import_outlets(conn: sqlite3.Connection, partner_id: int, path: Path | str, by: str, *, partial: bool = False,
                   dry_run: bool = False, rejects_path: Path | str | None = None,
                   progress: Progress | None = None):
    """Import the outlets a partner covers from a CSV or .xlsx file, with the customer
    import's rules: each bad row is rejected with its reasons (empty name, bad phone,
    unknown customer number) and then nothing is written unless ``partial``; an outlet
    already listed for the partner (same name and address), or earlier in the file, is
    a duplicate. An outlet whose phone is a customer's phone is linked to that customer.
    Returns an :class:`model.customers.importing.ImportResult` (kind 'outlets')."""
    from model.customers import importing
    get(conn, partner_id)
    progress = progress or Progress()
    frame = table_files.read_table(path)
    mapping = _outlet_mapping(list(frame.columns))
    if "name" not in mapping:
        raise table_files.ImportFileError(translate(
            "Partners", "The file has no column for the outlet's name (a header such as 网点名称, 门店 or name). "
                        "Its columns are: {columns}.").format(columns=", ".join(map(str, frame.columns[:20]))))
    customer_ids = {r[0] for r in conn.execute("SELECT id FROM customers WHERE deleted_at IS NULL")}
    by_phone: dict[str, int] = {}
    for r in conn.execute("SELECT id, phone, phone2 FROM customers WHERE deleted_at IS NULL ORDER BY id"):
        for number in (r["phone"], r["phone2"]):
            if number:
                by_phone.setdefault(number, r["id"])
    known = {(o.name, o.address or "") for o in outlets(conn, partner_id)}
    seen: dict[tuple[str, str], int] = {}
    accepted: list[Outlet] = []
    rejects: list = []
    duplicates: list[tuple[int, str | None, str]] = []
    columns = [str(c) for c in frame.columns]
    total = len(frame)
    for n, (row_number, row) in enumerate(frame.iterrows()):
        reasons = []
        def cell(key, row=row):
            return row[mapping[key]] if key in mapping else ""
        name = normalize.text(cell("name"))
        if not name:
            reasons.append(translate("Partners", "{column}: the outlet has no name.").format(column=mapping["name"]))
        phone = None
        try:
            phone = normalize.phone(cell("phone"))
        except normalize.Invalid as exc:
            reasons.append(translate("Import", "{column}: {reason}").format(column=mapping["phone"], reason=exc))
        customer_id = _outlet_customer(normalize.text(cell("customer")), phone, mapping, customer_ids, by_phone,
                                       reasons)
        if reasons:
            rejects.append(importing.Reject(int(row_number), {c: str(row[c]) for c in columns}, reasons))
            continue
        address = normalize.text(cell("address"))
        key = (name, address or "")
        if key in known:
            duplicates.append((int(row_number), phone, translate("Partners", "This outlet is already listed for the "
                                                                             "partner.")))
        elif key in seen:
            duplicates.append((int(row_number), phone, translate("Partners", "The same outlet is on row {row}.")
                               .format(row=seen[key])))
        else:
            seen[key] = int(row_number)
            accepted.append(Outlet(name, address, phone, normalize.text(cell("channel")), customer_id))
        if n % 1000 == 999:
            progress.report(n + 1, total)
            progress.check()
    write = not dry_run and (partial or not rejects)
    written_rejects = None
    if rejects and (rejects_path is not None or not dry_run):
        written_rejects = importing.write_rejects(
            Path(rejects_path) if rejects_path else importing.default_rejects_path(path), columns, rejects)
    if write and accepted:
        progress.check()
        add_outlets(conn, partner_id, accepted, by, progress)
    return importing.ImportResult(
        kind="outlets", rows=total, imported=len(accepted), rejected=len(rejects), duplicates=len(duplicates),
        rejects=rejects, duplicate_rows=duplicates, rejects_path=written_rejects, written=write, dry_run=dry_run,
        blank_rows=int(frame.attrs.get("blank_rows", 0)),
        ignored_columns=[c for c in columns if c not in mapping.values()])
