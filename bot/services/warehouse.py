"""Warehouse receipts: an admin records the measured volume; the order is billed on it with
its frozen terms, the space follows the measure, and the trader is told.

Equal: the receipt only. Larger: the extra space is reserved with the container's one
conditional UPDATE (no second overfill rule); without room the admin chooses to move the
order to the next container or to refuse the extra; the trader accepts or contests the
difference. Smaller: the space is released and the difference credited to the trader, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.services import containers as container_service
from bot.services import ledger as ledger_service
from bot.services.loading import load_orders
from bot.services.notifications import notify_admins, notify_trader
from bot.text.values import Money, Volume
from domain.containers import Container, Stage
from domain.errors import ContainerClosed, ContainerFull, InvalidInput, NotFound, found
from domain.ledger import EntryKind, Statement
from domain.orders import Order, OrderStatus
from domain.ports.unit_of_work import UnitOfWork
from domain.warehouse import (
    NoRoomForMeasure,
    ReceiptOutcome,
    ReceiptStatus,
    WarehouseReceipt,
    check_measure,
    outcome_of,
)

CLOSED = (OrderStatus.CANCELLED, OrderStatus.EXPIRED)


class Room(StrEnum):
    """What to do with a larger measure that does not fit in the order's container."""

    ASK = "ask"  # tell the admin (NoRoomForMeasure)
    MOVE = "move"  # the whole order to the next open container
    REFUSE = "refuse"  # only the ordered volume travels


@dataclass(frozen=True)
class ReceiptRequest:
    order_id: int
    measured_l: int
    actor: str
    cartons: int | None = None
    photo: bytes | None = None
    room: Room = Room.ASK


@dataclass(frozen=True)
class Preview:
    order: Order
    container: Container
    trader_name: str
    outcome: ReceiptOutcome
    new_total_gnf: int
    fits: bool  # a larger measure fits in the order's container


@dataclass(frozen=True)
class Recorded:
    receipt: WarehouseReceipt
    order: Order
    container: Container
    statement: Statement  # what the trader pays now, line by line


def _receivable(
    uow: UnitOfWork, order_id: int, measured_l: int, lock: bool = False
) -> tuple[Order, Container]:
    """The order and its container, when this measure may be recorded for it."""
    order = uow.orders.get(order_id, for_update=lock)
    if order is None:
        raise NotFound("order", order_id)
    if order.status in CLOSED:
        raise InvalidInput("receipt_cancelled")
    if uow.warehouse.for_order(order_id) is not None:
        raise InvalidInput("receipt_already")
    if order.status is not OrderStatus.PAID:
        raise InvalidInput("receipt_not_paid")
    container = uow.containers.get(order.container_id)
    assert container is not None
    check_measure(measured_l, container.capacity_l)
    return order, container


def preview(uow: UnitOfWork, order_id: int, measured_l: int) -> Preview:
    """What recording this measure would do; InvalidInput / NotFound when it may not."""
    with uow:
        order, container = _receivable(uow, order_id, measured_l)
        trader = uow.traders.get(order.trader_id)
        extra = measured_l - order.volume_l
        fits = extra <= 0 or container.fits(extra)
        return Preview(
            order, container, trader.name if trader else "?",
            outcome_of(order.volume_l, measured_l), order.remeasured(measured_l).total_gnf, fits,
        )  # fmt: skip


def _make_room(
    uow: UnitOfWork,
    order: Order,
    container: Container,
    measured_l: int,
    room: Room,
    now: datetime,
) -> tuple[Container, bool]:
    """Reserve the larger measure; returns the container the order is in and whether the
    reservation filled it. NoRoomForMeasure when it does not fit and the admin must choose."""
    extra = measured_l - order.volume_l
    if room is not Room.MOVE:
        try:
            return container, uow.containers.reserve(container, extra, now)
        except (ContainerFull, ContainerClosed):
            raise NoRoomForMeasure(extra, container.remaining_l, container.code) from None
    target = container_service.next_container(uow, container, now, container.capacity_l)
    try:
        filled = uow.containers.reserve(target, measured_l, now)
    except (ContainerFull, ContainerClosed):
        raise NoRoomForMeasure(measured_l, target.remaining_l, target.code) from None
    uow.containers.release(container, order.volume_l)
    order.container_id = target.stored_id
    return target, filled


