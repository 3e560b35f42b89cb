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

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from model.customers import exporting
from model.archive import database
from model.core import normalize, rules, table_files
from model.core.i18n import translate
from model.customers.import_headers import (KINDS, HeaderMatch, check_mapping, field_label,
                                  fields_for, find_header_row, header_field, match_headers)
from model.core.progress import Progress
from model.core.table_files import ImportFileError, head_rows, read_table
from model.customers.import_customers import check_customers
from model.customers.import_rows import CHUNK, ImportTable, Reject  # noqa: F401 (CHUNK: re-exported)
from model.customers.import_transactions import check_transactions

# The import's whole public API, so the GUI needs only this module.
__all__ = ["ImportFileError", "HeaderMatch", "Reject", "ImportResult", "KINDS", "fields_for",
           "field_label", "header_field", "match_headers", "check_mapping", "import_file", "import_frame",
           "read_table", "read_import_table", "head_rows", "find_header_row", "maps_phone",
           "summary_rows", "default_rejects_path",
           "write_rejects"]

REASON_SEPARATOR = " | "
"""Between a rejected row's reasons, in the rejects file and on the terminal."""


# -- results ---------------------------------------------------------------

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
    table = ImportTable(frame, match)
    if kind == "customers":
        plan = check_customers(conn, table, progress, normalize.text(manager) or normalize.text(by))
    else:
        plan = check_transactions(conn, table, progress)
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
