"""Numbers for admins: volume, billing and margin per container and category."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from domain.containers import Container
from domain.orders import Order
from domain.ports import UnitOfWork
from domain.pricing import Category


@dataclass
class Totals:
    orders: int = 0
    volume_l: int = 0
    billed_gnf: int = 0
    margin_gnf: int = 0

    def add(self, order: Order) -> None:
        self.orders += 1
        self.volume_l += order.volume_l
        self.billed_gnf += order.total_gnf
        self.margin_gnf += order.margin_gnf

    @property
    def margin_rate_pct(self) -> Decimal:
        if not self.billed_gnf:
            return Decimal(0)
        rate = Decimal(self.margin_gnf) * 100 / Decimal(self.billed_gnf)
        return rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class ContainerStats:
    container: Container
    total: Totals = field(default_factory=Totals)
    by_category: dict[Category, Totals] = field(default_factory=lambda: defaultdict(Totals))


def container_stats(uow: UnitOfWork, code: str | None = None) -> list[ContainerStats]:
    """Orders holding volume (reserved, proof sent, paid), per container and category."""
    with uow:
        containers = uow.containers.list_all()
        if code is not None:
            containers = [c for c in containers if c.code == code.strip().upper()]
        result = []
        for container in containers:
            stats = ContainerStats(container)
            for order in uow.orders.for_container(container.id):  # type: ignore[arg-type]
                if order.holds_volume:
                    stats.total.add(order)
                    stats.by_category[order.category].add(order)
            result.append(stats)
        return result
