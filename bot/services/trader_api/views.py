"""What the trader flows are shown: orders, containers, tickets, proofs and traders, without
the margin or the real costs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from bot.services import ledger as ledger_service
from domain.containers import Container, Stage
from domain.eta import visible_eta
from domain.orders import Order, OrderStatus, Progress, progress
from domain.ports.unit_of_work import UnitOfWork
from domain.pricing import Category
from domain.support import Ticket
from domain.traders import Language, Trader


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


def order_view(uow: UnitOfWork, order: Order) -> TraderOrder:
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

    @classmethod
    def of(cls, ticket: Ticket) -> TicketView:
        return cls(ticket.stored_id, ticket.number)


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

    @classmethod
    def of(cls, trader: Trader) -> TraderInfo:
        return cls(trader.stored_id, trader.name, trader.language)
