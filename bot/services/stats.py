"""Numbers for admins: volume, billing and margin per container and category."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from domain.containers import Container, Stage
from domain.orders import Order
from domain.ports.unit_of_work import UnitOfWork
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
        result = []
        for container in _selected(uow, code):
            stats = ContainerStats(container)
            for order in uow.orders.for_container(container.stored_id):
                if order.holds_volume:
                    stats.total.add(order)
                    stats.by_category[order.category].add(order)
            result.append(stats)
        return result


def _selected(uow: UnitOfWork, code: str | None) -> list[Container]:
    containers = uow.containers.list_all()
    if code is not None:
        containers = [c for c in containers if c.code == code.strip().upper()]
    return containers


@dataclass(frozen=True)
class FillSeries:
    """Volume held in one open container over time: a step from its opening to `now`.

    Built from the orders holding volume today, by when each was placed; an order that
    expired or was cancelled is left out entirely, so the last point is the container's
    current fill."""

    code: str
    capacity_l: int
    points: tuple[tuple[datetime, int], ...]  # (moment, litres held from then on)


@dataclass(frozen=True)
class ChartData:
    """What the admin /stats picture shows: the same orders as the text."""

    code: str | None  # the container asked for, None for all of them
    fills: tuple[FillSeries, ...]  # containers not yet delivered
    margins: tuple[tuple[Category, int], ...]  # GNF, every category, in catalogue order


def chart_data(uow: UnitOfWork, now: datetime, code: str | None = None) -> ChartData:
    """Fill series of the open containers and margin per category over the containers
    the text covers (all of them, or the one named)."""
    margins = dict.fromkeys(Category, 0)
    fills = []
    with uow:
        for container in _selected(uow, code):
            orders = uow.orders.for_container(container.stored_id)
            held = [o for o in orders if o.holds_volume]
            for order in held:
                margins[order.category] += order.margin_gnf
            if container.stage is not Stage.LIVRE:
                fills.append(_fill(container, held, now))
    return ChartData(code, tuple(fills), tuple(margins.items()))


def _fill(container: Container, held: list[Order], now: datetime) -> FillSeries:
    start = container.opened_at or now
    steps: dict[datetime, int] = {start: 0}
    total = 0
    for order in sorted(held, key=lambda o: (o.created_at, o.id or 0)):
        total += order.volume_l
        steps[max(order.created_at, start)] = total
    steps[max(now, *steps)] = total
    return FillSeries(container.code, container.capacity_l, tuple(steps.items()))
