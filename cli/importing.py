"""The import command: customers or transactions from a CSV or .xlsx file."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from model.archive import backup_policy, database
from model.customers import importing
from model.core import settings
from model.core.i18n import translate

SHOWN = 10  # rejected / duplicate rows listed on the terminal; the rejects file has them all


def register(commands) -> None:
    p = commands.add_parser(
        "import", help=translate("CLI", "import customers or transactions from a CSV or .xlsx file "
                                 "(exit 0 all rows good, 1 rows rejected, 2 file unreadable)"),
        description=translate(
            "CLI", "Import a CSV (UTF-8, GBK/GB18030 or UTF-16) or .xlsx file into an archive. All or "
            "nothing: if any row is rejected nothing is written, unless --partial. Rows already in "
            "the archive or earlier in the file are skipped as duplicates, so importing the same file "
            "twice adds nothing the second time."))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("file", type=Path, help=translate("CLI", "the CSV or .xlsx file to import"))
    p.add_argument("--kind", choices=importing.KINDS, default="customers",
                   help=translate("CLI", "what the file holds (default: customers)"))
    p.add_argument("--partial", action="store_true",
                   help=translate("CLI", "import the good rows even when some are rejected"))
    p.add_argument("--dry-run", action="store_true",
                   help=translate("CLI", "check the file and report, without writing to the archive"))
    p.add_argument("--rejects", type=Path, metavar="OUT",
                   help=translate("CLI", "where to write the rejected rows (default: "
                                  "<file name>-rejects.csv beside the file)"))
    p.add_argument("--mapping", type=Path, metavar="MAP.json",
                   help=translate("CLI", "a JSON object mapping column headers the program does not "
                                  "recognise to field names, or to null to leave a column out"))
    p.add_argument("--header-row", type=int, metavar="N",
                   help=translate("CLI", "the row of the file that holds the column headers (default: "
                                  "found, so titles and notes above the headers are left out)"))
    p.add_argument("--manager", metavar="NAME",
                   help=translate("CLI", "the manager in charge of customers whose row names none "
                                  "(default: your name)"))
    p.set_defaults(run=cmd_import)


def read_mapping(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            mapping = json.load(handle)
    except OSError as exc:
        raise importing.ImportFileError(translate("CLI", "The mapping file {path} cannot be read: {error}")
                                        .format(path=path, error=exc.strerror or exc)) from None
    except ValueError as exc:
        raise importing.ImportFileError(translate(
            "CLI", "The mapping file {path} is not valid JSON ({error}). Write it like "
            "{{\"客户电话\": \"phone\", \"内部编码\": null}}.").format(path=path, error=exc)) from None
    if not isinstance(mapping, dict):
        raise importing.ImportFileError(translate(
            "CLI", "The mapping file {path} must hold one JSON object: "
            "{{\"header\": \"field\", ...}}.").format(path=path))
    return mapping


def cmd_import(args) -> int:
    mapping = read_mapping(args.mapping) if args.mapping else None
    # Read the file before opening the archive: a bad file changes nothing and says so first.
    if args.header_row is not None and args.header_row < 1:
        raise importing.ImportFileError(translate("CLI", "--header-row counts rows from 1."))
    frame = importing.read_import_table(args.file, args.kind, args.header_row)
    with database.Archive.open(args.path) as archive:
        # A restore point first, unless the last backup already holds the archive as it is.
        saved = None if args.dry_run else backup_policy.auto_backup(archive, "before-import")
        result = importing.import_frame(
            archive.conn, frame, kind=args.kind, mapping=mapping, partial=args.partial,
            dry_run=args.dry_run, rejects_path=args.rejects or importing.default_rejects_path(args.file),
            by=settings.user_name(),
            manager=(args.manager or settings.user_name()) if args.kind == "customers" else None)
    if args.kind == "customers" and not importing.maps_phone(frame.columns, mapping):
        print(translate("CLI", "Warning: no column goes into Phone, so duplicates are found by name, "
                        "address, area and birth date only and the customers have no number to "
                        "call."), file=sys.stderr)
    report(result, sys.stdout)
    if saved is not None:
        print(translate("CLI", "The archive was backed up before the import: {path}").format(path=saved))
    return 1 if result.rejected else 0


def report(result: importing.ImportResult, out) -> None:
    line = translate("CLI", "imported {imported}, rejected {rejected}, duplicates {duplicates}").format(
        imported=result.imported, rejected=result.rejected, duplicates=result.duplicates)
    if result.skipped:
        line += translate("CLI", ", skipped {skipped}").format(skipped=result.skipped)
    print(line, file=out)
    if result.header_row > 1:
        print(translate("CLI", "Headers read from row {row}; the rows above it were left out.")
              .format(row=result.header_row), file=out)
    if result.blank_rows:
        print(translate("CLI", "Blank rows skipped (not counted as rows): {count}").format(
            count=result.blank_rows), file=out)
    if result.ignored_columns:
        print(translate("CLI", "Columns not recognised, left out: {columns}. To import them, map "
                        "them to fields with --mapping MAP.json.").format(
            columns=", ".join(result.ignored_columns)), file=out)
    for reject in result.rejects[:SHOWN]:
        print(translate("CLI", "  rejected row {row}: {reasons}").format(
            row=reject.row_number, reasons=importing.REASON_SEPARATOR.join(reject.reasons)), file=out)
    for row, _phone, reason in result.duplicate_rows[:SHOWN]:
        print(translate("CLI", "  duplicate row {row}: {reason}").format(row=row, reason=reason),
              file=out)
    for row, reason in result.skipped_rows[:SHOWN]:
        print(translate("CLI", "  skipped row {row}: {reason}").format(row=row, reason=reason), file=out)
    if result.rejects_path:
        print(translate("CLI", "The rejected rows, with their reasons, are in {path}").format(
            path=result.rejects_path), file=out)
    if result.dry_run:
        print(translate("CLI", "Dry run: nothing was written to the archive."), file=out)
    elif not result.written:
        print(translate("CLI", "Nothing was written to the archive: the import is all or nothing and "
                        "some rows were rejected. Correct them and import the file again, or import "
                        "with --partial to add the good rows ({imported}) now.").format(
            imported=result.imported), file=out)
