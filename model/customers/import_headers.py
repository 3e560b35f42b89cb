"""Which field each column of an import file is: header synonyms and the user's mapping.

Synonyms are rules data (``resources/rules/import_headers.json``); every field
key also matches itself, so an export imports again, and each segmentation
dimension matches its own label and the ``import_headers`` of dimensions.json.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from model.customers import customers
from model.core import rules
from model.core.i18n import translate
from model.core.table_files import ImportFileError

KINDS = ("customers", "transactions")
TRANSACTION_FIELDS = ("customer_id", "phone", "txn_date", "amount", "quantity", "product")
CUSTOMER_IMPORT_ONLY_FIELDS = ("last_visit",)
"""Columns a customer file may carry that are not fields of the record: the date of
the last visit (上次拜访) becomes a visit in the customer's contacts (model.customers.importing)."""


@dataclass
class HeaderMatch:
    """How a file's columns map to fields: ``mapping`` has every column (None:
    not imported); ``unknown`` lists the columns nothing matched; ``missing``
    the required fields no column maps to."""
    mapping: dict[str, str | None]
    unknown: list[str]
    missing: list[str] = field(default_factory=list)


def fields_for(kind: str) -> list[str]:
    """The fields a column can be mapped to, in display order."""
    if kind == "customers":
        return [*customers.record_fields(), *CUSTOMER_IMPORT_ONLY_FIELDS]
    if kind == "transactions":
        return list(TRANSACTION_FIELDS)
    raise ValueError(f"unknown import kind {kind!r}")


def field_label(key: str, language: str = "en") -> str:
    """A field key as the user reads it (for mapping choices and messages)."""
    for d in rules.dimensions():
        if d.column == key:
            return d.label(language)
    labels = {
        "id": translate("Import", "Customer number (ignored)"),
        "name": translate("Import", "Name"),
        "gender": translate("Import", "Gender"),
        "phone": translate("Import", "Phone"),
        "phone2": translate("Import", "Second phone"),
        "address": translate("Import", "Address"),
        "area": translate("Import", "Area"),
        "area_type": translate("Import", "Area type"),
        "manager": translate("Import", "Manager in charge"),
        "birth_date": translate("Import", "Birth date"),
        "occupation": translate("Import", "Occupation"),
        "employer": translate("Import", "Employer"),
        "source": translate("Import", "Source"),
        "created_on": translate("Import", "Date created"),
        "last_visit": translate("Import", "Last visit"),
        "needs": translate("Import", "Needs"),
        "products": translate("Import", "Products held"),
        "notes": translate("Import", "Notes"),
        "complaints": translate("Import", "Complaints"),
        "tags": translate("Import", "Tags"),
        "size": translate("Import", "Size"),
        "potential_amount": translate("Import", "Potential amount"),
        "own_channel": translate("Import", "Own supply channel"),
        "scarce_resources": translate("Import", "Scarce resources"),
        "deal_status": translate("Import", "Deal status"),
        "handle_by": translate("Import", "Handle by"),
        "keyman_name": translate("Import", "KeyMan"),
        "keyman_role": translate("Import", "KeyMan's role"),
        "keyman_phone": translate("Import", "KeyMan's phone"),
        "latitude": translate("Import", "Latitude"),
        "longitude": translate("Import", "Longitude"),
        "customer_id": translate("Import", "Customer number"),
        "txn_date": translate("Import", "Date"),
        "amount": translate("Import", "Amount"),
        "quantity": translate("Import", "Quantity"),
        "product": translate("Import", "Product"),
    }
    return labels.get(key, key)


def fold_header(header) -> str:
    """A header reduced for matching: NFKC, lower case, no spaces, underscores
    or dashes, no trailing '*' or ':' (marks of a required column)."""
    s = unicodedata.normalize("NFKC", str(header)).strip().lower()
    s = re.sub(r"[\s_\-]+", "", s)
    return s.rstrip("*:")


# What a spreadsheet adds to a header besides its name: a note in brackets such as
# （必填）, a unit such as (元) or 【万元】, a required-mark '*' or '※' on either side.
_ANNOTATION = re.compile(r"[(\[【<〔「][^)\]】>〕」]*[)\]】>〕」]")
_MARKS = "*※★:：#"


def bare_header(header) -> str:
    """A header without its annotations (brackets, units, required marks), folded."""
    s = unicodedata.normalize("NFKC", str(header))
    stripped = _ANNOTATION.sub("", s)
    folded = fold_header(stripped).strip(_MARKS)
    return folded if folded else fold_header(s)


def _lookup(table: dict[str, str], header) -> str | None:
    """The field of a header: as written, else without its annotations."""
    key = table.get(fold_header(header))
    if key is None:
        key = table.get(bare_header(header))
    return key


