"""Units and the one conversion to GNF.

GNF has no minor unit: every GNF amount is an int. CNY is held in fen (1/100 yuan) and
volumes in litres (1 CBM = 1 000 L), both ints, so that no float ever touches money.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from domain.errors import InvalidInput

LITRES_PER_CBM = 1000
FEN_PER_CNY = 100


def to_gnf(amount: Decimal) -> int:
    """Round an exact GNF amount to a whole franc, half-up (0.5 goes away from zero)."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _exact_units(value: Decimal | str, per_unit: int, what: str) -> int:
    try:
        scaled = Decimal(value) * per_unit
    except InvalidOperation as exc:
        raise InvalidInput(f"unreadable_{what}") from exc
    if not scaled.is_finite() or scaled != scaled.to_integral_value():
        raise InvalidInput(f"too_precise_{what}")
    return int(scaled)


def litres_from_cbm(cbm: Decimal | str) -> int:
    """1.5 CBM -> 1500 L. More than 3 decimals is refused, never silently rounded."""
    return _exact_units(cbm, LITRES_PER_CBM, "volume")


def cbm_from_litres(litres: int) -> Decimal:
    return Decimal(litres) / LITRES_PER_CBM


def fen_from_cny(cny: Decimal | str) -> int:
    """12.34 CNY -> 1234 fen. More than 2 decimals is refused."""
    return _exact_units(cny, FEN_PER_CNY, "price")


def cny_from_fen(fen: int) -> Decimal:
    return Decimal(fen) / FEN_PER_CNY
