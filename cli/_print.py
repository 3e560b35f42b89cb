"""The ``print`` command and its subcommands (``print tracking-log``, ``print promotion`` ...),
and the options every printout shares (--pdf, --branch, --full-phone, --language).

Several CLI modules add a subcommand to ``print``; the first one to ask creates
it. In a module's ``register(commands)``::

    from cli._print import print_subcommands
    p = print_subcommands(commands).add_parser("promotion", help=...)
    p.set_defaults(run=cmd_print_promotion)
"""
from __future__ import annotations

from pathlib import Path

from model.core.i18n import translate

_ATTRIBUTE = "_kehu_print_subcommands"


def print_subcommands(commands):
    """The subparsers of ``print`` under the top-level ``commands`` (created once)."""
    existing = getattr(commands, _ATTRIBUTE, None)
    if existing is not None:
        return existing
    parser = commands.add_parser("print", help=translate("CLI", "print a sheet to PDF (see 'print --help')"))
    from cli import describe_commands
    subcommands = describe_commands(parser.add_subparsers(dest="printout", metavar="WHAT", required=True))
    setattr(commands, _ATTRIBUTE, subcommands)
    return subcommands


def output_options(p, required: bool = False) -> None:
    p.add_argument("--pdf", type=Path, metavar="OUT.pdf", required=required,
                   help=translate("CLI", "write the printout to this PDF"))
    p.add_argument("--branch", metavar="NAME", help=translate("CLI", "branch name in the page header"))
    p.add_argument("--full-phone", action="store_true",
                   help=translate("CLI", "print phone numbers in full (masked by default)"))
    p.add_argument("--language", choices=("en", "zh_CN"), help=translate("CLI", "language of the printout"))


def use_language(args) -> None:
    """``--language`` is the language of everything the command writes: the printout's
    labels and the reasons and purposes worked out for it, so install it process-wide."""
    if getattr(args, "language", None):
        from PySide6.QtCore import QCoreApplication

        from model.core import language
        language.install_translators(QCoreApplication.instance(), args.language)


def branch_name(conn, given: str | None) -> str | None:
    if given:
        return given
    row = conn.execute("SELECT value FROM meta WHERE key = 'branch'").fetchone()
    return row["value"] if row else None
