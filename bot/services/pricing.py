"""Quotes and the admin-set terms behind them (every change kept in history)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from domain.errors import InvalidInput, NotFound
from domain.ports import UnitOfWork
from domain.pricing import Category, Quote, Tariff, Terms, make_quote

MAX_RATE = Decimal(100_000)
MAX_COMMISSION_PCT = Decimal(50)
MAX_TARIFF_GNF = 1_000_000_000


def current_terms(uow: UnitOfWork, category: Category) -> Terms:
    rate = uow.pricing.current_rate()
    commission = uow.pricing.current_commission()
    tariff = uow.pricing.current_tariff(category)
    if rate is None or commission is None or tariff is None:
        raise NotFound("pricing terms", category.value)
    return Terms(rate[0], rate[1], commission[0], commission[1], tariff)


def quote(uow: UnitOfWork, category: Category, volume_l: int, price_fen: int) -> Quote:
    with uow:
        return make_quote(category, volume_l, price_fen, current_terms(uow, category))


def set_rate(uow: UnitOfWork, rate: Decimal, actor: str, now: datetime) -> None:
    if not Decimal(0) < rate <= MAX_RATE:
        raise InvalidInput("rate_out_of_range")
    with uow:
        uow.pricing.add_rate(rate, actor, now)
        uow.audit.record(actor, "set_rate", {"rate": str(rate)}, now)
        uow.commit()


def set_commission(uow: UnitOfWork, pct: Decimal, actor: str, now: datetime) -> None:
    if not Decimal(0) <= pct <= MAX_COMMISSION_PCT:
        raise InvalidInput("commission_out_of_range")
    with uow:
        uow.pricing.add_commission(pct, actor, now)
        uow.audit.record(actor, "set_commission", {"pct": str(pct)}, now)
        uow.commit()


def set_tariff(
    uow: UnitOfWork, category: Category, client: int, real: int, actor: str, now: datetime
) -> None:
    for value in (client, real):
        if not 0 < value <= MAX_TARIFF_GNF:
            raise InvalidInput("tariff_out_of_range")
    with uow:
        uow.pricing.add_tariff(Tariff(category, client, real, now), actor)
        detail = {"category": category.value, "client": client, "real": real}
        uow.audit.record(actor, "set_tariff", detail, now)
        uow.commit()
