"""The command line: ``python main.py <command> ...``.

Each module in this package adds its commands in ``register(subparsers)`` and
points each at a function ``(args) -> exit code`` with ``set_defaults(run=...)``.
Commands use the same model code as the window.
"""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from PySide6.QtCore import QCoreApplication

from model.core.i18n import translate

from model.archive import database
from model.core import language



def _modules():
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            yield importlib.import_module(f"{__name__}.{info.name}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description=translate("CLI", "Kehu, the field account manager's customer archive. With no command, "
                        "the window opens."))
    parser.add_argument("--archive", help=translate("CLI", "open this archive in the window"))
    commands = describe_commands(parser.add_subparsers(dest="command", metavar="COMMAND"))
    for module in _modules():
        module.register(commands)
    return parser


def describe_commands(subparsers):
    """Each command's own ``--help`` opens with the line the list of commands shows
    (unless the command gives a longer description); returns ``subparsers``."""
    add_parser = subparsers.add_parser

    def add(name, **kwargs):
        if kwargs.get("help") and not kwargs.get("description"):
            kwargs["description"] = kwargs["help"]
        return add_parser(name, **kwargs)
    subparsers.add_parser = add
    return subparsers


def is_cli(argv: list[str]) -> bool:
    """True unless the arguments ask for the window (none, or only ``--archive PATH``)."""
    return not _only_window_options(argv)


def _only_window_options(argv: list[str]) -> bool:
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--archive" and rest:
            rest.pop(0)
        elif arg.startswith("--archive="):
            continue
        else:
            return False
    return True


# Commands that record who did it (history rows, the audit trail, printouts).
NAMED_COMMANDS = ("import", "customers", "purge", "restore", "backup", "export", "print", "plan",
                  "branch-pack", "grade", "audit", "ka", "partners", "promotion", "promotions",
                  "circles", "opportunity", "handover", "targets", "care")


def _warn_about_name(args) -> None:
    """No name given: say, on stderr, under which name the work is recorded."""
    from model.core import settings
    if args.command in NAMED_COMMANDS and not settings.name_is_set():
        print(translate("CLI", "Your name is not set, so this is recorded under the login name "
                        "'{login}'. Set it in the window (View → Preferences) or with the "
                        "environment variable KEHU_USER.").format(login=settings.user_name()),
              file=sys.stderr)


def _warn_about_location(args) -> None:
    """An archive on a network share or in a cloud-sync folder: say so on stderr, once."""
    from pathlib import Path
    from model.archive import storage_location
    path = getattr(args, "path", None)
    line = storage_location.warn_line(path) if isinstance(path, Path) else None
    if line:
        print(line, file=sys.stderr)


def run_cli(argv: list[str]) -> int:
    if argv[:1] == ["self-test"]:          # it opens the window: needs a QApplication
        from cli.selftest import prepare_environment
        prepare_environment()
        from gui.main_window.app import make_application
        app = QCoreApplication.instance() or make_application()
    else:
        app = QCoreApplication.instance() or QCoreApplication(["kehu"])
    language.install_translators(app, language.chosen_language())
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    _warn_about_location(args)
    _warn_about_name(args)
    from cli import _passphrase
    database.set_passphrase_provider(_passphrase.provider)  # encrypted archives: env or prompt
    try:
        return int(args.run(args) or 0)
    except database.ArchiveError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(translate("CLI", "Stopped; nothing more was written."), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``… | head``): stop quietly, as other commands do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        database.set_passphrase_provider(None)
