"""Payment receipts: issued in the transaction that approves a payment, read back by token.

A receipt shows what the trader may see of the order (`TraderQuote`: no margin, no real
cost) and what the payment paid. `ReceiptView` is all the PDF and the verification page
ever get, so neither can show what it does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.services.notifications import notify_trader
from domain.errors import NotFound
from domain.orders import Order, own_order
from domain.ports.unit_of_work import UnitOfWork
from domain.pricing import TraderQuote
from domain.receipts import Receipt, ReceiptKind, is_token

TEMPLATE = "receipt"  # the outbox template the dispatcher renders into the PDF


@dataclass(frozen=True)
class ReceiptView:
    number: str
    order_number: str
    trader_name: str
    container_code: str
    quote: TraderQuote  # the order's figures a trader may see: no margin, no real cost
    kind: ReceiptKind
    amount_gnf: int
    reference: str | None
    paid_at: datetime
    remaining_due_gnf: int
    token: str
    expires_at: datetime
    language: str  # the trader's, for the PDF fetched from its link

    @property
    def pdf_name(self) -> str:
        return f"recu-{self.order_number}.pdf"

    @property
    def pdf_path(self) -> str:
        """Where the web app serves the PDF (WhatsApp sends media by URL)."""
        return f"/receipts/{self.token}.pdf"

    @property
    def verify_path(self) -> str:
        return f"/r/{self.token}"


def view_of(uow: UnitOfWork, receipt: Receipt) -> ReceiptView:
    order = uow.orders.get(receipt.order_id)
    assert order is not None
    trader = uow.traders.get(order.trader_id)
    container = uow.containers.get(order.container_id)
    return ReceiptView(
        number=receipt.number,
        order_number=order.number,
        trader_name=trader.name if trader else "?",
        container_code=container.code if container else "?",
        quote=order.trader_quote(),
        kind=receipt.kind,
        amount_gnf=receipt.amount_gnf,
        reference=receipt.reference,
        paid_at=receipt.paid_at,
        remaining_due_gnf=receipt.remaining_due_gnf,
        token=receipt.token,
        expires_at=receipt.expires_at,
        language=trader.language.value if trader else "fr",
    )


def issue_receipt(
    uow: UnitOfWork,
    order: Order,
    payment_key: str,
    now: datetime,
    *,
    kind: ReceiptKind = ReceiptKind.FULL,
    amount_gnf: int | None = None,
    remaining_due_gnf: int = 0,
    reference: str | None = None,
) -> Receipt:
    """Inside the caller's transaction: the receipt of one payment (the one already issued
    for `payment_key` on a retry) and its delivery to the trader through the outbox."""
    assert order.id is not None
    amount = order.total_gnf if amount_gnf is None else amount_gnf
    fresh = Receipt.issue(
        order.id, payment_key, amount, now,
        kind=kind, remaining_due_gnf=remaining_due_gnf, reference=reference,
    )  # fmt: skip
    receipt = uow.receipts.add(fresh)
    values = {"receipt_id": receipt.id}
    notify_trader(uow, order.trader_id, f"receipt:{payment_key}", TEMPLATE, values, now)
    return receipt


def receipt_view(uow: UnitOfWork, receipt_id: int) -> ReceiptView | None:
    """For the dispatcher: the receipt as it is now (its token may have been renewed)."""
    with uow:
        receipt = uow.receipts.get(receipt_id)
        return None if receipt is None else view_of(uow, receipt)


def verify(uow: UnitOfWork, token: str, now: datetime) -> ReceiptView | None:
    """The receipt a public link names, or None: unknown, tampered and expired alike."""
    if not is_token(token):
        return None
    with uow:
        receipt = uow.receipts.by_token(token)
        if receipt is None or not receipt.is_valid(now):
            return None
        return view_of(uow, receipt)


def latest_for_trader(uow: UnitOfWork, trader_id: int, order_id: int, now: datetime) -> ReceiptView:
    """The latest receipt of one of the trader's orders, its link renewed if it expired.
    NotFound("order") for an unknown order and someone else's alike; NotFound("receipt")
    for an own order with no approved payment yet."""
    with uow:
        own_order(uow.orders.get(order_id), trader_id, order_id)
        receipt = uow.receipts.latest_for_order(order_id, for_update=True)
        if receipt is None:
            raise NotFound("receipt", order_id)
        if not receipt.is_valid(now):
            receipt.renew(now)
            uow.receipts.save(receipt)
        view = view_of(uow, receipt)
        uow.commit()
        return view
