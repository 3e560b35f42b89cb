"""Importing a key account's regions and stores, or its volume per period, from a CSV or
.xlsx file.

    result = store_import.import_file(conn, account_id, "门店清单.xlsx", by=settings.user_name())

The file is read like a customer import (:func:`model.core.table_files.read_table`:
every encoding Chinese offices produce, .xlsx, spreadsheet row numbers) and
follows the same rules (:mod:`model.customers.importing`): a row with any bad cell is
rejected with its reasons, all or nothing unless ``partial``, a rejects file
beside the file, and ``imported + rejected + duplicates == rows``.

Columns (headers in Chinese or English, see :data:`HEADERS`): the store code and
name (required), the type (门店 store / 大区 region; empty: store), the parent
region's code, address, city, latitude, longitude, notes. A region row defines a
region (directly under the head office); a store's parent must be a region of the
account or a region row of the same file. Rejected: a missing name or code, an
unknown parent (or a parent that is a store), a code used twice in the file, bad
coordinates. A code already in the account is a duplicate and skipped, so the same
file imported twice adds nothing the second time.

:func:`import_volumes` reads period (2026, 2026-Q3, 2026-07, 2026年7月 ...), volume and
target columns by the same rules; a period already entered is overwritten by the file's
figures (a corrected export replaces the old one), a period twice in the file is rejected.

Both take ``progress`` (:class:`model.core.progress.Progress`): the rows written are
reported every :data:`STEP` rows, and a cancel (``progress.check()`` raising
:class:`~model.core.progress.Cancelled`) rolls the whole import back.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from model.archive import database
from model.key_accounts import ka_volumes, key_accounts
from model.core import normalize
from model.customers.customers import ValidationError
from model.core.i18n import translate
from model.customers.import_headers import fold_header
from model.customers.importing import ImportResult, Reject, default_rejects_path, write_rejects
from model.core.progress import Progress
from model.core.table_files import ImportFileError, read_table

HEADERS = {
    "code": ("code", "store code", "store number", "门店编号", "门店编码", "门店代码", "店号", "编号", "编码", "代码"),
    "name": ("name", "store", "store name", "门店名称", "门店", "店名", "名称"),
    "kind": ("kind", "type", "level", "类型", "层级", "级别"),
    "parent": ("parent", "parent code", "region", "region code", "上级", "上级编号", "上级编码", "所属大区",
               "大区", "区域", "所属区域"),
    "address": ("address", "地址", "门店地址"),
    "city": ("city", "城市", "所在城市"),
    "latitude": ("latitude", "lat", "纬度"),
    "longitude": ("longitude", "lng", "lon", "经度"),
    "notes": ("notes", "note", "备注"),
}
REQUIRED = ("code", "name")
STEP = 200      # rows written between two progress reports (and chances to cancel)


VOLUME_HEADERS = {
    "period": ("period", "month", "quarter", "year", "期间", "月份", "季度", "年度", "时间"),
    "volume": ("volume", "actual", "sales", "quantity", "销量", "实际", "实际销量", "交易量", "数量"),
    "target": ("target", "目标", "目标销量", "任务", "任务量"),
}


def match_columns(columns, headers: dict = HEADERS) -> dict[str, str]:
    """field → the file's column, for the columns recognised (first one wins)."""
    table = {fold_header(h): key for key, names in headers.items() for h in names}
    found: dict[str, str] = {}
    for column in columns:
        key = table.get(fold_header(column))
        if key and key not in found:
            found[key] = str(column)
    return found


def import_file(conn, account_id: int, path: Path | str, *, partial: bool = False, dry_run: bool = False,
                rejects_path: Path | None = None, by: str, progress: Progress | None = None) -> ImportResult:
    """Read ``path`` and import its regions and stores into the account."""
    frame = read_table(path)
    return import_frame(conn, account_id, frame, partial=partial, dry_run=dry_run,
                        rejects_path=rejects_path or default_rejects_path(path), by=by, progress=progress)


