"""Export customers to CSV (UTF-8 with BOM, so Excel shows Chinese) or ``.xlsx``.

Every field of the record goes out under a stable snake_case key (``id`` first,
then :func:`customers.record_fields`), with values an import reads back as
they were: ISO dates, dimension codes (``1.3``), area-type keys, empty cells
for unknown values. Deleted customers are not exported.

CSV injection (OWASP): a spreadsheet runs a cell that starts with ``=``, ``+``,
``-``, ``@``, tab or carriage return as a formula. In a CSV file such a *text*
cell gets a leading single quote. Numbers are not text: a real number
(latitude ``-33.9``) and a text that is just a number (``-5``) are written as
they are, since a spreadsheet reads them as numbers and runs nothing. In an
``.xlsx`` file cells are typed: a text cell is stored as a string with
Excel's own "quote prefix" style, so it is shown and kept as text, never run,
and its value is unchanged.

:func:`write_table` is THE writer of every CSV and ``.xlsx`` file the program
writes (customer and audit exports, the import's rejects file, the plan CSV):
nothing else writes a spreadsheet, so nothing escapes the neutralising.
Its files are owner-only (model.core.private_files).

A stored text damaged on disk (bytes that are not UTF-8) is exported with the
bad bytes replaced by U+FFFD; the number of such records comes back with the
count (:class:`Written`) so the caller says so.

The file is written beside the target under a temporary name and moved into
place at the end, so a failed or cancelled export never leaves a half file;
rows are read in chunks, so 100,000 customers never sit in memory at once.
"""
from __future__ import annotations

import csv
import os
import re
from model.archive.database import sqlite3
from pathlib import Path
from typing import Iterator

from model.customers import customers
from model.archive import database
from model.core import outputs, private_files
from model.core.i18n import translate
from model.core.progress import NO_PROGRESS, Progress

CHUNK = 1000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
# Characters XML (and so .xlsx) cannot hold; tab, line feed and carriage return are fine.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def record_keys(include_sensitive: bool = True) -> list[str]:
    """The keys of the customer record in an export: ``id`` then every record field
    (without the sensitive dimensions unless ``include_sensitive``)."""
    hidden = set() if include_sensitive else set(sensitive_keys())
    return ["id", *(k for k in customers.record_fields() if k not in hidden)]


def sensitive_keys() -> list[str]:
    """The columns of the dimensions marked ``sensitive`` (financial assets,
    property, risk appetite): left out of an export unless chosen."""
    from model.core import rules
    return [d.column for d in rules.dimensions() if d.sensitive]


def export_keys(conn: sqlite3.Connection, include_sensitive: bool = True) -> list[str]:
    """The column keys of an export, in order: the record, then the grades
    (value tier, opportunity grade with urgency and tracking, RFM, persona)."""
    from model.grading.queries import EXPORT_COLUMNS
    return [*record_keys(include_sensitive), *EXPORT_COLUMNS]


class Written(int):
    """The number of rows written; ``damaged`` of them held text damaged on disk
    (written with the bad bytes replaced)."""

    damaged: int = 0

    @classmethod
    def of(cls, rows: int, damaged: int) -> "Written":
        result = cls(rows)
        result.damaged = damaged
        return result


def damaged_note(written: "Written | int") -> str | None:
    """The sentence to show after writing rows of which some held damaged text."""
    damaged = getattr(written, "damaged", 0)
    if not damaged:
        return None
    return translate("Export", "{count} records hold text damaged in the archive file; they were "
                     "written with the unreadable bytes replaced by �. Check the archive (Archive → "
                     "Check archive, or 'python main.py check') and restore a backup if it reports "
                     "damage.").format(count=damaged)


class ReasonNeeded(database.ArchiveError):
    """An export of more than :data:`audit.REASON_THRESHOLD` customers without a reason."""


def export_count(conn: sqlite3.Connection, customer_ids: list[int] | None = None) -> int:
    """How many customers an export of ``customer_ids`` (None: everyone) writes."""
    if customer_ids is None:
        return conn.execute("SELECT count(*) FROM customers WHERE deleted_at IS NULL").fetchone()[0]
    wanted = {int(i) for i in customer_ids}
    found = 0
    ids = list(wanted)
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        found += conn.execute(
            f"SELECT count(*) FROM customers WHERE deleted_at IS NULL AND id IN "
            f"({', '.join('?' * len(part))})", part).fetchone()[0]
    return found


