"""Reading a spreadsheet file into a table of strings: CSV in any of the
encodings Chinese offices produce, and Excel ``.xlsx``.

Every cell is read as text, so a phone number or an ID keeps its leading zeros
and nothing is guessed to be a number or a date here; ``model/customers/importing.py``
normalises each column. The returned frame's index is the row number the user
sees in the spreadsheet (the header is row 1), and fully blank rows are left
out (their count is in ``frame.attrs["blank_rows"]``).
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import warnings
from datetime import date, datetime, time
from pathlib import Path

import numpy as np
import pandas as pd

from model.core.errors import ArchiveError
from model.core.i18n import translate

ROW_INDEX_NAME = "row"
"""The name of the index of a frame from :func:`read_table`: spreadsheet row numbers."""

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or an encrypted workbook
_DELIMITERS = (",", "\t", ";", "|")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Excel keeps 15 significant digits: a number cell this large has lost digits.
_EXACT_LIMIT = 10 ** 15


class ImportFileError(ArchiveError):
    """The file cannot be read, or is not a table; ``str()`` says what to do."""


def read_table(path: Path | str, nrows: int | None = None, header_row: int = 1) -> pd.DataFrame:
    """The file's rows as a DataFrame of ``str`` cells (empty cell: ``""``).

    The headers are on spreadsheet row ``header_row`` (1 unless a title or
    notes stand above them); the rows above it are left out. The index holds
    spreadsheet row numbers; blank rows are dropped. ``nrows`` limits how many
    rows (blank ones included) are read, for a preview. Raises
    :class:`ImportFileError` when the file cannot be read or holds no table.
    """
    path = Path(path)
    _check_file(path)
    if _is_xlsx(path):
        frame = _read_xlsx(path, nrows, header_row)
    else:
        frame = _read_csv(path, nrows, header_row)
    return _finish(frame, path, header_row)


def head_rows(path: Path | str, count: int = 20) -> list[list[str]]:
    """The first ``count`` rows of the file as they are (no header), for finding
    the header row and letting the user choose it."""
    path = Path(path)
    _check_file(path)
    if _is_xlsx(path):
        try:
            frame = pd.read_excel(path, engine="openpyxl", header=None, nrows=count, dtype=object)
        except Exception:  # noqa: BLE001 - any failure to parse the user's file is a file problem
            raise _not_a_workbook(path) from None
        return [[cell_text(v) for v in row] for row in frame.itertuples(index=False)]
    text = decode(path.read_bytes(), path)
    lines = text.splitlines()[:count]
    return [row for row in csv.reader(lines, delimiter=_delimiter(lines))]


def _delimiter(lines: list[str]) -> str:
    """The separator of a CSV: the one a line uses most of, among the first lines
    (a title line above the header may have none)."""
    counts = {d: max((line.count(d) for line in lines[:30]), default=0) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _is_xlsx(path: Path) -> bool:
    with open(path, "rb") as handle:
        head = handle.read(8)
    return head.startswith(_ZIP_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm")


def _check_file(path: Path) -> None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise ImportFileError(translate("Import", "There is no file {path}.").format(path=path)) from None
    except OSError as exc:
        raise ImportFileError(translate("Import", "The file {path} cannot be opened: {error}")
                              .format(path=path, error=exc.strerror or exc)) from None
    if path.is_dir():
        raise ImportFileError(translate("Import", "{path} is a folder, not a file.").format(path=path))
    if head.startswith(_OLE_MAGIC):
        raise ImportFileError(translate(
            "Import", "{path} is an old Excel .xls file or a password-protected workbook. Open it in "
            "Excel or WPS, remove any password and save it as .xlsx or CSV, then import that.")
            .format(path=path))


# -- CSV -------------------------------------------------------------------

def _read_csv(path: Path, nrows: int | None, header_row: int = 1) -> pd.DataFrame:
    data = path.read_bytes()
    text = decode(data, path)
    if not text.strip():
        raise ImportFileError(translate("Import", "{path} is empty.").format(path=path))
    if _CONTROL.search(text[:65536]):
        raise _not_a_table(path)
    if header_row > 1:
        lines = text.splitlines(keepends=True)
        text = "".join(lines[header_row - 1:])
        if not text.strip():
            raise ImportFileError(translate("Import", "{path} has no row {row}.").format(
                path=path, row=header_row))
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    sep = max(_DELIMITERS, key=first_line.count) if any(d in first_line for d in _DELIMITERS) else ","
    try:
        with warnings.catch_warnings():
            # A first row longer than the header would be cut short with only a warning.
            warnings.simplefilter("error", pd.errors.ParserWarning)
            return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False,
                               skip_blank_lines=False, nrows=nrows, quoting=csv.QUOTE_MINIMAL,
                               index_col=False)
    except pd.errors.ParserWarning:
        raise ImportFileError(translate(
            "Import", "{path} is not a regular table: line {line} has more cells than the header. "
            "Every row needs the same columns as the header row; check for stray separators or "
            "quotes, or choose the row that holds the headers.")
            .format(path=path, line=header_row + 1)) from None
    except pd.errors.EmptyDataError:
        raise ImportFileError(translate("Import", "{path} is empty.").format(path=path)) from None
    except pd.errors.ParserError as exc:
        raise ImportFileError(translate(
            "Import", "{path} is not a regular table: {problem}. Every row needs the same columns as "
            "the header row; check for stray separators or quotes.")
            .format(path=path, problem=_parser_problem(exc))) from None


def decode(data: bytes, path: Path | str = "") -> str:
    """The text of a CSV file: UTF-8 with or without BOM, UTF-16 (BOM, or
    detected from its zero bytes), or GBK/GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    elif b"\x00" in data[:4096]:
        sample = data[:4096]
        odd_zeros = sample[1::2].count(0)
        even_zeros = sample[0::2].count(0)
        candidates = ("utf-16-le",) if odd_zeros > even_zeros else ("utf-16-be",)
    else:
        # GB18030 is a superset of GBK and GB2312.
        candidates = ("utf-8", "gb18030")
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(translate(
        "Import", "{path} is not a text table in a known encoding (UTF-8, UTF-16, GBK or GB18030). "
        "Save it from the spreadsheet as CSV (UTF-8) or as .xlsx and import that.").format(path=path))


