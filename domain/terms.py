"""The bounds on what admins may set: the exchange rate, the commission, the tariffs, and a
container's capacity. The use cases check these before anything is written.

A rate moving more than RATE_SWING from the one in force is allowed, but only confirmed
twice (a typo like `/taux 12500` for 1 250 must not reprice every quote silently).
"""

from __future__ import annotations

from decimal import Decimal

from domain.errors import InvalidInput

MIN_RATE = Decimal(1)  # below 1 GNF per yuan a quote would show "1 ¥ = 0 GNF"
MAX_RATE = Decimal(100_000)
RATE_DECIMALS = 4
RATE_SWING = Decimal("0.5")
MAX_COMMISSION_PCT = Decimal(30)
MAX_TARIFF_GNF = 1_000_000_000
MIN_CAPACITY_L = 1_000
MAX_CAPACITY_L = 200_000


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def check_rate(rate: Decimal) -> None:
    if not (MIN_RATE <= rate <= MAX_RATE) or _decimals(rate) > RATE_DECIMALS:
        raise InvalidInput("rate_out_of_range")


def is_large_swing(rate: Decimal, current: Decimal | None) -> bool:
    """True when `rate` is more than RATE_SWING away from the rate in force."""
    return current is not None and abs(rate - current) > current * RATE_SWING


def check_commission(pct: Decimal) -> None:
    if not Decimal(0) <= pct <= MAX_COMMISSION_PCT or _decimals(pct) > 2:
        raise InvalidInput("commission_out_of_range")


def check_tariff(client_per_cbm: int, real_per_cbm: int) -> None:
    """Whole GNF, positive, bounded; the client never pays less than what it costs us."""
    for value in (client_per_cbm, real_per_cbm):
        if not 0 < value <= MAX_TARIFF_GNF:
            raise InvalidInput("tariff_out_of_range")
    if client_per_cbm < real_per_cbm:
        raise InvalidInput("tariff_below_cost")


def check_capacity(capacity_l: int) -> None:
    if not MIN_CAPACITY_L <= capacity_l <= MAX_CAPACITY_L:
        raise InvalidInput("capacity_out_of_range")
