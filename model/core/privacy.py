"""Personal data on paper and in files that leave the program."""
from __future__ import annotations


def mask_phone(phone: str | None, show_full: bool = False) -> str:
    """138****5678: keep the first three and last four digits of a phone number
    (printouts and calendar files mask by default; ``show_full`` keeps it whole)."""
    if not phone:
        return ""
    text = str(phone)
    if show_full:
        return text
    if len(text) >= 8:
        return text[:3] + "*" * (len(text) - 7) + text[-4:]
    if len(text) > 2:
        return "*" * (len(text) - 2) + text[-2:]
    return text