def needs_reason(count: int) -> bool:
    from model.archive import audit
    return count > audit.REASON_THRESHOLD


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet treat this text cell as a formula (OWASP CSV injection)?"""
    return text.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text)


def unneutralised(text):
    """The text a neutralised CSV cell stood for: ``'=SUM(A1)`` → ``=SUM(A1)``, so an
    export imports back unchanged; any other value is returned as it is."""
    if isinstance(text, str) and text.startswith("'") and is_formula_like(text[1:]):
        return text[1:]
    return text


def csv_cell(value) -> str:
    """A value as a CSV cell: empty for None, numbers as they are (whole ones without ".0"), formula-like
    text neutralised with a leading single quote."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))          # a whole amount as typed and as a sheet shows it: 760000
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    return "'" + text if is_formula_like(text) else text


def export_customers(conn: sqlite3.Connection, out_path: Path | str,
                     customer_ids: list[int] | None = None,
                     progress: Progress | None = None, *, include_sensitive: bool = False,
                     reason: str | None = None, by: str = "") -> int:
    """Write the customers (all, or ``customer_ids`` in that order) to ``out_path``;
    ``.csv`` or ``.xlsx`` by its suffix. Returns the number of rows written.

    The sensitive dimensions are left out unless ``include_sensitive``. More
    than :data:`audit.REASON_THRESHOLD` customers need a ``reason``
    (:class:`ReasonNeeded` otherwise). The export is recorded in the audit
    trail (who, the file, how many, the reason, whether sensitive fields went out)."""
    from model.archive import audit
    check_target(Path(out_path))
    reason = (reason or "").strip() or None
    total = export_count(conn, customer_ids)
    if needs_reason(total) and not reason:
        raise ReasonNeeded(translate(
            "Export", "Exporting {count} customers (more than {limit}) needs a reason, which is "
            "kept in the audit trail. Give the reason and export again.")
            .format(count=total, limit=audit.REASON_THRESHOLD))
    keys = export_keys(conn, include_sensitive)
    out = Path(out_path).resolve()
    # The file is there with its audit entry, or neither (the entry is written once the
    # file is whole; the file moves into place only when the entry is in).
    with outputs.staged(out) as (part,):
        written = write_table(part, keys, _rows(conn, record_keys(include_sensitive), customer_ids,
                                                _grade_cells(conn, customer_ids)),
                              sheet=translate("Export", "Customers"), total=total, progress=progress)
        audit.record(conn, "export", out.name, written, by, reason,
                     detail={"file": str(out), "scope": "all" if customer_ids is None else "selection",
                             "sensitive": bool(include_sensitive),
                             **({"damaged_text": written.damaged} if written.damaged else {})})
    return written


def write_table(out_path: Path | str, keys: list[str], rows, *, sheet: str, total: int,
                progress: Progress | None = None, kind: str | None = None) -> int:
    """Write a header (``keys``) and ``rows`` to ``out_path`` (.csv UTF-8 with BOM,
    formula-like text neutralised; or .xlsx, text typed as text), through a
    temporary file moved into place at the end. Returns the rows written."""
    out = Path(out_path)
    if kind is None:
        check_target(out)
        kind = "csv" if out.suffix.lower() == ".csv" else "xlsx"
    progress = progress or NO_PROGRESS
    rows = _Counted(iter(rows), total, progress)
    try:
        temporary = private_files.temporary_beside(out)
    except OSError as exc:
        raise database.ArchiveError(
            translate("Export", "Could not write {path}: {reason}. Nothing was exported; check the "
                      "disk has space and the file is not open in another program.")
            .format(path=out, reason=exc.strerror or exc)) from exc
    try:
        if kind == "csv":
            _write_csv(temporary, keys, rows)
        else:
            _write_xlsx(temporary, keys, rows, sheet)
        os.replace(temporary, out)
    except OSError as exc:
        _remove(temporary)
        raise database.ArchiveError(
            translate("Export", "Could not write {path}: {reason}. Nothing was exported; check the "
                      "disk has space and the file is not open in another program.")
            .format(path=out, reason=exc.strerror or exc)) from exc
    except BaseException:
        _remove(temporary)
        raise
    return Written.of(rows.written, rows.damaged)


