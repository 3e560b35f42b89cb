"""Passphrases on the command line: from the environment or typed at a prompt,
never from an argument (arguments are visible to every user of the machine
and land in the shell's history).

``KEHU_PASSPHRASE`` holds the archive's passphrase; ``KEHU_NEW_PASSPHRASE`` the
new one for ``passphrase`` (and, when set, for ``new`` and ``encrypt``).
Without them the passphrase is asked for at the terminal; with no terminal
(a script, a pipe) the command stops with a message and exit code 2.
"""
from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from model.archive import database
from model.archive import passphrase as passphrases
from model.core.i18n import translate

ENV = "KEHU_PASSPHRASE"
NEW_ENV = "KEHU_NEW_PASSPHRASE"


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _no_terminal(what: str) -> database.ArchiveError:
    return database.PassphraseNeeded(
        translate("CLI", "{what} There is no terminal to ask at: set the environment variable "
                  "{env} (a passphrase is never taken as an argument).").format(what=what, env=ENV))


def _prompt(text: str) -> str:
    try:
        return getpass.getpass(text)
    except EOFError:
        return ""


def existing(path: Path) -> str:
    """The passphrase of the encrypted archive (or backup) at ``path``."""
    value = os.environ.get(ENV)
    if value:
        return value
    if not _interactive():
        raise _no_terminal(translate("CLI", "{path} is encrypted.").format(path=path))
    value = _prompt(translate("CLI", "Passphrase for {path}: ").format(path=path))
    if not value:
        raise database.PassphraseNeeded(translate("CLI", "No passphrase was typed; nothing was opened."))
    return value


def provider(path: Path) -> str | None:
    """For database.set_passphrase_provider: every command that opens an
    archive gets its passphrase this way."""
    return existing(path)


def confirm(question: str) -> bool:
    if not _interactive():
        return False
    try:
        answer = input(question + " " + translate("CLI", "[y/N] "))
    except EOFError:
        return False
    return answer.strip().lower() in {"y", "yes", translate("CLI", "y"), translate("CLI", "yes")}


def new(path: Path, env_names: tuple[str, ...] = (NEW_ENV, ENV)) -> str:
    """A new passphrase: from the first of ``env_names`` that is set, else typed
    twice. Its strength is shown; a weak one typed at the prompt must be confirmed."""
    for name in env_names:
        value = os.environ.get(name)
        if value:
            rating = passphrases.strength(value)
            if rating.level == passphrases.WEAK:
                print(translate("CLI", "Warning: the passphrase in {env} is weak. {hint}")
                      .format(env=name, hint=rating.hint), file=sys.stderr)
            return value
    if not _interactive():
        raise _no_terminal(translate("CLI", "A new passphrase for {path} is needed.").format(path=path))
    print(translate("CLI", "Choose a passphrase for {path}. Without it the archive cannot be opened: "
                    "keep it somewhere safe.").format(path=path))
    while True:
        first = _prompt(translate("CLI", "New passphrase: "))
        if not first:
            raise database.ArchiveError(translate("CLI", "No passphrase was typed; nothing was changed."))
        rating = passphrases.strength(first)
        print(translate("CLI", "Strength: {level}. {hint}").format(
            level=level_name(rating.level), hint=rating.hint))
        if rating.level == passphrases.WEAK and not confirm(translate("CLI", "Use this weak passphrase anyway?")):
            continue
        second = _prompt(translate("CLI", "Type it again: "))
        if first == second:
            return first
        print(translate("CLI", "The two do not match; try again."), file=sys.stderr)


def level_name(level: str) -> str:
    return {passphrases.WEAK: translate("CLI", "weak"), passphrases.FAIR: translate("CLI", "fair"),
            passphrases.STRONG: translate("CLI", "strong")}[level]
