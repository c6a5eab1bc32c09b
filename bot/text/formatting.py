"""French (and English) presentation of numbers, at the edge only, with Babel."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from domain.quantities import cbm_from_litres, cny_from_fen

NBSP = "\u00a0"
LOCALES = {"fr": "fr_FR", "en": "en_GB"}
CONAKRY = ZoneInfo("Africa/Conakry")
BAR_WIDTH = 10


def _number(value: Decimal | int, lang: str, pattern: str | None = None) -> str:
    text = format_decimal(value, format=pattern, locale=LOCALES.get(lang, "fr_FR"))
    # Babel's French grouping is a narrow no-break space: show a plain no-break space,
    # which every phone renders and which keeps an amount on one line.
    return text.replace("\u202f", NBSP).replace(" ", NBSP)


def gnf(amount: int, lang: str = "fr") -> str:
    return f"{_number(amount, lang, '#,##0')}{NBSP}GNF"


def rate(gnf_per_cny: Decimal, lang: str = "fr") -> str:
    return f"{_number(gnf_per_cny, lang, '#,##0.####')}{NBSP}GNF"


def cny(fen: int, lang: str = "fr") -> str:
    return f"{_number(cny_from_fen(fen), lang, '#,##0.##')}{NBSP}¥"


def kilobytes(size: int, lang: str = "fr") -> str:
    """A file size, rounded up to the kilobyte: '12 Ko' / '12 KB'."""
    unit = "KB" if lang == "en" else "Ko"
    return f"{_number(-(-size // 1024), lang, '#,##0')}{NBSP}{unit}"


def cbm_number(litres: int, lang: str = "fr") -> str:
    return _number(cbm_from_litres(litres), lang, "#,##0.0##")


def cbm(litres: int, lang: str = "fr") -> str:
    return f"{cbm_number(litres, lang)}{NBSP}CBM"


def decimal(value: Decimal, lang: str = "fr", pattern: str = "#,##0.##") -> str:
    return _number(value, lang, pattern)


def percent(value: Decimal, lang: str = "fr") -> str:
    return f"{_number(value, lang, '#,##0.0')}{NBSP}%"


def when(moment: datetime, lang: str = "fr") -> str:
    return format_datetime(
        moment.astimezone(CONAKRY), "dd/MM/yyyy HH:mm", locale=LOCALES.get(lang, "fr_FR")
    )


def day(value: date, lang: str = "fr") -> str:
    """A calendar day, month in words: '15 janvier 2027' / '15 January 2027'."""
    return format_date(value, "d MMMM y", locale=LOCALES.get(lang, "fr_FR"))


def fill_bar(fill_pct: Decimal, lang: str = "fr") -> str:
    """'▓▓▓▓▓▓░░░░ 62 %': one block per full tenth."""
    filled = min(BAR_WIDTH, int(fill_pct // 10))
    whole = _number(fill_pct.to_integral_value(rounding="ROUND_FLOOR"), lang, "0")
    return "▓" * filled + "░" * (BAR_WIDTH - filled) + f" {whole}{NBSP}%"


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters for channels that cap a message's length,
    cut at line ends when possible."""
    pieces = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > 0 else limit
        pieces.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return [*pieces, text] if text else pieces