def _parser_problem(exc: Exception) -> str:
    text = str(exc)
    match = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", text)
    if match:
        expected, line, saw = match.groups()
        return translate("Import", "line {line} has {saw} cells where the header has {expected}").format(
            line=line, saw=saw, expected=expected)
    return text.splitlines()[-1] if text else type(exc).__name__


def _not_a_table(path: Path) -> ImportFileError:
    return ImportFileError(translate(
        "Import", "{path} is not a table (it is not a CSV text file or an .xlsx workbook). Save the "
        "list from the spreadsheet as CSV or .xlsx and import that.").format(path=path))


# -- xlsx ------------------------------------------------------------------

def cell_text(value) -> str:
    """An Excel cell as the text the user sees.

    Dates become ISO dates (with the time only when there is one); numbers
    keep up to Excel's 15 significant digits, so a long number that lost its
    digits shows as ``1.1E+17`` and is rejected later instead of being stored
    with made-up zeros.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, int):
        return str(value) if abs(value) < _EXACT_LIMIT else f"{value:.15G}"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer() and abs(value) < _EXACT_LIMIT:
            return str(int(value))
        return f"{value:.15G}"
    return str(value)


def _not_a_workbook(path: Path) -> ImportFileError:
    return ImportFileError(translate(
        "Import", "{path} cannot be read as an .xlsx workbook (it may be damaged, or not really "
        "an Excel file). Open it in Excel or WPS and save it again as .xlsx or CSV.")
        .format(path=path))


def _read_xlsx(path: Path, nrows: int | None, header_row: int = 1) -> pd.DataFrame:
    try:
        header = pd.read_excel(path, nrows=0, engine="openpyxl", header=header_row - 1)
        converters = {i: cell_text for i in range(len(header.columns))}
        frame = pd.read_excel(path, engine="openpyxl", header=header_row - 1, converters=converters,
                              keep_default_na=False, nrows=nrows)
    except FileNotFoundError:
        raise ImportFileError(translate("Import", "There is no file {path}.").format(path=path)) from None
    except Exception:  # noqa: BLE001 - any failure to parse the user's file is a file problem
        raise _not_a_workbook(path) from None
    frame.columns = [cell_text(c) if not isinstance(c, str) else c for c in frame.columns]
    return frame.astype(str)


# -- both ------------------------------------------------------------------

def _finish(frame: pd.DataFrame, path: Path, header_row: int = 1) -> pd.DataFrame:
    if frame.shape[1] == 0:
        raise ImportFileError(translate("Import", "{path} is empty.").format(path=path))
    frame = frame.fillna("").astype(str)
    # Unnamed, empty columns (a trailing separator, an untouched Excel column) carry nothing.
    empty_unnamed = [c for c in frame.columns
                     if str(c).startswith("Unnamed:") and not frame[c].str.strip().any()]
    frame = frame.drop(columns=empty_unnamed)
    if frame.shape[1] == 0:
        raise ImportFileError(translate("Import", "{path} has no header row.").format(path=path))
    frame.index = pd.RangeIndex(header_row + 1, header_row + 1 + len(frame), name=ROW_INDEX_NAME)
    blank = blank_rows(frame)
    if blank.any():
        frame = frame.loc[~blank]
    frame.attrs["blank_rows"] = int(blank.sum())
    frame.attrs["header_row"] = header_row
    return frame


def fold_cell(value) -> str:
    """A cell reduced for comparing words: NFKC, trimmed, lower case."""
    return unicodedata.normalize("NFKC", str(value)).strip().lower()


def blank_rows(frame: pd.DataFrame) -> "pd.Series":
    """Rows whose every cell is empty or only spaces (full-width ones too)."""
    filled = np.zeros(len(frame), dtype=bool)
    for column in frame.columns:
        cells = frame[column].to_numpy(dtype=object)
        # Only cells of rows not yet known to hold something need a closer look.
        todo = (cells != "") & ~filled
        if todo.any():
            stripped = np.strings.strip(cells[todo].astype(np.str_))
            filled[todo] = np.strings.str_len(stripped) > 0
    return pd.Series(~filled, index=frame.index)
