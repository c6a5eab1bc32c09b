"""The numbers behind the admin /stats picture, on a real database."""

from datetime import timedelta

from bot.services import containers, stats
from bot.services.orders import cancel_order
from domain.pricing import Category
from tests.conftest import NOW
from tests.integration.helpers import order, ready, trader

HOUR = timedelta(hours=1)


def test_fill_steps_follow_the_orders_holding_volume_and_margins_sum_per_category(uow):
    ready(uow, NOW)
    trader_id = trader(uow, NOW).id
    order(uow, trader_id, NOW + HOUR, volume_l=2500, category=Category.ELECTRONIQUE)
    order(uow, trader_id, NOW + 2 * HOUR, volume_l=3000, category=Category.TEXTILE)
    cancelled = order(uow, trader_id, NOW + 3 * HOUR, volume_l=1000, category=Category.TEXTILE)
    cancel_order(uow, trader_id, cancelled.order.id, NOW + 4 * HOUR)

    data = stats.chart_data(uow, NOW + 5 * HOUR)

    [series] = data.fills
    assert (series.code, series.capacity_l) == (cancelled.container.code, 76_000)
    assert series.points == (
        (NOW, 0),
        (NOW + HOUR, 2500),
        (NOW + 2 * HOUR, 5500),
        (NOW + 5 * HOUR, 5500),
    )
    assert data.margins == (
        (Category.ELECTRONIQUE, 2_625_000),
        (Category.TEXTILE, 3_025_000),
        (Category.DIVERS, 0),
    )
    assert data.code is None


def test_a_delivered_container_leaves_the_fill_but_keeps_its_margin(uow):
    ready(uow, NOW)
    trader_id = trader(uow, NOW).id
    first = order(uow, trader_id, NOW + HOUR, volume_l=3000).container
    second = containers.open_new(uow, NOW + 2 * HOUR, "admin:1", 76_000)
    for _ in range(3):  # collecte -> mer -> port -> livre
        containers.advance_stage(uow, first.code, "admin:1", NOW + 3 * HOUR)
    order(uow, trader_id, NOW + 4 * HOUR, volume_l=2500, category=Category.ELECTRONIQUE)

    data = stats.chart_data(uow, NOW + 4 * HOUR)

    assert [(s.code, s.points) for s in data.fills] == [
        (second.code, ((NOW + 2 * HOUR, 0), (NOW + 4 * HOUR, 2500)))
    ]
    assert dict(data.margins) == {
        Category.ELECTRONIQUE: 2_625_000,
        Category.TEXTILE: 3_025_000,
        Category.DIVERS: 0,
    }
    only_first = stats.chart_data(uow, NOW + 4 * HOUR, first.code.lower())
    assert only_first.fills == ()
    assert dict(only_first.margins)[Category.TEXTILE] == 3_025_000
    assert dict(only_first.margins)[Category.ELECTRONIQUE] == 0
