"""`python -m bot simulate-fill`: the earlier platform's fill test, on our use cases.

Simulated traders order random volumes, categories and prices until the current container is
full; then the books are checked: the container's volume is the sum of its orders, it left
collecte at capacity, and every order's total and margin re-computes from its frozen terms.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from bot.runtime.infrastructure import Services
from bot.services import containers as container_service
from bot.services import orders as order_service
from bot.services import stats as stats_service
from bot.services import traders as trader_service
from bot.text import formatting as fmt
from bot.text.keys import CATEGORY, STAGE
from bot.text.messages import t
from bot.text.values import Fill, Money, Percent, Volume
from domain.containers import Container, Stage
from domain.pricing import Category, make_quote
from domain.traders import Language

VOLUMES_L = (500, 1000, 2000, 3000, 5000, 10000)
MIN_LAST_ORDER_L = 500
CHANNEL = "simulation"


@dataclass(frozen=True)
class Check:
    key: str
    passed: bool


def _traders(services: Services, count: int) -> list[int]:
    now = services.clock()
    return [
        trader_service.register(
            services.uow_factory(),
            name=f"Commerçant {n:03d}",
            phone=f"+224620999{n:03d}",
            channel=CHANNEL,
            user_ref=f"+224620999{n:03d}",
            language=Language.FR,
            now=now,
        ).stored_id
        for n in range(1, count + 1)
    ]


def _fill(services: Services, container: Container, traders: list[int], rng: random.Random) -> None:
    """Order until full: the last order takes exactly what remains (if at least 0.5 CBM)."""
    remaining = container.remaining_l
    n = 0
    while remaining >= MIN_LAST_ORDER_L:
        volume = min(rng.choice(VOLUMES_L), remaining)
        request = order_service.OrderRequest(
            trader_id=traders[n % len(traders)],
            category=rng.choice(list(Category)),
            volume_l=volume,
            price_fen=rng.randint(1_000, 20_000) * 100,
            request_key=f"sim-{container.code}-{n}",
            container_code=container.code,
        )
        placement = order_service.place_order(
            services.uow_factory(),
            request,
            services.clock(),
            reservation=timedelta(hours=services.settings.reservation_hours),
            capacity_l=container.capacity_l,
            transit_days=services.settings.sea_transit_days,
        )
        remaining = placement.container.remaining_l
        n += 1


def _checks(services: Services, code: str) -> tuple[stats_service.ContainerStats, list[Check]]:
    [stats] = stats_service.container_stats(services.uow_factory(), code)
    container = stats.container
    uow = services.uow_factory()
    with uow:
        orders = [o for o in uow.orders.for_container(container.stored_id) if o.holds_volume]
    recomputed = [make_quote(o.category, o.volume_l, o.price_fen, o.quote.terms) for o in orders]
    checks = [
        Check("sim.check_volume", container.used_l == sum(o.volume_l for o in orders)),
        Check(
            "sim.check_stage",
            container.used_l == container.capacity_l and container.stage is Stage.MER,
        ),
        Check(
            "sim.check_billed",
            stats.total.billed_gnf == sum(q.total_gnf for q in recomputed),
        ),
        Check(
            "sim.check_margin",
            stats.total.margin_gnf == sum(q.margin_gnf for q in recomputed),
        ),
    ]
    return stats, checks


def report(stats: stats_service.ContainerStats, checks: list[Check]) -> str:
    c, total = stats.container, stats.total
    lines = [
        t("sim.title", code=c.code),
        t("sim.volume", used=fmt.cbm_number(c.used_l), capacity=Volume(c.capacity_l)),
        t("sim.fill", bar=Fill(c.fill_pct)),
        t("sim.stage", stage=t(STAGE[c.stage])),
        t("sim.orders", count=total.orders),
        t("sim.billed", amount=Money(total.billed_gnf)),
        t("sim.margin", amount=Money(total.margin_gnf), rate=Percent(total.margin_rate_pct)),
        t("sim.by_category"),
    ]
    for category, sub in sorted(stats.by_category.items()):
        lines.append(
            t(
                "sim.category_line",
                category=t(CATEGORY[category]),
                count=sub.orders,
                volume=Volume(sub.volume_l),
                billed=Money(sub.billed_gnf),
                margin=Money(sub.margin_gnf),
            )
        )
    lines.append(t("sim.checks"))
    lines += [t("sim.ok" if check.passed else "sim.failed", what=t(check.key)) for check in checks]
    return "\n".join(lines)


def simulate_fill(services: Services, *, seed: int | None, traders: int, out: Callable) -> bool:
    rng = random.Random(seed)
    uow = services.uow_factory()
    with uow:
        container = container_service.current_container(
            uow, services.clock(), services.settings.capacity_l
        )
        uow.commit()
    _fill(services, container, _traders(services, traders), rng)
    stats, checks = _checks(services, container.code)
    out(report(stats, checks))
    return all(check.passed for check in checks)