def import_frame(conn, account_id: int, frame: pd.DataFrame, *, partial: bool = False, dry_run: bool = False,
                 rejects_path: Path | None = None, by: str, progress: Progress | None = None) -> ImportResult:
    progress = progress or Progress()
    key_accounts.get_account(conn, account_id)       # a clear message for an unknown account
    columns = match_columns(frame.columns)
    missing = [k for k in REQUIRED if k not in columns]
    if missing:
        raise ImportFileError(translate(
            "KeyAccounts", "The file has no column for the store's {fields}. Its columns are: {columns}. The first "
            "row must hold headers such as 门店编号, 门店名称, 类型, 所属大区 (code, name, type, parent region).")
            .format(fields=" / ".join(_field_label(k) for k in missing),
                    columns=", ".join(str(c) for c in frame.columns[:30])))
    cells, row_numbers = _cells(frame)
    problems: dict[int, list[str]] = {}
    cleaned: list[dict | None] = []
    for position, row in enumerate(cells):
        values = {key: row[column] for key, column in columns.items()}
        try:
            cleaned.append(key_accounts.clean_store(values))
        except ValidationError as exc:
            cleaned.append(None)
            problems[position] = [translate("Import", "{column}: {reason}").format(
                column=columns.get(key, key) if key in columns else _field_label(key), reason=reason)
                for key, reason in exc.problems.items()]
        if position % 1000 == 999:
            progress.check()
    existing = {s.code: s for s in key_accounts.stores(conn, account_id)}
    first_row: dict[str, int] = {}
    duplicates: list[tuple[int, str | None, str]] = []
    duplicate = set()
    for position, values in enumerate(cleaned):
        if values is None:
            continue
        code = values["code"]
        if code in existing:
            duplicate.add(position)
            duplicates.append((row_numbers[position], None, translate(
                "KeyAccounts", "The code {code} is already in this account.").format(code=code)))
        elif code in first_row:
            problems.setdefault(position, []).append(translate(
                "KeyAccounts", "{column}: the code {code} is used twice (row {row} has it too).").format(
                column=columns["code"], code=code, row=first_row[code]))
        else:
            first_row[code] = row_numbers[position]
    # Parents: regions of the account, and the region rows of this file that are good.
    regions = {code for code, s in existing.items() if s.is_region}
    regions |= {v["code"] for p, v in enumerate(cleaned)
                if v is not None and p not in problems and p not in duplicate and v.get("kind") == key_accounts.REGION}
    stores_known = {code for code, s in existing.items() if not s.is_region}
    for position, values in enumerate(cleaned):
        if values is None or not values.get("parent"):
            continue
        parent = values["parent"]
        if parent in regions:
            continue
        column = columns.get("parent", "parent")
        if parent in stores_known or any(v is not None and v["code"] == parent and v.get("kind") != key_accounts.REGION
                                         for v in cleaned):
            reason = translate("KeyAccounts", "{column}: {code} is a store, not a region; a store sits under a "
                                              "region or directly under the head office.")
        else:
            reason = translate("KeyAccounts", "{column}: there is no region {code} in this account or in the file "
                                              "(add the region as a row of type 大区, or leave the cell empty).")
        problems.setdefault(position, []).append(reason.format(column=column, code=parent))
    accepted = [p for p, v in enumerate(cleaned) if v is not None and p not in problems and p not in duplicate]
    return _finish("stores", frame, columns, cells, row_numbers, problems, duplicates, rejects_path, dry_run,
                   partial, progress, lambda: _write(conn, account_id, [cleaned[p] for p in accepted], by, progress),
                   len(accepted))


def _finish(kind: str, frame: pd.DataFrame, columns: dict, cells: list[dict], row_numbers: list, problems: dict,
            duplicates: list, rejects_path, dry_run: bool, partial: bool, progress: Progress, write_rows,
            accepted: int) -> ImportResult:
    """The rejects (and their file), the all-or-nothing decision, the write, the counts."""
    original = list(frame.columns)
    rejects = [Reject(int(row_numbers[p]), {c: cells[p][c] for c in original}, problems[p]) for p in sorted(problems)]
    write = not dry_run and (partial or not rejects)
    written_rejects = write_rejects(Path(rejects_path), original, rejects) if rejects and rejects_path else None
    if write:
        progress.check()
        write_rows()
    return ImportResult(kind=kind, rows=len(cells), imported=accepted, rejected=len(rejects),
                        duplicates=len(duplicates), rejects=rejects, duplicate_rows=duplicates,
                        rejects_path=written_rejects, written=write, dry_run=dry_run,
                        blank_rows=int(frame.attrs.get("blank_rows", 0)),
                        ignored_columns=[str(c) for c in original if str(c) not in columns.values()])


def _cells(frame: pd.DataFrame) -> tuple[list[dict], list]:
    row_numbers = list(frame.index) if frame.index.name == "row" else list(range(2, 2 + len(frame)))
    return frame.astype(str).to_dict("records"), row_numbers


def import_volumes(conn, account_id: int, path: Path | str, *, partial: bool = False, dry_run: bool = False,
                   rejects_path: Path | None = None, by: str, progress: Progress | None = None) -> ImportResult:
    """Read ``path`` (period, volume, target) and enter each period's figures for the account."""
    frame = read_table(path)
    return import_volume_frame(conn, account_id, frame, partial=partial, dry_run=dry_run,
                               rejects_path=rejects_path or default_rejects_path(path), by=by, progress=progress)