@lru_cache(maxsize=8)
def _header_table(folder: str, kind: str) -> tuple[dict[str, str], frozenset[str]]:
    section = rules.load_json("import_headers.json", folder)[kind]
    table: dict[str, str] = {}

    def add(header: str, key: str) -> None:
        table.setdefault(fold_header(header), key)

    extra = ("id",) if kind == "customers" else ()
    for key in (*extra, *fields_for(kind)):
        add(key, key)
    for key, headers in section["fields"].items():
        for header in headers:
            add(header, key)
    if kind == "customers":
        for d in rules.dimensions():
            for header in (d.column, d.label_en, d.label_zh, *d.import_headers):
                add(header, d.column)
    ignore = frozenset(fold_header(h) for h in section.get("ignore", ()))
    return table, ignore


def header_field(header, kind: str = "customers") -> str | None:
    """The field a header means on its own (None if not recognised)."""
    table, _ = _header_table(str(rules.rules_dir()), kind)
    return _lookup(table, header)


def _required(kind: str) -> tuple[str, ...]:
    return ("name",) if kind == "customers" else ("txn_date", "amount")


def match_headers(columns, kind: str = "customers", saved: dict | None = None) -> HeaderMatch:
    """Map the file's column headers to field keys.

    ``saved`` (header → field key or None) is the user's own choice, from the
    GUI or a mapping file, and wins over the automatic match; entries naming
    no field of ``kind`` are left out. A second phone column becomes
    ``phone2``; any other second column for a field already taken is unknown.
    """
    valid = set(fields_for(kind))
    table, ignore = _header_table(str(rules.rules_dir()), kind)
    columns = [str(c) for c in columns]
    present = set(columns)
    saved = saved or {}
    mapping: dict[str, str | None] = {}
    used: dict[str, str] = {}
    for column in columns:
        if column in saved and (saved[column] is None or saved[column] in valid):
            target = saved[column]
            mapping[column] = target
            if target is not None:
                used.setdefault(target, column)
    unknown: list[str] = []
    for column in columns:
        if column in mapping:
            continue
        key = _lookup(table, column)
        mangled = re.fullmatch(r"(.+)\.\d+", column)  # pandas renames a repeated header to "手机.1"
        if key is None and mangled and mangled.group(1) in present:
            key = _lookup(table, mangled.group(1))
        if key == "id" and kind == "customers":   # the target archive numbers its own customers
            mapping[column] = None
            continue
        if key is None and (fold_header(column) in ignore or bare_header(column) in ignore):
            mapping[column] = None
            continue
        if key in used and key == "phone" and "phone2" in valid and "phone2" not in used:
            key = "phone2"
        if key is None or key in used:
            mapping[column] = None
            unknown.append(column)
            continue
        mapping[column] = key
        used[key] = column
    missing = [key for key in _required(kind) if key not in used]
    if kind == "transactions" and "customer_id" not in used and "phone" not in used:
        missing.insert(0, "customer_id")
    return HeaderMatch(mapping, unknown, missing)


def check_mapping(mapping: dict | None, kind: str) -> dict:
    """The user's mapping, refusing a field that does not exist (a typo in a mapping file)."""
    if not mapping:
        return {}
    if not isinstance(mapping, dict):
        raise ImportFileError(translate("Import", "The column mapping must map each header to a field "
                                        "name (or null to leave the column out)."))
    valid = set(fields_for(kind))
    bad = [f"{header} → {target}" for header, target in mapping.items()
           if target is not None and target not in valid]
    if bad:
        raise ImportFileError(translate(
            "Import", "The column mapping names fields that do not exist: {bad}. Fields are: {fields}.")
            .format(bad=", ".join(bad), fields=", ".join(sorted(valid))))
    targets: dict[str, str] = {}
    for header, target in mapping.items():
        if target is not None:
            if target in targets:
                raise ImportFileError(translate(
                    "Import", "Two columns are mapped to the same field {field}: {first} and {second}. "
                    "Map only one of them.").format(field=target, first=targets[target], second=header))
            targets[target] = header
    return {str(k): v for k, v in mapping.items()}


HEADER_SEARCH_ROWS = 20
"""How far down a file its header row is looked for (titles and notes stand above it)."""


def find_header_row(rows: list[list[str]], kind: str = "customers") -> int:
    """The spreadsheet row (1-based) holding the headers among a file's first
    ``rows``: the first with two or more recognised headers, else the one with
    the most, else row 1."""
    table, _ = _header_table(str(rules.rules_dir()), kind)
    best, best_count = 1, 0
    for number, row in enumerate(rows[:HEADER_SEARCH_ROWS], start=1):
        found = {_lookup(table, cell) for cell in row if str(cell).strip()} - {None}
        if len(found) >= 2:
            return number
        if len(found) > best_count:
            best, best_count = number, len(found)
    return best
