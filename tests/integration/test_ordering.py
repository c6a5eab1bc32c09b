from datetime import timedelta
from decimal import Decimal

import pytest

from bot.services import containers as container_service
from bot.services import orders as order_service
from bot.services import pricing
from bot.services.defaults import load_defaults
from domain.containers import Stage
from domain.errors import (
    ContainerFull,
    IllegalTransition,
    InvalidInput,
    NotFound,
    QuoteChanged,
    StageTransitionError,
)
from domain.orders import OrderStatus
from domain.pricing import Category
from tests.conftest import NOW
from tests.integration.helpers import order, ready, trader


def used_and_sum(uow):
    with uow:
        result = []
        for container in uow.containers.list_all():
            held = sum(o.volume_l for o in uow.orders.for_container(container.id) if o.holds_volume)
            result.append((container.code, container.used_l, held))
        return result


def test_defaults_load_once(uow):
    assert load_defaults(uow, NOW, 76_000) == [
        "rate",
        "commission",
        "tariff:electronique",
        "tariff:textile",
        "tariff:divers",
        "container",
    ]
    assert load_defaults(uow, NOW, 76_000) == []
    with uow:
        assert [c.code for c in uow.containers.list_all()] == ["TD-2026-01"]
        assert uow.pricing.current_rate() == (Decimal(1250), NOW)


def test_quote_uses_terms_in_force(uow):
    ready(uow, NOW)
    quote = pricing.quote(uow, Category.TEXTILE, 3000, 1_000_000)
    assert quote.total_gnf == 28_125_000
    assert quote.terms.rate_set_at == NOW


def test_place_order_freezes_quote_and_reserves(uow):
    ready(uow, NOW)
    placed = order(uow, trader(uow, NOW).id, NOW)
    assert placed.order.number == "C00001"
    assert placed.order.status is OrderStatus.RESERVED
    assert placed.container.used_l == 3000
    pricing.set_rate(uow, Decimal(1300), "admin", NOW + timedelta(hours=1))
    with uow:
        stored = uow.orders.get(placed.order.id)
        assert (stored.total_gnf, stored.margin_gnf, stored.rate) == (
            28_125_000,
            3_025_000,
            Decimal(1250),
        )
        assert stored.created_at == NOW
    assert pricing.quote(uow, Category.TEXTILE, 3000, 1_000_000).goods_gnf == 13_000_000


def test_same_request_key_makes_one_order(uow):
    ready(uow, NOW)
    trader_id = trader(uow, NOW).id
    first = order(uow, trader_id, NOW, key="quote-1")
    again = order(uow, trader_id, NOW, key="quote-1")
    assert again.order.id == first.order.id
    assert used_and_sum(uow) == [("TD-2026-01", 3000, 3000)]


def test_changed_terms_are_reported_before_reserving(uow):
    ready(uow, NOW)
    trader_id = trader(uow, NOW).id
    with pytest.raises(QuoteChanged) as error:
        order(uow, trader_id, NOW, expected_total_gnf=1)
    assert error.value.new_total_gnf == 28_125_000
    assert used_and_sum(uow) == [("TD-2026-01", 0, 0)]


def test_too_large_order_is_refused_with_remaining(uow):
    ready(uow, NOW, capacity_l=10_000)
    trader_id = trader(uow, NOW).id
    order(uow, trader_id, NOW, volume_l=9_500, capacity_l=10_000)
    with pytest.raises(ContainerFull) as error:
        order(uow, trader_id, NOW, volume_l=1_000, capacity_l=10_000)
    assert error.value.remaining_l == 500
    assert used_and_sum(uow) == [("TD-2026-01", 9_500, 9_500)]


def test_order_on_next_container(uow):
    ready(uow, NOW, capacity_l=10_000)
    trader_id = trader(uow, NOW).id
    order(uow, trader_id, NOW, volume_l=9_500, capacity_l=10_000)
    with uow:
        current = uow.containers.open_for_orders()[0]
        nxt = container_service.next_container(uow, current, NOW, 10_000)
        uow.commit()
    placed = order(uow, trader_id, NOW, volume_l=2_000, container_code=nxt.code)
    assert placed.container.code == "TD-2026-02"
    assert used_and_sum(uow) == [("TD-2026-01", 9_500, 9_500), ("TD-2026-02", 2_000, 2_000)]


