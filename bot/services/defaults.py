"""The earlier platform's defaults, loaded once; loading again changes nothing."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from bot.services.containers import open_container
from domain.ports.unit_of_work import UnitOfWork
from domain.pricing import Category, Tariff

DEFAULT_RATE = Decimal(1250)
DEFAULT_COMMISSION_PCT = Decimal(5)
DEFAULT_TARIFFS = {
    Category.ELECTRONIQUE: (6_000_000, 5_200_000),
    Category.TEXTILE: (5_000_000, 4_200_000),
    Category.DIVERS: (4_500_000, 3_700_000),
}


def load_defaults(uow: UnitOfWork, now: datetime, capacity_l: int) -> list[str]:
    """Fill in whatever is missing; return what was added."""
    added = []
    with uow:
        if uow.pricing.current_rate() is None:
            uow.pricing.add_rate(DEFAULT_RATE, "init", now)
            added.append("rate")
        if uow.pricing.current_commission() is None:
            uow.pricing.add_commission(DEFAULT_COMMISSION_PCT, "init", now)
            added.append("commission")
        for category, (client, real) in DEFAULT_TARIFFS.items():
            if uow.pricing.current_tariff(category) is None:
                uow.pricing.add_tariff(Tariff(category, client, real, now), "init")
                added.append(f"tariff:{category.value}")
        if not uow.containers.list_all():
            open_container(uow, now, "init", capacity_l)
            added.append("container")
        uow.commit()
    return added
