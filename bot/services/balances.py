"""A trader's balance: the statement, manual adjustments, and refunds of the credit.

Every change is a ledger entry with an idempotency key (the ledger ignores a key used before);
a refund is paid under the trader's lock, so it never takes more than the balance, and the
refund request's row lock makes a second admin's payment of the same request a refusal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.services import ledger as ledger_service
from bot.services.notifications import notify_admins, notify_trader
from bot.text.values import Money
from domain import ledger
from domain.errors import InvalidInput, NotFound
from domain.ledger import EntryKind, LedgerEntry
from domain.orders import format_number
from domain.ports.unit_of_work import UnitOfWork
from domain.refunds import RefundRequest
from domain.traders import Trader

SHOWN_ENTRIES = 10
MAX_REASON = 200


@dataclass(frozen=True)
class EntryLine:
    at: datetime
    kind: EntryKind
    amount_gnf: int
    order: str | None  # the order number, when the entry is about one
    note: str


@dataclass(frozen=True)
class BalanceStatement:
    trader_id: int
    name: str
    phone: str
    balance_gnf: int
    last: list[EntryLine]  # newest first, at most SHOWN_ENTRIES
    open_refund: RefundRequest | None


def _line(entry: LedgerEntry) -> EntryLine:
    number = format_number(entry.order_id) if entry.order_id else None
    return EntryLine(entry.at, entry.kind, entry.amount_gnf, number, entry.note)


def statement(uow: UnitOfWork, trader_id: int) -> BalanceStatement:
    """The balance, the last ten entries and any refund asked; NotFound for no such trader."""
    with uow:
        trader = uow.traders.get(trader_id)
        if trader is None:
            raise NotFound("trader", trader_id)
        entries = uow.ledger.entries(trader_id)
        last = [_line(e) for e in reversed(entries[-SHOWN_ENTRIES:])]
        return BalanceStatement(
            trader_id, trader.name, trader.phone, ledger.balance(entries), last,
            uow.refunds.open_for(trader_id),
        )  # fmt: skip


def trader_by_phone(uow: UnitOfWork, phone: str) -> Trader:
    with uow:
        trader = uow.traders.by_phone(phone)
        if trader is None:
            raise NotFound("trader", phone)
        return trader


def clean_reason(text: str) -> str:
    reason = " ".join(text.split())
    if not 3 <= len(reason) <= MAX_REASON:
        raise InvalidInput("credit_reason")
    return reason


def adjust(
    uow: UnitOfWork,
    trader_id: int,
    amount_gnf: int,
    reason: str,
    key: str,
    actor: str,
    now: datetime,
) -> bool:
    """A manual credit, once per key (a confirmation's token); audited, the trader told."""
    ledger.check_positive_amount(amount_gnf)
    with uow:
        if not ledger_service.credit(
            uow, trader_id, amount_gnf, EntryKind.ADJUSTMENT, key, now, note=reason
        ):
            return False
        detail = {"trader": trader_id, "amount_gnf": amount_gnf, "reason": reason, "key": key}
        uow.audit.record(actor, "manual_credit", detail, now)
        values = {"amount": Money(amount_gnf), "reason": reason}
        notify_trader(uow, trader_id, key, "notify.credit_added", values, now)
        uow.commit()
        return True


def request_refund(uow: UnitOfWork, trader_id: int, now: datetime) -> RefundRequest:
    """The trader asks their whole credit back: a request for the admins, one open at a time.
    InvalidInput('refund_open') / ('no_credit') otherwise."""
    with uow:
        uow.ledger.lock_trader(trader_id)
        already = uow.refunds.open_for(trader_id)
        if already is not None:
            raise InvalidInput("refund_open", number=already.number)
        available = uow.ledger.balance(trader_id)
        if available <= 0:
            raise InvalidInput("no_credit")
        request = uow.refunds.add(RefundRequest(trader_id, available, now))
        trader = uow.traders.get(trader_id)
        values = {
            "number": request.number,
            "trader": trader.name if trader else "?",
            "phone": trader.phone if trader else "?",
            "amount": Money(available),
        }
        notify_admins(uow, f"refund_request:{request.id}", "admin.refund_request", values, now)
        uow.audit.record(f"trader {trader_id}", "refund_request", {"refund": request.id}, now)
        uow.commit()
        return request


def refund_preview(uow: UnitOfWork, refund_id: int) -> tuple[RefundRequest, Trader, int]:
    """The request, its trader, and their balance now; NotFound / InvalidInput when it may
    not be paid."""
    with uow:
        request = uow.refunds.get(refund_id)
        trader = uow.traders.get(request.trader_id) if request else None
        if request is None or trader is None:
            raise NotFound("refund", refund_id)
        if request.paid_at is not None:
            raise InvalidInput("refund_already_paid", number=request.number)
        available = uow.ledger.balance(request.trader_id)
        ledger.check_refund(request.amount_gnf, available)
        return request, trader, available


def pay_refund(
    uow: UnitOfWork, refund_id: int, reference: str, actor: str, now: datetime
) -> RefundRequest:
    """Mark a request paid with its mobile-money reference: the ledger takes the amount out
    (key `refund:<id>`), the trader is told. Never more than the balance, never twice."""
    with uow:
        request = uow.refunds.get(refund_id, for_update=True)
        if request is None:
            raise NotFound("refund", refund_id)
        uow.ledger.lock_trader(request.trader_id)
        request.mark_paid(reference, actor, now)
        ledger.check_refund(request.amount_gnf, uow.ledger.balance(request.trader_id))
        ledger_service.credit(
            uow, request.trader_id, -request.amount_gnf, EntryKind.REFUND,
            f"refund:{request.id}", now, note=request.reference or "",
        )  # fmt: skip
        detail = {"refund": request.number, "amount_gnf": request.amount_gnf,
                  "reference": request.reference}  # fmt: skip
        uow.audit.record(actor, "refund_paid", detail, now)
        values = {"number": request.number, "amount": Money(request.amount_gnf),
                  "reference": request.reference}  # fmt: skip
        key = f"refund_paid:{request.id}"
        notify_trader(uow, request.trader_id, key, "notify.refund_paid", values, now)
        uow.commit()
        return request


def open_refunds(uow: UnitOfWork) -> list[tuple[RefundRequest, str]]:
    with uow:
        found = []
        for request in uow.refunds.open():
            trader = uow.traders.get(request.trader_id)
            found.append((request, trader.name if trader else "?"))
        return found