def test_filling_exactly_ships_and_opens_next(uow):
    ready(uow, NOW, capacity_l=10_000)
    trader_id = trader(uow, NOW).id
    order(uow, trader_id, NOW, volume_l=6_000, capacity_l=10_000)
    order(uow, trader_id, NOW, volume_l=4_000, capacity_l=10_000)
    with uow:
        first, second = uow.containers.list_all()
        assert (first.stage, first.used_l) == (Stage.MER, 10_000)
        assert (second.code, second.stage, second.capacity_l) == (
            "TD-2026-02",
            Stage.COLLECTE,
            10_000,
        )
    nxt = order(uow, trader_id, NOW, volume_l=1_000, capacity_l=10_000)
    assert nxt.container.code == "TD-2026-02"


def test_cancel_releases_volume_only_for_owner(uow):
    ready(uow, NOW)
    owner = trader(uow, NOW).id
    other = trader(uow, NOW, phone="+224620999999").id
    placed = order(uow, owner, NOW)
    with pytest.raises(NotFound):  # someone else's order is as unknown as a missing one
        order_service.cancel_order(uow, other, placed.order.id, NOW)
    cancelled = order_service.cancel_order(uow, owner, placed.order.id, NOW)
    assert cancelled.status is OrderStatus.CANCELLED
    assert used_and_sum(uow) == [("TD-2026-01", 0, 0)]
    with pytest.raises(IllegalTransition):
        order_service.cancel_order(uow, owner, placed.order.id, NOW)
    assert used_and_sum(uow) == [("TD-2026-01", 0, 0)]
    with pytest.raises(NotFound):
        order_service.cancel_order(uow, owner, 999, NOW)


def test_expiry_after_window_releases_volume(uow):
    ready(uow, NOW)
    trader_id = trader(uow, NOW).id
    kept = order(uow, trader_id, NOW, volume_l=1000).order
    late = order(uow, trader_id, NOW - timedelta(hours=49), volume_l=2000).order
    assert order_service.expire_due(uow, NOW + timedelta(hours=47)) and True
    with uow:
        assert uow.orders.get(late.id).status is OrderStatus.EXPIRED
        assert uow.orders.get(kept.id).status is OrderStatus.RESERVED
    assert order_service.expire_due(uow, NOW + timedelta(hours=47)) == []
    assert used_and_sum(uow) == [("TD-2026-01", 1000, 1000)]


def test_advance_stage_forward_only(uow):
    ready(uow, NOW)
    for expected in (Stage.MER, Stage.PORT, Stage.LIVRE):
        assert container_service.advance_stage(uow, "td-2026-01", "admin", NOW).stage is expected
    with pytest.raises(StageTransitionError):
        container_service.advance_stage(uow, "TD-2026-01", "admin", NOW)
    with pytest.raises(NotFound):
        container_service.advance_stage(uow, "TD-1999-01", "admin", NOW)


def test_admin_settings_validated_and_audited(uow):
    ready(uow, NOW)
    for bad in (Decimal(0), Decimal(-1), Decimal(10**9)):
        with pytest.raises(InvalidInput):
            pricing.set_rate(uow, bad, "admin", NOW)
    with pytest.raises(InvalidInput):
        pricing.set_commission(uow, Decimal(80), "admin", NOW)
    with pytest.raises(InvalidInput):
        pricing.set_tariff(uow, Category.TEXTILE, 0, 100, "admin", NOW)
    pricing.set_commission(uow, Decimal("4.5"), "admin", NOW)
    pricing.set_tariff(uow, Category.TEXTILE, 5_500_000, 4_000_000, "admin", NOW)
    quote = pricing.quote(uow, Category.TEXTILE, 1000, 1_000_000)
    assert quote.commission_gnf == 562_500
    assert quote.logistics_gnf == 5_500_000
    assert quote.real_cost_gnf == 4_000_000
