"""Argument types shared by the commands."""
from __future__ import annotations

import argparse
from datetime import date

from model.core import normalize
from model.core.i18n import translate


def date_arg(text: str) -> date:
    """An argparse type: a date written as 2026-11-23, 2026/11/23 or 2026年11月23日."""
    try:
        value = normalize.to_date(text)
    except normalize.Invalid as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if value is None:
        raise argparse.ArgumentTypeError(translate("CLI", "give a date such as 2026-11-23"))
    return value
