"""Normalising what people type or import: text, phone numbers, dates, numbers.

Each ``normalize_*`` returns the clean value, ``None`` for an empty cell, or
raises :class:`Invalid` with a reason in the user's language.
"""
from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta

from model.core.i18n import translate



class Invalid(ValueError):
    """A value that cannot be stored; ``str()`` is the reason for the user."""


_SCIENTIFIC = re.compile(r"^[+-]?\d(?:\.\d+)?[eE][+-]?\d+$")
_EMPTY = {"", "nan", "none", "null", "n/a", "na", "-", "—", "无", "空"}
# Compiled once: an import calls these hundreds of thousands of times.
_SPACES = re.compile(r"\s+")
_FLOAT_WHOLE = re.compile(r"\d+\.0")
_PHONE_PUNCTUATION = re.compile(r"[\s\-()（）.·/]")
_SERIAL = re.compile(r"\d{1,5}(?:\.0+)?")
# A year alone (1985, 1985.0, 1985年): never an Excel day number, which would make it
# a day in 1905. A birth date keeps it as a year (birth_date below); any other date
# rejects it with its reason.
_YEAR_ONLY = re.compile(r"((?:19|20)\d\d)(?:\.0+|\s*年)?")
_NUMBER_DECORATION = re.compile(r"[,\s¥￥元]")


def text(value) -> str | None:
    """NFKC (full-width letters, digits and spaces become ordinary), trimmed; None if empty."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    s = unicodedata.normalize("NFKC", str(value)).replace("\u3000", " ").strip()
    s = _SPACES.sub(" ", s)
    if s.lower() in _EMPTY:
        return None
    return s


def is_scientific(value) -> bool:
    """A long number Excel turned into ``1.1E+17``: its digits are already lost."""
    s = text(value)
    return bool(s and _SCIENTIFIC.match(s))


def check_not_scientific(value) -> None:
    if is_scientific(value):
        raise Invalid(translate("Normalize", "'{value}' is a long number in scientific notation: its digits were "
                          "lost before import. Format the column as text in the spreadsheet "
                          "and export again.").format(value=text(value)))


_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{9,11}$")
_LOCAL = re.compile(r"^[2-9]\d{6,7}$")


def phone(value) -> str | None:
    """Digits only; +86 / 0086 removed; a mainland mobile, a landline with its
    area code, or a 7-8 digit local number."""
    s = text(value)
    if s is None:
        return None
    check_not_scientific(s)
    if _FLOAT_WHOLE.fullmatch(s):  # a number column read as float
        s = s[:-2]
    digits = _PHONE_PUNCTUATION.sub("", s)
    if digits.startswith("+"):
        digits = digits[1:]
        if not digits.startswith("86"):
            raise Invalid(translate("Normalize", "'{value}' is not a mainland China phone number.").format(value=s))
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not digits.isdigit():
        raise Invalid(translate("Normalize", "'{value}' is not a phone number (only digits, spaces, dashes and "
                          "+86 are allowed).").format(value=s))
    if _MOBILE.match(digits) or _LANDLINE.match(digits) or _LOCAL.match(digits):
        return digits
    raise Invalid(translate("Normalize", "'{value}' is not a valid phone number (a mobile has 11 digits starting "
                      "with 1; a landline starts with its area code).").format(value=s))


_EXCEL_EPOCH = date(1899, 12, 30)
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def excel_serial_to_date(serial: float) -> date:
    """Excel's day numbers, including its 1900 leap-year bug: serial 60 is the
    non-existent 29 February 1900, and serials below it are one day off."""
    whole = int(serial)
    if whole == 60:
        raise Invalid(translate("Normalize", "Excel day number 60 is 29 February 1900, a day that does not exist."))
    if whole < 1:
        raise Invalid(translate("Normalize", "'{value}' is not a date.").format(value=serial))
    if whole < 60:  # Excel shows 1 as 1 January 1900, 59 as 28 February 1900
        return date(1899, 12, 31) + timedelta(days=whole)
    return _EXCEL_EPOCH + timedelta(days=whole)


def _year_only(value) -> Invalid:
    return Invalid(translate("Normalize", "'{value}' is a year only, not a date: write the whole date "
                             "(such as 1985-03-12) or leave the cell empty.").format(value=value))


def _number_to_date(value: int | float) -> date | None:
    """A date from a number cell: an Excel serial number (NaN is an empty cell)."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if float(value).is_integer() and 1900 <= value <= 2099:
        raise _year_only(int(value))
    if 1 <= value < 2958466 and float(value).is_integer():
        return excel_serial_to_date(value)
    raise Invalid(translate("Normalize", "'{value}' is not a date.").format(value=value))