def _apply(
    uow: UnitOfWork, request: ReceiptRequest, order: Order, container: Container, now: datetime
) -> tuple[WarehouseReceipt, Container, bool]:
    """Bill the measure and move the space; returns (receipt, container, filled)."""
    quote = order.remeasured(request.measured_l)
    receipt = WarehouseReceipt(
        order.stored_id, order.volume_l, request.measured_l, order.total_gnf, quote.total_gnf,
        ReceiptStatus.DONE, now, request.actor, request.cartons, request.photo,
    )  # fmt: skip
    filled = False
    if receipt.outcome is ReceiptOutcome.LARGER and request.room is Room.REFUSE:
        receipt.status, receipt.new_total_gnf = ReceiptStatus.EXTRA_REFUSED, order.total_gnf
        order.move_to(OrderStatus.RECEIVED, now)
    elif receipt.outcome is ReceiptOutcome.LARGER:
        container, filled = _make_room(uow, order, container, request.measured_l, request.room, now)
        receipt.status = ReceiptStatus.AWAITING
        order.adopt_measure(quote, now)
        order.move_to(OrderStatus.RECEIVED, now)
    elif receipt.outcome is ReceiptOutcome.SMALLER:
        uow.containers.release(container, order.volume_l - request.measured_l)
        order.adopt_measure(quote, now)
        order.move_to(OrderStatus.ADJUSTED, now)
    else:
        order.move_to(OrderStatus.RECEIVED, now)
    return uow.warehouse.add(receipt), container, filled


def record_receipt(uow: UnitOfWork, request: ReceiptRequest, now: datetime) -> Recorded:
    """Record the measure in one transaction: bill, space, credit, the trader told."""
    with uow:
        order, container = _receivable(uow, request.order_id, request.measured_l, lock=True)
        receipt, container, filled = _apply(uow, request, order, container, now)
        if receipt.outcome is ReceiptOutcome.SMALLER and receipt.difference_gnf:
            key = f"remeasure:{order.id}"
            ledger_service.credit(
                uow, order.trader_id, -receipt.difference_gnf, EntryKind.REMEASURE_CREDIT, key,
                now, order.id, f"receipt {receipt.id}",
            )  # fmt: skip
        statement = ledger_service.use_credit(uow, order, "measure", now)
        if filled:
            container_service.after_fill(uow, container, now)
        elif container.stage is not Stage.COLLECTE:
            load_orders(uow, container, request.actor, now)  # measured after it left
        _record(uow, receipt, order, statement, request.actor, now)
        uow.commit()
        return Recorded(receipt, order, container, statement)


def _record(
    uow: UnitOfWork,
    receipt: WarehouseReceipt,
    order: Order,
    statement: Statement,
    actor: str,
    now: datetime,
) -> None:
    detail = {
        "order": order.number,
        "receipt": receipt.id,
        "previous_l": receipt.previous_l,
        "measured_l": receipt.measured_l,
        "difference_gnf": receipt.difference_gnf,
        "status": receipt.status.value,
    }
    uow.audit.record(actor, "warehouse_receipt", detail, now)
    payload = {
        "receipt_id": receipt.id,
        "amount": statement.amount_gnf,
        "credit_used": statement.credit_used_gnf,
    }
    notify_trader(uow, order.trader_id, f"receipt:{receipt.id}", "receipt_card", payload, now)


def answer(
    uow: UnitOfWork, trader_id: int, receipt_id: int, accept: bool, now: datetime
) -> tuple[Order, Statement]:
    """The trader accepts (the difference is then due, the credit taken first) or contests
    a larger measure. NotFound for someone else's receipt."""
    with uow:
        seen = uow.warehouse.get(receipt_id)
        order = uow.orders.get(seen.order_id, for_update=True) if seen else None
        if order is None or not order.owned_by(trader_id):
            raise NotFound("receipt", receipt_id)
        if not accept:
            contest(uow, order, now)
            uow.commit()
            return order, Statement(0, 0)
        receipt = found(uow.warehouse.get(receipt_id, for_update=True), "receipt", receipt_id)
        receipt.answer(True, now)
        order.move_to(OrderStatus.ADJUSTED, now)
        uow.audit.record(f"trader {trader_id}", "accept_measure", {"order": order.number}, now)
        statement = ledger_service.use_credit(uow, order, "measure", now)
        uow.commit()
        return order, statement


def contest(uow: UnitOfWork, order: Order, now: datetime) -> WarehouseReceipt:
    """The trader contests the measure of `order` (inside the caller's transaction): the
    order is marked contested and the admins get the receipt. The one place to hook a
    support conversation on."""
    seen = uow.warehouse.for_order(order.stored_id)
    receipt = uow.warehouse.get(seen.id, for_update=True) if seen and seen.id else None
    if receipt is None:
        raise NotFound("receipt of order", order.number)
    receipt.answer(False, now)
    order.move_to(OrderStatus.CONTESTED, now)
    uow.audit.record(f"trader {order.trader_id}", "contest_measure", {"order": order.number}, now)
    values = {
        "number": order.number,
        "previous": Volume(receipt.previous_l),
        "measured": Volume(receipt.measured_l),
        "difference": Money(receipt.difference_gnf),
    }
    notify_admins(uow, f"contested:{receipt.id}", "admin.receipt_contested", values, now)
    return receipt
