"""The trader-facing side of the use cases.

Flows talk to traders, so they see orders, quotes and containers only through the views
below: the margin and the real costs are not in these objects at all, so no template can
leak them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from bot.services import balances as balance_service
from bot.services import containers as container_service
from bot.services import ledger as ledger_service
from bot.services import orders as order_service
from bot.services import pricing
from bot.services import proofs as proof_service
from bot.services import receipts as receipt_service
from bot.services import suppliers as supplier_service
from bot.services import support as support_service
from bot.services import traders as trader_service
from bot.services import warehouse as warehouse_service
from bot.services.terms_cache import TermsCache
from bot.settings import Settings
from domain.containers import Container, Stage
from domain.errors import NotFound
from domain.eta import visible_eta
from domain.ledger import Statement
from domain.orders import Order, OrderStatus, Progress, own_order, progress
from domain.ports.unit_of_work import UnitOfWork
from domain.pricing import Category, Terms, TraderQuote, make_quote
from domain.refunds import RefundRequest
from domain.suppliers import SupplierCategory
from domain.traders import Language


@dataclass(frozen=True)
class ContainerView:
    code: str
    stage: Stage
    capacity_l: int
    used_l: int
    remaining_l: int
    fill_pct: Decimal
    eta: date | None = None  # estimated arrival at Conakry

    @classmethod
    def of(cls, c: Container) -> ContainerView:
        eta = visible_eta(c.stage, c.eta)
        return cls(c.code, c.stage, c.capacity_l, c.used_l, c.remaining_l, c.fill_pct, eta)


@dataclass(frozen=True)
class TraderOrder:
    id: int
    number: str
    category: Category
    volume_l: int
    total_gnf: int
    status: OrderStatus
    progress: Progress
    container_code: str
    expires_at: datetime
    eta: date | None = None  # its container's estimated arrival at Conakry
    due_now_gnf: int = 0  # the instalment payable now (deposit, total, balance, difference)
    credit_used_gnf: int = 0  # the trader's credit already taken on this order
    remaining_gnf: int = 0  # what remains to pay on the order in all
    awaiting_receipt: int | None = None  # a larger measure awaiting Accepter / Contester
    proof_pending: bool = False  # a payment proof is being checked

    @property
    def payable(self) -> bool:
        return self.due_now_gnf > 0 and not self.proof_pending

    @classmethod
    def of(
        cls,
        order: Order,
        container: Container,
        money: ledger_service.OrderMoney | None = None,
        proof_pending: bool = False,
    ) -> TraderOrder:
        return cls(
            id=order.stored_id,
            number=order.number,
            category=order.category,
            volume_l=order.volume_l,
            total_gnf=order.total_gnf,
            status=order.status,
            progress=progress(order.status, container.stage),
            container_code=container.code,
            expires_at=order.expires_at,
            eta=visible_eta(container.stage, container.eta) if order.holds_volume else None,
            due_now_gnf=money.due_now_gnf if money else 0,
            credit_used_gnf=money.credit_used_gnf if money else 0,
            remaining_gnf=money.remaining_gnf if money else 0,
            awaiting_receipt=money.awaiting_answer if money else None,
            proof_pending=proof_pending,
        )


def _view(uow: UnitOfWork, order: Order) -> TraderOrder:
    """An order as its trader sees it, with its money (inside an open unit of work)."""
    container = uow.containers.get(order.container_id)
    assert container is not None
    money = ledger_service.money_of(uow, order)
    pending = uow.proofs.pending_for_order(order.stored_id) is not None
    return TraderOrder.of(order, container, money, pending)


@dataclass(frozen=True)
class TicketView:
    """A trader's own support ticket: its number, nothing about who answers."""

    id: int
    number: str


@dataclass(frozen=True)
class ProofView:
    """A proof just received: its id (for a reference sent after) and its order's number."""

    id: int
    order_number: str


@dataclass(frozen=True)
class TraderInfo:
    id: int
    name: str
    language: Language