def to_date(value) -> date | None:
    """A date from 2023-05-01, 2023/5/1, 2023年5月1日, 20230501, an Excel serial
    number, or a date/datetime object."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        if value != value:  # NaT
            return None
        return value.to_pydatetime().date()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_to_date(value)
    s = text(value)
    if s is None:
        return None
    check_not_scientific(s)
    if _YEAR_ONLY.fullmatch(s):
        raise _year_only(s)
    for pattern in _DATE_PATTERNS:
        m = pattern.match(s)
        if m:
            year, month, day = (int(g) for g in m.groups()[:3])
            try:
                return date(year, month, day)
            except ValueError:
                raise Invalid(translate("Normalize", "'{value}' is not a real date.").format(value=s)) from None
    if _SERIAL.fullmatch(s):
        return excel_serial_to_date(float(s))
    raise Invalid(translate("Normalize", "'{value}' is not a date (write it as 2023-05-01, 2023/5/1 or "
                      "2023年5月1日).").format(value=s))


def iso_date(value) -> str | None:
    d = to_date(value)
    if d is None:
        return None
    if not (1900 <= d.year <= 2100):
        raise Invalid(translate("Normalize", "'{value}' is outside the years 1900-2100.").format(value=d.isoformat()))
    return d.isoformat()


def year_only(value) -> int | None:
    """The year when ``value`` is a year alone (1985, 1985.0, "1985", "1985年"), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return None
        return int(value) if float(value).is_integer() and 1900 <= value <= 2099 else None
    if not isinstance(value, str):
        return None
    m = _YEAR_ONLY.fullmatch(text(value) or "")
    return int(m.group(1)) if m else None


def birth_date(value) -> str | None:
    """A birth date as stored: an ISO date (1985-03-12), or a year alone ("1985") when
    that is all that is known. The length of the text is its precision: a year has no
    birthday, only an age."""
    year = year_only(value)
    if year is not None:
        return str(year)
    return iso_date(value)


def is_year_only(stored: str | None) -> bool:
    """A stored birth date that holds a year only."""
    return bool(stored) and len(stored) == 4 and stored.isdigit()


def age(stored: str | None, on: date) -> int | None:
    """Years of age on ``on`` from a stored birth date: exact for a whole date; for a year
    alone the age reached this calendar year (the birthday itself is unknown)."""
    if not stored:
        return None
    try:
        born = int(stored[:4])
    except ValueError:
        return None
    years = on.year - born
    if len(stored) >= 10 and (on.month, on.day) < (int(stored[5:7]), int(stored[8:10])):
        years -= 1
    return years if years >= 0 else None


def number(value) -> float | None:
    """A number from 1234.5, '1,234.5', '１２３４', '¥1,234'."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and math.isnan(value):
            return None
        return float(value)
    s = text(value)
    if s is None:
        return None
    cleaned = _NUMBER_DECORATION.sub("", s)
    try:
        result = float(cleaned)
    except ValueError:
        raise Invalid(translate("Normalize", "'{value}' is not a number.").format(value=s)) from None
    if math.isnan(result) or math.isinf(result):
        raise Invalid(translate("Normalize", "'{value}' is not a number.").format(value=s))
    return result


def coordinate(value, *, latitude: bool) -> float | None:
    n = number(value)
    if n is None:
        return None
    limit = 90 if latitude else 180
    if not -limit <= n <= limit:
        if latitude:
            raise Invalid(translate("Normalize", "Latitude {value} is outside -90..90.").format(value=n))
        raise Invalid(translate("Normalize", "Longitude {value} is outside -180..180.").format(value=n))
    return n


def gender(value) -> str | None:
    s = text(value)
    if s is None:
        return None
    folded = s.lower()
    if folded in {"男", "m", "male", "男性", "先生"}:
        return "male"
    if folded in {"女", "f", "female", "女性", "女士"}:
        return "female"
    raise Invalid(translate("Normalize", "'{value}' is not a gender (男/女, male/female).").format(value=s))
