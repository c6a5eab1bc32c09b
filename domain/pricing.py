"""The "calcul intelligent": a quote's lines from the terms in force.

Each GNF line is computed from exact values and rounded half-up on its own; the total is the
sum of the rounded lines. The margin and the real cost exist only on `Quote`; the trader sees
a `TraderQuote`, which does not hold them at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from domain.quantities import cbm_from_litres, cny_from_fen, to_gnf

ONE_HUNDRED = Decimal(100)


class Category(StrEnum):
    ELECTRONIQUE = "electronique"
    TEXTILE = "textile"
    DIVERS = "divers"


@dataclass(frozen=True)
class Tariff:
    """Per-CBM logistics prices of one category: what the client pays and what it costs us."""

    category: Category
    client_per_cbm: int
    real_per_cbm: int
    set_at: datetime


@dataclass(frozen=True)
class Terms:
    """Everything a quote depends on, with the date each value was set."""

    rate: Decimal  # GNF per CNY
    rate_set_at: datetime
    commission_pct: Decimal
    commission_set_at: datetime
    tariff: Tariff


@dataclass(frozen=True)
class TraderQuote:
    """What a trader may see of a quote: no real cost, no margin."""

    category: Category
    volume_l: int
    price_fen: int
    rate: Decimal
    rate_set_at: datetime
    commission_pct: Decimal
    goods_gnf: int
    commission_gnf: int
    logistics_gnf: int
    total_gnf: int


@dataclass(frozen=True)
class Quote:
    category: Category
    volume_l: int
    price_fen: int
    terms: Terms
    goods_gnf: int
    commission_gnf: int
    logistics_gnf: int
    real_cost_gnf: int

    @property
    def total_gnf(self) -> int:
        return self.goods_gnf + self.commission_gnf + self.logistics_gnf

    @property
    def margin_gnf(self) -> int:
        return self.commission_gnf + self.logistics_gnf - self.real_cost_gnf

    def for_trader(self) -> TraderQuote:
        return TraderQuote(
            category=self.category,
            volume_l=self.volume_l,
            price_fen=self.price_fen,
            rate=self.terms.rate,
            rate_set_at=self.terms.rate_set_at,
            commission_pct=self.terms.commission_pct,
            goods_gnf=self.goods_gnf,
            commission_gnf=self.commission_gnf,
            logistics_gnf=self.logistics_gnf,
            total_gnf=self.total_gnf,
        )


def make_quote(category: Category, volume_l: int, price_fen: int, terms: Terms) -> Quote:
    if terms.tariff.category != category:
        raise ValueError(f"tariff of {terms.tariff.category} used for {category}")
    goods_exact = cny_from_fen(price_fen) * terms.rate
    volume = cbm_from_litres(volume_l)
    return Quote(
        category=category,
        volume_l=volume_l,
        price_fen=price_fen,
        terms=terms,
        goods_gnf=to_gnf(goods_exact),
        commission_gnf=to_gnf(goods_exact * terms.commission_pct / ONE_HUNDRED),
        logistics_gnf=to_gnf(volume * terms.tariff.client_per_cbm),
        real_cost_gnf=to_gnf(volume * terms.tariff.real_per_cbm),
    )
