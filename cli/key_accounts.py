"""Key accounts (KA): ``ka PATH`` (the accounts with their reward tier), ``ka ranking PATH
--year YYYY`` (the yearly honour list, the seed's "top ten"), ``ka import-stores PATH
--account ID FILE`` (regions and stores from CSV/.xlsx, all or nothing like the customer
import), and ``print ka`` / ``print store-check`` (the KA dossier and one store check as PDF)."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from cli._print import branch_name, print_subcommands, use_language
from cli.importing import report
from model.archive import database
from model.key_accounts import ka_volumes, ka_rewards, key_accounts as ka, store_checks
from model.core import settings
from model.core.i18n import translate
from model.key_accounts.ka_rewards import number_text

ACTIONS = ("ranking", "import-stores", "import-volume")


def register(commands) -> None:
    p = commands.add_parser(
        "ka", help=translate("CLI", "key accounts (KA): list them with their reward tier; 'ka ranking' and "
                                    "'ka import-stores' (see 'ka --help')"),
        usage="python main.py ka PATH [--year YYYY]\n"
              "       python main.py ka ranking PATH [--year YYYY]\n"
              "       python main.py ka import-stores PATH --account ID FILE [--partial] [--dry-run] [--rejects OUT]\n"
              "       python main.py ka import-volume PATH --account ID FILE [--partial] [--dry-run] [--rejects OUT]",
        description=translate(
            "CLI", "'ka PATH' lists the key accounts with stores, last store check, the year's volume against "
            "target and the reward tier reached. 'ka ranking PATH --year YYYY' ranks the accounts by the year's "
            "volume (equal volumes share a rank). 'ka import-stores PATH --account ID FILE' imports regions and "
            "stores from a CSV or .xlsx file: all or nothing, unless --partial; rejected rows go to a rejects "
            "file (exit 0 all rows good, 1 rows rejected, 2 file unreadable). 'ka import-volume' reads period, "
            "volume and target columns the same way; a period already entered takes the file's figures."))
    p.add_argument("words", nargs=argparse.REMAINDER, metavar="[ranking|import-stores] PATH ...",
                   help=translate("CLI", "what to do and the archive (see the forms above)"))
    p.set_defaults(run=cmd_ka)

    printing = print_subcommands(commands)
    p = printing.add_parser("ka", help=translate("CLI", "a key account's dossier (KA 档案): stores, team, contacts, "
                                                        "commitments, store checks, volume and reward tier"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--account", type=int, metavar="ID", required=True,
                   help=translate("CLI", "the key account's number, as 'ka PATH' lists it"))
    p.add_argument("--year", type=int, metavar="YYYY", help=translate("CLI", "the year of the volume (default: the "
                                                                             "latest with volume entered)"))
    _print_options(p)
    p.set_defaults(run=cmd_print_ka)

    p = printing.add_parser("store-check", help=translate("CLI", "one store check with its results and photos, "
                                                                 "to sign"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--check", type=int, metavar="ID", required=True,
                   help=translate("CLI", "the store check's number (shown on the account's Store checks tab)"))
    _print_options(p, phones=False)
    p.set_defaults(run=cmd_print_check)


def _print_options(p, phones: bool = True) -> None:
    p.add_argument("--pdf", type=Path, metavar="OUT.pdf", required=True,
                   help=translate("CLI", "write the printout to this PDF"))
    p.add_argument("--branch", metavar="NAME", help=translate("CLI", "branch name for the page header"))
    p.add_argument("--language", choices=("en", "zh_CN"), help=translate("CLI", "language of the printout"))
    if phones:
        p.add_argument("--full-phones", action="store_true",
                       help=translate("CLI", "print phone numbers in full (else 138****5678)"))


def _action_parser(action: str) -> argparse.ArgumentParser:
    """The options of one form of ``ka`` (read in any order, options between the paths too)."""
    p = argparse.ArgumentParser(prog=f"python main.py ka {action}".replace(" list", ""))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--year", type=int, metavar="YYYY", help=translate("CLI", "the year (default: the latest with "
                                                                             "volume entered)"))
    if action in ("import-stores", "import-volume"):
        p.add_argument("file", type=Path, help=translate("CLI", "the CSV or .xlsx file to import"))
        p.add_argument("--account", type=int, metavar="ID", required=True,
                       help=translate("CLI", "the key account's number, as 'ka PATH' lists it"))
        p.add_argument("--partial", action="store_true",
                       help=translate("CLI", "import the good rows even when some are rejected"))
        p.add_argument("--dry-run", action="store_true",
                       help=translate("CLI", "check the file and report, without writing to the archive"))
        p.add_argument("--rejects", type=Path, metavar="OUT",
                       help=translate("CLI", "where to write the rejected rows (default: <file name>-rejects.csv "
                                             "beside the file)"))
    return p


def cmd_ka(args) -> int:
    words = list(args.words)
    action = words.pop(0) if words and words[0] in ACTIONS else "list"
    options = _action_parser(action).parse_intermixed_args(words)
    if action in ("import-stores", "import-volume"):
        return _import(action, options)
    if action == "ranking":
        return _ranking(options.path, options.year)
    return _list(options.path, options.year)


def _year(conn, year: int | None) -> int:
    if year is not None:
        return year
    years = ka_volumes.years(conn)
    return years[0] if years else date.today().year


def _list(path: Path, year: int | None) -> int:
    rules = ka_rewards.load()
    with database.Archive.open(path) as archive:
        conn = archive.conn
        found = ka.accounts(conn)
        if not found:
            print(translate("CLI", "No key accounts yet."))
            return 0
        year = _year(conn, year)
        last = store_checks.last_scores(conn)
        counts = dict(conn.execute("SELECT account_id, count(*) FROM ka_stores WHERE kind = 'store'"
                                   " GROUP BY account_id").fetchall())
        for a in found:
            total = ka_volumes.year_total(ka_volumes.volumes(conn, a.id, year), year)
            standing = ka_rewards.standing(total.volume, rules)
            day, score = last.get(a.id, (None, None))
            check = (translate("CLI", "last check {date}: {score}").format(
                         date=day, score=store_checks.score_text(score))
                     if day else translate("CLI", "no store check yet"))
            print(translate("CLI", "{id:>4}  {name} ({scope}, {channel}): {stores} stores; {check}; {year}: "
                                   "{volume} of {target} {unit}; {standing}").format(
                id=a.id, name=a.name, scope=ka.scope_label(a.scope), channel=a.channel or "-",
                stores=counts.get(a.id, 0), check=check, year=year, volume=number_text(total.volume or 0),
                target=number_text(total.target), unit=rules.unit(), standing=standing.text(rules)))
    return 0


def _ranking(path: Path, year: int | None) -> int:
    rules = ka_rewards.load()
    with database.Archive.open(path) as archive:
        year = _year(archive.conn, year)
        ranked = ka_volumes.ranking(archive.conn, year, rules.ranking_size)
    if not ranked:
        print(translate("CLI", "No volume entered for {year}.").format(year=year))
        return 0
    print(translate("CLI", "{title} {year} (by volume, {unit}):").format(title=rules.ranking_title(), year=year,
                                                                        unit=rules.unit()))
    for r in ranked:
        standing = ka_rewards.standing(r.volume, rules)
        tier = standing.reached.label() if standing.reached else "-"
        mark = "*" if r.in_top else " "
        print(f"{mark}{r.rank:>3}  {number_text(r.volume):>10}  {tier:<12}  {r.name} ({ka.scope_label(r.scope)})")
    print(translate("CLI", "* in the {title}; equal volumes share a rank and are listed by name.").format(
        title=rules.ranking_title()))
    return 0


def _import(action: str, args: argparse.Namespace) -> int:
    from model.key_accounts import store_import
    from model.customers.importing import default_rejects_path
    frame = store_import.read_table(args.file)     # a bad file changes nothing and says so first
    run = store_import.import_frame if action == "import-stores" else store_import.import_volume_frame
    with database.Archive.open(args.path) as archive:
        result = run(archive.conn, args.account, frame, partial=args.partial, dry_run=args.dry_run,
                     rejects_path=args.rejects or default_rejects_path(args.file), by=settings.user_name())
    report(result, sys.stdout)
    return 1 if result.rejected else 0


def cmd_print_ka(args) -> int:
    use_language(args)
    from reports.ka_dossier import print_dossier, volume_rows
    with database.Archive.open(args.path) as archive:
        dossier = print_dossier(archive.conn, args.account, args.pdf, year=args.year,
                                branch=branch_name(archive.conn, args.branch), full_phone=args.full_phones,
                                language=args.language, by=settings.user_name())
    print(translate("CLI", "{name}: {stores} stores, {checks} store checks").format(
        name=dossier.account.name, stores=len(dossier.stores), checks=dossier.checks_total))
    for label, value in volume_rows(dossier):
        print(translate("CLI", "{label}: {value}").format(label=label, value=value))
    print(translate("CLI", "Wrote {path}").format(path=args.pdf))
    return 0


def cmd_print_check(args) -> int:
    use_language(args)
    from reports.ka_dossier import print_check
    with database.Archive.open(args.path) as archive:
        check = print_check(archive.conn, args.check, args.pdf, branch=branch_name(archive.conn, args.branch),
                            language=args.language, by=settings.user_name())
    print(translate("CLI", "Store check {id} of {store} on {date}: score {score}; wrote {path}").format(
        id=args.check, store=check.store_name, date=check.checked_on, score=store_checks.score_text(check.score),
        path=args.pdf))
    return 0