class TraderApi:
    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        settings: Settings,
        clock: Callable[[], datetime],
        terms: TermsCache | None = None,
    ) -> None:
        self.uow = uow_factory
        self.settings = settings
        self.clock = clock
        self.terms = terms

    def _terms_of(self, uow: UnitOfWork, category: Category) -> Terms:
        """The current terms: from the cache (issue 12), else read in `uow`."""
        if self.terms is None:
            return pricing.current_terms(uow, category)
        return self.terms.current(uow, category)

    # Traders
    def find_trader(self, channel: str, user_ref: str) -> TraderInfo | None:
        trader = trader_service.find_trader(self.uow(), channel, user_ref)
        return (
            None if trader is None else TraderInfo(trader.stored_id, trader.name, trader.language)
        )

    def register(self, name: str, phone: str, channel: str, user_ref: str, lang: str) -> TraderInfo:
        trader = trader_service.register(
            self.uow(),
            name=name,
            phone=phone,
            channel=channel,
            user_ref=user_ref,
            language=Language(lang),
            now=self.clock(),
        )
        return TraderInfo(trader.stored_id, trader.name, trader.language)

    def set_language(self, trader_id: int, lang: str) -> None:
        trader_service.set_language(self.uow(), trader_id, Language(lang))

    # Quotes and orders
    def current_container(self) -> ContainerView:
        uow = self.uow()
        with uow:
            container = container_service.current_container(
                uow, self.clock(), self.settings.capacity_l
            )
            uow.commit()
            return ContainerView.of(container)

    def quote_now(
        self, category: Category, volume_l: int, price_fen: int
    ) -> tuple[TraderQuote, ContainerView]:
        """The quote at the current terms and the container it would go in, in one
        transaction; NotFound when the terms are missing."""
        uow = self.uow()
        with uow:
            quote = make_quote(category, volume_l, price_fen, self._terms_of(uow, category))
            now, capacity = self.clock(), self.settings.capacity_l
            container = container_service.current_container(uow, now, capacity)
            uow.commit()
            return quote.for_trader(), ContainerView.of(container)

    def place_order(
        self,
        trader_id: int,
        category: Category,
        volume_l: int,
        price_fen: int,
        request_key: str,
        expected_total_gnf: int,
        container_code: str | None = None,
    ) -> tuple[TraderOrder, ContainerView]:
        request = order_service.OrderRequest(
            trader_id, category, volume_l, price_fen, request_key, expected_total_gnf,
            container_code,
        )  # fmt: skip
        placement = order_service.place_order(
            self.uow(),
            request,
            self.clock(),
            reservation=timedelta(hours=self.settings.reservation_hours),
            capacity_l=self.settings.capacity_l,
            transit_days=self.settings.sea_transit_days,
            deposit_percent=self.settings.deposit_percent,
            with_money=True,
            # no terms_of: the order's own check reads the terms in force from the database,
            # never a cache (a rate changed a moment ago is the one the order is frozen at)
        )
        container = placement.container  # a request key of someone else's order: NotFound
        order = own_order(placement.order, trader_id, placement.order.stored_id)
        shown = TraderOrder.of(order, container, placement.money, placement.proof_pending)
        return shown, ContainerView.of(container)

    def next_container_after(self, code: str) -> ContainerView:
        uow = self.uow()
        with uow:
            full = uow.containers.by_code(code)
            if full is None:
                raise NotFound("container", code)
            nxt = container_service.next_container(uow, full, self.clock(), full.capacity_l)
            uow.commit()
            return ContainerView.of(nxt)

    def orders(self, trader_id: int) -> list[TraderOrder]:
        uow = self.uow()
        with uow:
            return [_view(uow, order) for order in uow.orders.for_trader(trader_id)]

    def order(self, trader_id: int, order_id: int) -> TraderOrder:
        """One of the trader's orders; NotFound for an unknown or someone else's order."""
        uow = self.uow()
        with uow:
            return _view(uow, own_order(uow.orders.get(order_id), trader_id, order_id))

    def cancel(self, trader_id: int, order_id: int) -> str:
        """Cancel one of the trader's orders; returns its number."""
        return order_service.cancel_order(self.uow(), trader_id, order_id, self.clock()).number

    def containers_of(self, trader_id: int) -> list[ContainerView]:
        uow = self.uow()
        with uow:
            ids = {o.container_id for o in uow.orders.for_trader(trader_id) if o.holds_volume}
            found = [uow.containers.get(i) for i in sorted(ids)]
            return [ContainerView.of(c) for c in found if c is not None]

    # Proofs
    def submit_proof(
        self, trader_id: int, order_id: int, image: bytes, reference: str | None
    ) -> ProofView:
        submission = proof_service.submit_proof(
            self.uow(), trader_id, order_id, image, reference, self.clock()
        )
        return ProofView(submission.proof.stored_id, submission.order.number)

    def keep_attachment(
        self, trader_id: int, order_id: int, content: bytes | None, reason: str
    ) -> str:
        """Keep a file that is not a readable image with the order; returns its number."""
        order = proof_service.keep_attachment(
            self.uow(), trader_id, order_id, content, reason, self.clock()
        )
        return order.number

    def add_reference(self, trader_id: int, proof_id: int, reference: str) -> None:
        proof_service.set_reference(self.uow(), trader_id, proof_id, reference, self.clock())

    # Receipts (issue 14)
    def receipt(self, trader_id: int, order_id: int) -> receipt_service.ReceiptView:
        """The latest receipt of one of the trader's orders (its link renewed if expired):
        NotFound("order") for an unknown or someone else's order alike, NotFound("receipt")
        when no payment of the order was approved yet."""
        return receipt_service.latest_for_trader(self.uow(), trader_id, order_id, self.clock())

    # Support: the trader's own tickets only
    def open_ticket(
        self,
        trader_id: int,
        reason: str,
        attachment: bytes | None = None,
        chat: tuple[str, str] | None = None,
    ) -> TicketView:
        """Open a ticket (or add `reason` to the one open): see services.support."""
        ticket = support_service.open_ticket(
            self.uow(), trader_id, reason, self.clock(), attachment, chat
        )
        return TicketView(ticket.stored_id, ticket.number)

    def ticket_message(
        self, trader_id: int, ticket_id: int, text: str, image: bytes | None
    ) -> TicketView:
        ticket = support_service.add_trader_message(
            self.uow(), trader_id, ticket_id, text, image, self.clock()
        )
        return TicketView(ticket.stored_id, ticket.number)

    def open_ticket_of(self, trader_id: int) -> TicketView | None:
        ticket = support_service.open_ticket_of(self.uow(), trader_id)
        return None if ticket is None else TicketView(ticket.stored_id, ticket.number)

    def ticket_is_open(self, trader_id: int, ticket_id: int) -> bool:
        return support_service.is_open(self.uow(), trader_id, ticket_id)

    # Warehouse receipts and the trader's balance
    def answer_receipt(
        self, trader_id: int, receipt_id: int, accept: bool
    ) -> tuple[TraderOrder, Statement]:
        """Accept or contest a larger measure; the order as it now stands and what to pay."""
        order, statement = warehouse_service.answer(
            self.uow(), trader_id, receipt_id, accept, self.clock()
        )
        return self.order(trader_id, order.stored_id), statement

    def balance(self, trader_id: int) -> int:
        return ledger_service.balance_of(self.uow(), trader_id)

    # Issue 15 — the balance statement, refunds, the supplier directory
    def statement(self, trader_id: int) -> balance_service.BalanceStatement:
        return balance_service.statement(self.uow(), trader_id)

    def request_refund(self, trader_id: int) -> RefundRequest:
        return balance_service.request_refund(self.uow(), trader_id, self.clock())

    def supplier_page(self, category: SupplierCategory, number: int) -> supplier_service.Page:
        return supplier_service.page(self.uow(), category, number)

    def supplier_categories(self) -> dict[SupplierCategory, int]:
        return supplier_service.categories(self.uow())
