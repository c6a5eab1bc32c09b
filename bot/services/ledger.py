"""The trader's ledger and what an order still asks: the money use cases.

Every write is an entry with an idempotency key (the ledger's storage ignores a key used
before), and spending a credit takes the trader's lock first, so a credit is never used
twice nor refunded twice, whatever runs at the same time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain import ledger
from domain.ledger import EntryKind, LedgerEntry, Statement
from domain.orders import Order, OrderStatus
from domain.ports.unit_of_work import UnitOfWork
from domain.proofs import ProofKind

CLOSED = frozenset({OrderStatus.EXPIRED, OrderStatus.CANCELLED})


@dataclass(frozen=True)
class OrderMoney:
    """An order's account: what it costs, what was paid, what remains and is payable now."""

    total_gnf: int
    paid_gnf: int
    credit_used_gnf: int
    remaining_gnf: int
    due_now_gnf: int
    kind: ProofKind  # what a payment made now would pay
    awaiting_answer: int | None  # the receipt awaiting the trader's answer, if any


def remaining_due(uow: UnitOfWork, order: Order) -> int:
    """What remains to pay on an order, after the payments approved and the credit used
    (0 for an order cancelled or expired). Call inside an open unit of work."""
    if order.status in CLOSED:
        return 0
    entries = [e.amount_gnf for e in uow.ledger.for_order(order.stored_id)]
    paid = uow.proofs.paid_for_order(order.stored_id)
    return ledger.remaining_due(order.total_gnf, paid, entries)


def money_of(uow: UnitOfWork, order: Order) -> OrderMoney:
    """Three reads: the warehouse receipt, the order's ledger entries, its approved payments."""
    assert order.id is not None
    receipt = uow.warehouse.for_order(order.id)
    entries = uow.ledger.for_order(order.id)
    paid = uow.proofs.paid_for_order(order.id)
    remaining = (
        0
        if order.status in CLOSED
        else ledger.remaining_due(order.total_gnf, paid, [e.amount_gnf for e in entries])
    )
    awaiting = receipt.awaiting_answer if receipt else False
    used = -sum(e.amount_gnf for e in entries if e.kind is EntryKind.CREDIT_USED)
    ordered_total = receipt.previous_total_gnf if receipt else order.total_gnf
    due = ledger.due_now(order.status, order.total_gnf, order.due_at_order_gnf, remaining, awaiting)
    return OrderMoney(
        total_gnf=order.total_gnf,
        paid_gnf=sum(paid),
        credit_used_gnf=used,
        remaining_gnf=remaining,
        due_now_gnf=due,
        kind=ledger.instalment_kind(order.status, order.due_at_order_gnf, ordered_total),
        awaiting_answer=receipt.id if receipt and awaiting else None,
    )


def credit(
    uow: UnitOfWork,
    trader_id: int,
    amount_gnf: int,
    kind: EntryKind,
    key: str,
    now: datetime,
    order_id: int | None = None,
    note: str = "",
) -> bool:
    """Credit a trader once per key; False when that key was credited already."""
    entry = LedgerEntry(trader_id, amount_gnf, kind, key, now, order_id, note)
    return uow.ledger.add(entry)


def use_credit(uow: UnitOfWork, order: Order, stage: str, now: datetime) -> Statement:
    """Take the trader's credit on what the order asks now (once per order and `stage`):
    the amount, the credit used, and what is left to pay. The trader's lock is taken only
    when there is a credit to spend, after any container lock (always in that order)."""
    due = money_of(uow, order).due_now_gnf
    if due <= 0 or uow.ledger.balance(order.trader_id) <= 0:
        return Statement(due, 0)
    uow.ledger.lock_trader(order.trader_id)
    available = uow.ledger.balance(order.trader_id)
    amount = ledger.credit_to_use(available, due)
    key = f"use:{order.id}:{stage}"
    if amount and not credit(uow, order.trader_id, -amount, EntryKind.CREDIT_USED, key, now,
                             order.id):  # fmt: skip
        amount = 0  # used already for this stage: nothing more
    return Statement(due, amount)


def restore_credit(uow: UnitOfWork, order: Order, now: datetime) -> int:
    """An order that never went ahead gives back the credit used on it; returns how much."""
    assert order.id is not None
    used = -sum(e.amount_gnf for e in uow.ledger.for_order(order.id))
    if used <= 0:
        return 0
    key = f"restore:{order.id}"
    restored = credit(uow, order.trader_id, used, EntryKind.CREDIT_RESTORED, key, now, order.id)
    return used if restored else 0


def balance_of(uow: UnitOfWork, trader_id: int) -> int:
    """The trader's ledger balance (Σ entries), in its own transaction."""
    with uow:
        return uow.ledger.balance(trader_id)


def books_problems(uow: UnitOfWork, trader_ids: list[int]) -> list[str]:
    """What does not balance in these traders' books (empty: all is well), for simulations
    and checks: each balance is the sum of its entries and never negative, and no order
    asks less than nothing. Call inside an open unit of work."""
    problems = []
    for trader_id in trader_ids:
        total = uow.ledger.balance(trader_id)
        if total != ledger.balance(uow.ledger.entries(trader_id)) or total < 0:
            problems.append(f"trader {trader_id}: balance {total}")
        for order in uow.orders.for_trader(trader_id):
            if remaining_due(uow, order) < 0:
                problems.append(f"order {order.number}: remaining {remaining_due(uow, order)}")
    return problems
