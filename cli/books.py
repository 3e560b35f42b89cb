"""归户 and book size (model.customers.books): ``managers PATH`` (each manager's book against the
500-800 standard, with its tier mix) and ``handover PATH --from A --to B [--view NAME]``
(a whole book, or the customers of a saved view of the list, to another manager)."""
from __future__ import annotations

from pathlib import Path

from model.customers import books, customer_filters
from model.archive import database
from model.core import settings
from model.core.i18n import translate


def register(commands) -> None:
    p = commands.add_parser("managers", help=translate(
        "CLI", "each manager's book: its size against the reasonable standard (500-800) and its tier mix"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.set_defaults(run=cmd_managers)

    p = commands.add_parser("handover", help=translate(
        "CLI", "hand customers over to another manager: a whole book, or the customers of a saved view"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--from", dest="from_manager", required=True, metavar="A",
                   help=translate("CLI", "the manager who holds them now (\"\" for customers nobody holds)"))
    p.add_argument("--to", dest="to_manager", required=True, metavar="B",
                   help=translate("CLI", "the manager who takes them over"))
    p.add_argument("--view", metavar="NAME",
                   help=translate("CLI", "only the customers of this saved view of the list (default: the whole book)"))
    p.set_defaults(run=cmd_handover)


def tier_mix(book: books.Book) -> str:
    std = books.standard()
    parts = [f"{tier} {book.tiers.get(tier, 0)}" for tier in std.tiers]
    parts.append(translate("CLI", "ungraded {count}").format(
        count=sum(n for t, n in book.tiers.items() if t not in std.tiers)))
    return ", ".join(parts)


def cmd_managers(args) -> int:
    with database.Archive.open(args.path) as archive:
        found = books.books(archive.conn)
    print(books.standard_sentence())
    for book in found:
        name = book.manager or translate("CLI", "(no manager)")
        print(translate("CLI", "{name}: {count} customers, {status}; {mix}").format(
            name=name, count=book.size, status=books.status_text(book.status), mix=tier_mix(book)))
    if not found:
        print(translate("CLI", "The archive holds no customers."))
    return 0


def cmd_handover(args) -> int:
    where = customer_filters.view_where(args.view) if args.view else None
    with database.Archive.open(args.path) as archive:
        done = books.handover(archive.conn, args.from_manager, args.to_manager, where=where,
                              by=settings.user_name())
    print(translate("CLI", "{count} customers handed over from {old} to {new}.").format(
        count=done.count, old=done.from_manager or translate("CLI", "(no manager)"), new=done.to_manager))
    return 0
