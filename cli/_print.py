"""The ``print`` command and its subcommands (``print tracking-log``, ``print promotion`` ...).

Several CLI modules add a subcommand to ``print``; the first one to ask creates
it. In a module's ``register(commands)``::

    from cli._print import print_subcommands
    p = print_subcommands(commands).add_parser("promotion", help=...)
    p.set_defaults(run=cmd_print_promotion)
"""
from __future__ import annotations

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
