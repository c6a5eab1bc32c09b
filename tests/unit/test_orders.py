from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from domain.containers import VOYAGE, Stage
from domain.errors import IllegalTransition, InvalidInput, NotFound
from domain.orders import (
    ALLOWED,
    Order,
    OrderStatus,
    Progress,
    format_number,
    own_order,
    parse_number,
    progress,
)
from domain.pricing import Category, Tariff, Terms, make_quote

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)


def new_order(**overrides) -> Order:
    tariff = Tariff(Category.TEXTILE, 5_000_000, 4_200_000, NOW)
    quote = make_quote(
        Category.TEXTILE, 3000, 1_000_000, Terms(Decimal(1250), NOW, Decimal(5), NOW, tariff)
    )
    order = Order.from_quote(quote, trader_id=1, container_id=1, request_key="k", now=NOW)
    for name, value in overrides.items():
        setattr(order, name, value)
    return order


def test_order_freezes_the_quote():
    order = new_order()
    assert (order.total_gnf, order.margin_gnf) == (28_125_000, 3_025_000)
    assert order.quote.total_gnf == order.total_gnf
    assert order.expires_at == NOW + timedelta(hours=48)
    assert order.trader_quote().total_gnf == 28_125_000


@pytest.mark.parametrize(
    "path",
    [
        [OrderStatus.PROOF_SUBMITTED, OrderStatus.PAID],
        [OrderStatus.PROOF_SUBMITTED, OrderStatus.RESERVED, OrderStatus.PROOF_SUBMITTED],
        [OrderStatus.CANCELLED],
        [OrderStatus.EXPIRED],
        [OrderStatus.PAID],  # the amount due at order time covered by the trader's credit
        [OrderStatus.PROOF_SUBMITTED, OrderStatus.PAID, OrderStatus.RECEIVED, OrderStatus.LOADED],
        [
            OrderStatus.PROOF_SUBMITTED,
            OrderStatus.PAID,
            OrderStatus.RECEIVED,
            OrderStatus.ADJUSTED,
            OrderStatus.LOADED,
        ],
        [OrderStatus.PROOF_SUBMITTED, OrderStatus.PAID, OrderStatus.ADJUSTED],  # smaller
        [
            OrderStatus.PROOF_SUBMITTED,
            OrderStatus.PAID,
            OrderStatus.RECEIVED,
            OrderStatus.CONTESTED,
            OrderStatus.ADJUSTED,
        ],
    ],
)
def test_allowed_paths(path):
    order = new_order()
    for status in path:
        order.move_to(status, NOW)
    assert order.status is path[-1]


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (current, target)
        for current in OrderStatus
        for target in OrderStatus
        if target not in ALLOWED[current]
    ],
)
def test_every_other_transition_is_refused_and_changes_nothing(current, target):
    order = new_order(status=current)
    with pytest.raises(IllegalTransition) as error:
        order.move_to(target, NOW)
    assert order.status is current
    assert current.value in str(error.value) and target.value in str(error.value)


def test_paid_order_follows_its_container():
    assert [progress(OrderStatus.PAID, s) for s in VOYAGE] == [
        Progress.PAID,
        Progress.SHIPPED,
        Progress.ARRIVED,
        Progress.DELIVERED,
    ]
    assert progress(OrderStatus.RESERVED, Stage.MER) is Progress.RESERVED


@pytest.mark.parametrize("status", [OrderStatus.RECEIVED, OrderStatus.ADJUSTED, OrderStatus.LOADED])
def test_measured_orders_follow_their_container_once_it_left(status):
    assert progress(status, Stage.COLLECTE) is Progress(status.value)
    assert progress(status, Stage.MER) is Progress.SHIPPED
    assert progress(status, Stage.LIVRE) is Progress.DELIVERED


def test_a_contested_measure_shows_until_answered():
    assert progress(OrderStatus.CONTESTED, Stage.MER) is Progress.CONTESTED


def test_holds_volume():
    """Every order that goes ahead keeps its space, measured or loaded; only an order that
    never went ahead gives it back."""
    held = {s for s in OrderStatus if new_order(status=s).holds_volume}
    assert held == set(OrderStatus) - {OrderStatus.EXPIRED, OrderStatus.CANCELLED}


def test_expiry_only_for_reserved_past_window():
    order = new_order()
    assert not order.is_due_to_expire(NOW + timedelta(hours=47))
    assert order.is_due_to_expire(NOW + timedelta(hours=48))
    order.move_to(OrderStatus.PROOF_SUBMITTED, NOW)
    assert not order.is_due_to_expire(NOW + timedelta(days=9))


def test_a_trader_owns_only_their_orders_and_someone_elses_is_not_found():
    order = new_order()
    assert order.owned_by(order.trader_id) and not order.owned_by(order.trader_id + 1)
    assert own_order(order, order.trader_id, 7) is order
    for found in (order, None):
        with pytest.raises(NotFound) as missing:
            own_order(found, order.trader_id + 1, 7)
        assert (missing.value.what, missing.value.key) == ("order", 7)


def test_numbers():
    assert format_number(42) == "C00042"
    for text in ("C00042", "c42", "42", "#42", " C 42 "):
        assert parse_number(text) == 42
    for bad in ("", "abc", "C", "0", "-4", "4" * 20, "C12x", "²", "C٣"):
        with pytest.raises(InvalidInput):
            parse_number(bad)


def test_number_needs_an_id():
    with pytest.raises(ValueError):
        _ = new_order().number
