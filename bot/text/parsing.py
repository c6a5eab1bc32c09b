"""Reading numbers the way traders type them: `2,5`, `2.5 m3`, `15 000`, `15.000 ¥`, `15k`."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from domain.errors import InvalidInput

MAX_NUMBER_TEXT = 40
_UNITS = re.compile(r"(m3|m³|mètres?\s*cubes?|metres?\s*cubes?|cbm|yuans?|rmb|cny|¥|元)")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _ungroup(text: str, sep: str) -> str:
    """'1.234.567' -> '1234567', only when every group after the first has 3 digits."""
    if sep in text and not re.fullmatch(rf"-?\d{{1,3}}(\{sep}\d{{3}})+", text):
        raise InvalidInput("unreadable")
    return text.replace(sep, "")


def _normalise_separators(text: str, thousands_dot: bool) -> str:
    commas, dots = text.count(","), text.count(".")
    if commas and dots:  # the last separator is the decimal one: 1.234,5 or 1,234.5
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        thousands_sep = "." if decimal_sep == "," else ","
        whole, _, fraction = text.rpartition(decimal_sep)
        return f"{_ungroup(whole, thousands_sep)}.{fraction}"
    if commas == 1:
        return text.replace(",", ".")
    if commas > 1:
        return _ungroup(text, ",")
    if dots > 1:
        return _ungroup(text, ".")
    if dots == 1 and thousands_dot and re.fullmatch(r"-?\d{1,3}\.\d{3}", text):
        return text.replace(".", "")  # 15.000 is fifteen thousand yuan
    return text


def parse_amount(text: str, *, thousands_dot: bool = False) -> Decimal:
    """A Decimal from a trader's text, or InvalidInput('unreadable')."""
    if not text or len(text) > MAX_NUMBER_TEXT:
        raise InvalidInput("unreadable")
    cleaned = _UNITS.sub("", text.strip().lower())
    cleaned = _SPACES.sub("", cleaned)
    multiplier = 1
    if cleaned.endswith("k"):
        cleaned, multiplier = cleaned[:-1], 1000
    cleaned = _normalise_separators(cleaned, thousands_dot)
    if not _NUMBER.fullmatch(cleaned):
        raise InvalidInput("unreadable")
    try:
        return Decimal(cleaned) * multiplier
    except InvalidOperation as exc:  # pragma: no cover - the pattern guarantees a number
        raise InvalidInput("unreadable") from exc


def digits_only(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() and ch.isascii())
