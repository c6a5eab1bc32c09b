"""Quotes and the admin-set terms behind them (every change kept in history)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from domain.errors import NotFound
from domain.ports.unit_of_work import UnitOfWork
from domain.pricing import Category, Quote, Tariff, Terms, make_quote
from domain.terms import check_commission, check_rate, check_tariff


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
    check_rate(rate)
    with uow:
        uow.pricing.add_rate(rate, actor, now)
        uow.audit.record(actor, "set_rate", {"rate": str(rate)}, now)
        uow.commit()


def set_commission(uow: UnitOfWork, pct: Decimal, actor: str, now: datetime) -> None:
    check_commission(pct)
    with uow:
        uow.pricing.add_commission(pct, actor, now)
        uow.audit.record(actor, "set_commission", {"pct": str(pct)}, now)
        uow.commit()


def set_tariff(
    uow: UnitOfWork, category: Category, client: int, real: int, actor: str, now: datetime
) -> None:
    check_tariff(client, real)
    with uow:
        uow.pricing.add_tariff(Tariff(category, client, real, now), actor)
        detail = {"category": category.value, "client": client, "real": real}
        uow.audit.record(actor, "set_tariff", detail, now)
        uow.commit()