def import_volume_frame(conn, account_id: int, frame: pd.DataFrame, *, partial: bool = False,
                        dry_run: bool = False, rejects_path: Path | None = None, by: str,
                        progress: Progress | None = None) -> ImportResult:
    progress = progress or Progress()
    key_accounts.get_account(conn, account_id)
    columns = match_columns(frame.columns, VOLUME_HEADERS)
    if "period" not in columns or not ({"volume", "target"} & set(columns)):
        raise ImportFileError(translate(
            "KeyAccounts", "The file needs a period column and a volume or target column. Its columns are: "
            "{columns}. Use headers such as 期间, 销量, 目标 (period, volume, target).")
            .format(columns=", ".join(str(c) for c in frame.columns[:30])))
    cells, row_numbers = _cells(frame)
    problems: dict[int, list[str]] = {}
    good: dict[int, tuple[str, float | None, float | None]] = {}
    first_row: dict[str, int] = {}
    for position, row in enumerate(cells):
        reasons, values = [], {}
        for key in ("period", "volume", "target"):
            if key not in columns:
                values[key] = None
                continue
            try:
                if key == "period":
                    values[key] = ka_volumes.period_key(row[columns[key]])
                else:
                    values[key] = ka_volumes.amount(row[columns[key]], key)
            except normalize.Invalid as exc:
                reasons.append(translate("Import", "{column}: {reason}").format(column=columns[key], reason=exc))
        if not reasons and values["volume"] is None and values["target"] is None:
            reasons.append(translate("KeyAccounts", "The row has neither a volume nor a target."))
        if not reasons:
            if values["period"] in first_row:
                reasons.append(translate("KeyAccounts", "{column}: the period {period} is given twice (row {row} "
                                                        "has it too).").format(column=columns["period"],
                                                                               period=values["period"],
                                                                               row=first_row[values["period"]]))
            else:
                first_row[values["period"]] = row_numbers[position]
        if reasons:
            problems[position] = reasons
        else:
            good[position] = (values["period"], values["volume"], values["target"])
    if len(cells) > 1000:
        progress.check()

    def write():
        rows = list(good.values())
        with database.transaction(conn):
            for n, (period, volume, target) in enumerate(rows):
                ka_volumes.set_volume(conn, account_id, period, volume, target, by)
                if n % STEP == STEP - 1:
                    progress.report(n + 1, len(rows))
                    progress.check()        # cancelled: the transaction rolls back, nothing entered
    return _finish("volumes", frame, columns, cells, row_numbers, problems, [], rejects_path, dry_run, partial,
                   progress, write, len(good))


def _write(conn, account_id: int, rows: list[dict], by: str, progress: Progress) -> None:
    """Insert the regions, then the stores under them, in one transaction; between steps
    the progress is reported and a cancel rolls all of it back."""
    stamp = key_accounts.now_stamp()
    regions = [r for r in rows if r.get("kind") == key_accounts.REGION]
    stores = [r for r in rows if r.get("kind") != key_accounts.REGION]
    sql = ("INSERT INTO ka_stores(account_id, kind, code, name, parent_id, address, city, latitude, longitude, notes,"
           " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")

    def values(r: dict, kind: str, parent: int | None) -> tuple:
        return (account_id, kind, r["code"], r["name"], parent, r.get("address"), r.get("city"), r.get("latitude"),
                r.get("longitude"), r.get("notes"), stamp, by)
    total = len(rows)
    with database.transaction(conn):
        for start in range(0, len(regions), STEP):
            conn.executemany(sql, [values(r, key_accounts.REGION, None) for r in regions[start:start + STEP]])
            progress.report(start + len(regions[start:start + STEP]), total)
            progress.check()
        ids = {code: i for code, i in conn.execute(
            "SELECT code, id FROM ka_stores WHERE account_id = ? AND kind = 'region'", (account_id,))}
        for start in range(0, len(stores), STEP):
            conn.executemany(sql, [values(r, key_accounts.STORE, ids[r["parent"]] if r.get("parent") else None)
                                   for r in stores[start:start + STEP]])
            progress.report(len(regions) + start + len(stores[start:start + STEP]), total)
            progress.check()


def _field_label(key: str) -> str:
    return {"code": translate("KeyAccounts", "code"), "name": translate("KeyAccounts", "name"),
            "kind": translate("KeyAccounts", "type"), "parent": translate("KeyAccounts", "parent region"),
            "latitude": translate("KeyAccounts", "latitude"), "longitude": translate("KeyAccounts", "longitude")
            }.get(key, key)

