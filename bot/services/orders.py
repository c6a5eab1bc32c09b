"""Orders: reserve volume for a quote, cancel, expire."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.services import containers as container_service
from bot.services import ledger as ledger_service
from bot.services.notifications import notify_trader
from bot.services.pricing import current_terms
from bot.text.values import Volume
from domain.containers import Container
from domain.errors import (
    ContainerClosed,
    DuplicateRequest,
    InvalidInput,
    NotFound,
    QuoteChanged,
)
from domain.eta import SEA_TRANSIT_DAYS
from domain.orders import Order, OrderStatus, own_order
from domain.ports.unit_of_work import UnitOfWork
from domain.pricing import Category, Terms, make_quote


@dataclass(frozen=True)
class OrderRequest:
    trader_id: int
    category: Category
    volume_l: int
    price_fen: int
    request_key: str  # one per quote shown: confirming it twice makes one order
    expected_total_gnf: int | None = None
    container_code: str | None = None  # None: the current container


@dataclass(frozen=True)
class Placement:
    order: Order
    container: Container
    filled_container: bool
    money: ledger_service.OrderMoney | None = None  # with_money: what the trader is shown
    proof_pending: bool = False  # with_money, for an order placed before (the same request)


def _target_container(
    uow: UnitOfWork, request: OrderRequest, now: datetime, capacity_l: int
) -> Container:
    if request.container_code is None:
        return container_service.current_container(uow, now, capacity_l)
    container = uow.containers.by_code(request.container_code)
    if container is None:
        raise NotFound("container", request.container_code)
    return container


def _reserve(
    uow: UnitOfWork, request: OrderRequest, now: datetime, capacity_l: int
) -> tuple[Container, bool]:
    """Reserve in the target container. When the trader did not name one and the current
    container left collecte meanwhile (filled by someone else), take the one after it."""
    attempts = 1 if request.container_code else 3
    for attempt in range(attempts):
        container = _target_container(uow, request, now, capacity_l)
        try:
            return container, uow.containers.reserve(container, request.volume_l, now)
        except ContainerClosed:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def place_order(
    uow: UnitOfWork,
    request: OrderRequest,
    now: datetime,
    *,
    reservation: timedelta,
    capacity_l: int,
    transit_days: int = SEA_TRANSIT_DAYS,
    deposit_percent: int = 100,
    with_money: bool = False,
    terms_of: Callable[[UnitOfWork, Category], Terms] = current_terms,
) -> Placement:
    """Reserve the volume and record the order with its quote frozen in, in one transaction.
    What is due at order time (`deposit_percent` of the total) takes the trader's credit.
    `with_money`: the order's money read in the same transaction (what the flow shows);
    `terms_of`: where the current terms come from (a cache of them)."""
    if request.volume_l <= 0:
        raise InvalidInput("volume_not_positive")
    if request.price_fen < 0:
        raise InvalidInput("price_negative")
    with uow:
        existing = uow.orders.by_request_key(request.request_key)
        if existing is not None:
            return _placed(uow, existing, None, False, with_money)
        terms = terms_of(uow, request.category)
        quote = make_quote(request.category, request.volume_l, request.price_fen, terms)
        if request.expected_total_gnf not in (None, quote.total_gnf):
            raise QuoteChanged(quote.total_gnf)
        container, filled = _reserve(uow, request, now, capacity_l)
        order = Order.from_quote(
            quote,
            trader_id=request.trader_id,
            container_id=container.stored_id,
            request_key=request.request_key,
            now=now,
            reservation=reservation,
            deposit_percent=deposit_percent,
        )
        try:
            uow.orders.add(order)
        except DuplicateRequest:
            uow.rollback()
            winner = uow.orders.by_request_key(request.request_key)
            assert winner is not None
            return _placed(uow, winner, None, False, with_money)
        if filled:
            container_service.after_fill(uow, container, now, transit_days=transit_days)
        _take_credit(uow, order, now)
        placement = _placed(uow, order, container, filled, with_money)
        uow.commit()
        return placement


def _placed(
    uow: UnitOfWork, order: Order, container: Container | None, filled: bool, with_money: bool
) -> Placement:
    """The placement; an order placed before (container None) is read as it stands now."""
    pending = False
    if container is None:
        container = uow.containers.get(order.container_id)
        assert container is not None
        pending = with_money and uow.proofs.pending_for_order(order.stored_id) is not None
    money = ledger_service.money_of(uow, order) if with_money else None
    return Placement(order, container, filled, money, pending)


def _take_credit(uow: UnitOfWork, order: Order, now: datetime) -> None:
    """The trader's credit pays what is due at order time; covered in full, it is paid.
    Without a credit, one indexed sum and nothing else on the reservation's hot path."""
    if uow.ledger.balance(order.trader_id) <= 0:
        return
    statement = ledger_service.use_credit(uow, order, "order", now)
    if statement.credit_used_gnf and not statement.to_pay_gnf:
        order.move_to(OrderStatus.PAID, now)
        detail = {"order": order.number, "credit": statement.credit_used_gnf}
        uow.audit.record("system", "paid_by_credit", detail, now)


def _release(uow: UnitOfWork, order: Order, target: OrderStatus, now: datetime) -> None:
    order.move_to(target, now)
    container = uow.containers.get(order.container_id)
    assert container is not None
    uow.containers.release(container, order.volume_l)
    ledger_service.restore_credit(uow, order, now)


def cancel_order(uow: UnitOfWork, trader_id: int, order_id: int, now: datetime) -> Order:
    with uow:
        order = own_order(uow.orders.get(order_id, for_update=True), trader_id, order_id)
        _release(uow, order, OrderStatus.CANCELLED, now)
        uow.commit()
        return order


def expire_due(uow: UnitOfWork, now: datetime) -> list[Order]:
    """Expire every reservation past its window, releasing its volume; one commit each."""
    expired = []
    with uow:
        due = uow.orders.due_to_expire(now)
    for order_id in due:
        with uow:
            order = uow.orders.get(order_id, for_update=True)
            if order is None or not order.is_due_to_expire(now):
                continue  # paid, cancelled or proof sent meanwhile
            _release(uow, order, OrderStatus.EXPIRED, now)
            uow.audit.record("system", "expire_order", {"order": order.number}, now)
            values = {"number": order.number, "volume": Volume(order.volume_l)}
            key = f"expired:{order.id}"
            notify_trader(uow, order.trader_id, key, "notify.expired", values, now)
            uow.commit()
            expired.append(order)
    return expired