def check_target(out: Path) -> None:
    """Refuse a target that is not a .csv or .xlsx file in an existing folder."""
    if out.suffix.lower() not in (".csv", ".xlsx"):
        raise database.ArchiveError(
            translate("Export", "Kehu exports to .csv or .xlsx files, not '{suffix}'. Give the file "
                      "name the ending .csv or .xlsx.").format(suffix=out.suffix or out.name))
    if not out.parent.is_dir():
        raise database.ArchiveError(
            translate("Export", "The folder {folder} does not exist. Choose an existing folder.")
            .format(folder=out.parent))
    if out.is_dir():
        raise database.ArchiveError(
            translate("Export", "{path} is a folder. Give a file name to export to.").format(path=out))


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _grade_cells(conn: sqlite3.Connection, customer_ids: list[int] | None) -> dict[int, list]:
    """customer id -> the grade columns' cells (labels in the user's language)."""
    from model import grading
    frame = grading.export_frame(conn, customer_ids)
    frame = frame.astype(object).where(frame.notna(), None)
    return {int(i): list(row) for i, row in zip(frame.index, frame.itertuples(index=False,
                                                                              name=None))}


def _rows(conn: sqlite3.Connection, keys: list[str], customer_ids: list[int] | None,
          grades: dict[int, list]) -> Iterator[list]:
    """The export rows (the record's keys, then the grade cells), read a chunk at a time."""
    blank = [None] * len(next(iter(grades.values()), []))
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    if customer_ids is None:
        cursor.execute(customers.SELECT_CUSTOMER + " WHERE c.deleted_at IS NULL ORDER BY c.id")
        while batch := cursor.fetchmany(CHUNK):
            for row in batch:
                yield [row[k] for k in keys] + grades.get(row["id"], blank)
        return
    for start in range(0, len(customer_ids), CHUNK):
        wanted = [int(i) for i in customer_ids[start:start + CHUNK]]
        marks = ", ".join("?" * len(wanted))
        found = {row["id"]: row for row in cursor.execute(
            customers.SELECT_CUSTOMER + f" WHERE c.deleted_at IS NULL AND c.id IN ({marks})",
            wanted)}
        for customer_id in wanted:
            row = found.get(customer_id)
            if row is not None:
                yield [row[k] for k in keys] + grades.get(customer_id, blank)


class _Counted:
    """The rows, counted; every CHUNK rows it checks for cancel and reports progress."""

    def __init__(self, rows: Iterator[list], total: int, progress: Progress):
        self.rows, self.total, self.progress = rows, total, progress
        self.written = 0
        self.damaged = 0

    def __iter__(self) -> Iterator[list]:
        mark = database.DAMAGED_TEXT_MARK
        for row in self.rows:
            if any(isinstance(v, str) and mark in v for v in row):
                self.damaged += 1
            yield row
            self.written += 1
            if self.written % CHUNK == 0:
                self.progress.check()
                self.report()

    def report(self) -> None:
        self.progress.report(self.written, self.total, translate("Export", "Exporting customers…"))


def _write_csv(path: Path, keys: list[str], rows: _Counted) -> None:
    with private_files.open_private(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(keys)
        for row in rows:
            writer.writerow([csv_cell(v) for v in row])
    rows.report()


def _write_xlsx(path: Path, keys: list[str], rows: _Counted, sheet_name: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name)
    sheet.freeze_panes = "A2"
    for number, key in enumerate(keys, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = 24 if key == "address" else 14
    bold = Font(bold=True)
    header = []
    for key in keys:
        cell = WriteOnlyCell(sheet, value=key)
        cell.font = bold
        header.append(cell)
    sheet.append(header)

    def cell(value):
        if not isinstance(value, str):
            return value
        value = _NOT_IN_XML.sub("", value)
        if not value.startswith(FORMULA_START):
            return value
        typed = WriteOnlyCell(sheet, value=value)
        typed.data_type = "s"  # openpyxl would store '=...' as a formula
        typed.quotePrefix = True
        return typed

    for row in rows:
        sheet.append([cell(v) for v in row])
    rows.progress.check()
    with private_files.open_private(path, "wb") as handle:
        book.save(handle)
    rows.report()
