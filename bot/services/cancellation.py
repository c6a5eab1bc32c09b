"""Cancelling a whole container while it collects: every active order cancelled, the space
released, and what each trader paid credited to their balance, once.

One transaction does it all. The stage moves collecte → annule by a compare-and-set, so of
two admins (or a retry after a crash) only one cancels and the others change nothing; each
credit is a ledger entry keyed by its order (`cancel:<order id>`), unique in storage, and each
trader's message an outbox row keyed by the container: one credit and one message, ever.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.services import containers as container_service
from bot.services import ledger as ledger_service
from bot.services.notifications import notify_trader
from domain import ledger
from domain.containers import Container
from domain.errors import InvalidInput, NotFound
from domain.ledger import EntryKind
from domain.orders import Order
from domain.ports.unit_of_work import UnitOfWork

MAX_REASON = 200


@dataclass
class Affected:
    """A trader with orders in the container: which, and what comes back to their balance."""

    trader_id: int
    name: str
    phone: str
    orders: list[str] = field(default_factory=list)
    credit_gnf: int = 0


@dataclass(frozen=True)
class Cancellation:
    container: Container
    affected: list[Affected]
    opened: str | None = None  # the container opened because none was collecting

    @property
    def credited_gnf(self) -> int:
        return sum(a.credit_gnf for a in self.affected)


def clean_reason(text: str) -> str:
    reason = " ".join(text.split())
    if not 3 <= len(reason) <= MAX_REASON:
        raise InvalidInput("cancel_reason")
    return reason


def _collecting(uow: UnitOfWork, code: str) -> Container:
    container = uow.containers.by_code(code)
    if container is None:
        raise NotFound("container", code)
    container.check_cancellable()
    return container


def _credit_of(uow: UnitOfWork, order: Order) -> int:
    """What the order gives back: payments approved and credit used, less credits given."""
    if uow.proofs.pending_for_order(order.stored_id) is not None:
        raise InvalidInput("cancel_proof_pending", number=order.number)
    paid = uow.proofs.paid_for_order(order.stored_id)
    entries = [e.amount_gnf for e in uow.ledger.for_order(order.stored_id)]
    return ledger.cancellation_credit(paid, entries)


def _affected(uow: UnitOfWork, orders: list[Order], credits: dict[int, int]) -> list[Affected]:
    by_trader: dict[int, Affected] = {}
    for order in orders:
        if order.trader_id not in by_trader:
            trader = uow.traders.get(order.trader_id)
            name, phone = (trader.name, trader.phone) if trader else ("?", "")
            by_trader[order.trader_id] = Affected(order.trader_id, name, phone)
        by_trader[order.trader_id].orders.append(order.number)
        by_trader[order.trader_id].credit_gnf += credits.get(order.stored_id, 0)
    return list(by_trader.values())


def _active(uow: UnitOfWork, container: Container, lock: bool = False) -> list[Order]:
    """The orders holding volume in the container; `lock`: locked until commit, read fresh
    (so a second admin waiting on the first reads the orders as the first left them)."""
    read = uow.orders.lock_for_container if lock else uow.orders.for_container
    return [o for o in read(container.stored_id) if o.holds_volume]


def preview(uow: UnitOfWork, code: str) -> Cancellation:
    """Who is affected and what each gets back; NotFound, ContainerClosed (at sea or later),
    ContainerCancelled, or InvalidInput while a payment proof awaits a decision."""
    with uow:
        container = _collecting(uow, code)
        orders = _active(uow, container)
        credits = {o.stored_id: _credit_of(uow, o) for o in orders}
        return Cancellation(container, _affected(uow, orders, credits))


def cancel_container(
    uow: UnitOfWork, code: str, reason: str, actor: str, now: datetime, capacity_l: int
) -> Cancellation:
    """Cancel the container in one transaction (see the module's docstring)."""
    with uow:
        container = _collecting(uow, code)
        _active(uow, container, lock=True)  # orders first, as receipts do: no deadlock
        if not uow.containers.cancel(container, now):
            container.check_cancellable()  # cancelled or moved meanwhile: say which
        orders = _active(uow, container, lock=True)  # again: a reservation just committed
        credits = {o.stored_id: _cancel_order(uow, container, o, now) for o in orders}
        affected = _affected(uow, orders, credits)
        _tell(uow, container, affected, reason, now)
        uow.containers.record_stage(container, actor, now)
        detail = {"code": code, "reason": reason, "orders": len(orders),
                  "credited_gnf": sum(credits.values())}  # fmt: skip
        uow.audit.record(actor, "cancel_container", detail, now)
        opened = _keep_one_open(uow, now, capacity_l)
        uow.commit()
        return Cancellation(container, affected, opened)


def _cancel_order(uow: UnitOfWork, container: Container, order: Order, now: datetime) -> int:
    credit = _credit_of(uow, order)
    order.cancel_with_container(now)
    uow.containers.release(container, order.volume_l)
    if credit:
        ledger_service.credit(
            uow, order.trader_id, credit, EntryKind.CANCELLATION, f"cancel:{order.id}", now,
            order.id, container.code,
        )  # fmt: skip
    return credit


def _tell(
    uow: UnitOfWork, container: Container, affected: list[Affected], reason: str, now: datetime
) -> None:
    for each in affected:
        values = {
            "code": container.code,
            "reason": reason,
            "orders": ", ".join(each.orders),
            "amount": each.credit_gnf,
        }
        key = f"cancelled:{container.code}"
        notify_trader(uow, each.trader_id, key, "credit_card", values, now)


def _keep_one_open(uow: UnitOfWork, now: datetime, capacity_l: int) -> str | None:
    """Orders never stop: a new container opens when none is collecting."""
    if uow.containers.open_for_orders():
        return None
    return container_service.current_container(uow, now, capacity_l).code
