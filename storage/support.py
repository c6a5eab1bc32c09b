"""Support tickets in SQL: the tickets, their messages, and which admin-chat message
belongs to which ticket (so an admin's Telegram reply to a card finds its ticket).

Plain tables and rows (no ORM mapping): a ticket is loaded, changed by the domain, and
written back with `save`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from domain.support import SupportMessage, Ticket, TicketStatus
from storage import orm
from storage.types import UtcDateTime

support_tickets = Table(
    "support_tickets",
    orm.metadata,
    Column("id", Integer, primary_key=True),
    Column("trader_id", ForeignKey("traders.id"), nullable=False, index=True),
    Column("status", String(10), nullable=False),  # open, closed
    Column("reason", String(200), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("user_ref", String(100), nullable=False),
    Column("opened_at", UtcDateTime, nullable=False),
    Column("waiting_since", UtcDateTime, nullable=True),
    Column("answered_at", UtcDateTime, nullable=True),
    Column("closed_at", UtcDateTime, nullable=True),
    Column("closed_by", String(100), nullable=True),
    Column("card_ref", String(40), nullable=True),
    Index("ix_support_tickets_status_waiting_since", "status", "waiting_since"),
)

support_messages = Table(
    "support_messages",
    orm.metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", ForeignKey("support_tickets.id"), nullable=False, index=True),
    Column("author", String(10), nullable=False),  # trader, admin
    Column("author_name", String(100), nullable=False),
    Column("text", Text, nullable=False),
    Column("image", LargeBinary, nullable=True),
    Column("at", UtcDateTime, nullable=False),
)

# The messages the bot posted in the admin chat for a ticket (its card, each relayed
# message): a Telegram reply to any of them answers that ticket.
support_admin_refs = Table(
    "support_admin_refs",
    orm.metadata,
    Column("chat", String(40), primary_key=True),
    Column("ref", String(40), primary_key=True),
    Column("ticket_id", ForeignKey("support_tickets.id"), nullable=False, index=True),
)

_MUTABLE = ("status", "waiting_since", "answered_at", "closed_at", "closed_by", "card_ref")


def _ticket(row: Any) -> Ticket:
    values = dict(row._mapping)
    values["status"] = TicketStatus(values["status"])
    return Ticket(**values)


def _message(row: Any) -> SupportMessage:
    return SupportMessage(**row._mapping)


class SqlSupportRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, ticket: Ticket) -> Ticket:
        values = {k: v for k, v in ticket.__dict__.items() if k != "id"}
        values["status"] = ticket.status.value
        ticket.id = self.session.execute(
            insert(support_tickets).values(**values).returning(support_tickets.c.id)
        ).scalar_one()
        return ticket

    def get(self, ticket_id: int, *, for_update: bool = False) -> Ticket | None:
        query = select(support_tickets).where(support_tickets.c.id == ticket_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return _ticket(row) if row else None

    def save(self, ticket: Ticket) -> None:
        values = {name: getattr(ticket, name) for name in _MUTABLE}
        values["status"] = ticket.status.value
        self.session.execute(
            update(support_tickets).where(support_tickets.c.id == ticket.id).values(**values)
        )

    def open_for_trader(self, trader_id: int) -> Ticket | None:
        query = (
            select(support_tickets)
            .where(
                support_tickets.c.trader_id == trader_id,
                support_tickets.c.status == TicketStatus.OPEN.value,
            )
            .order_by(support_tickets.c.id)
        )
        row = self.session.execute(query).first()
        return _ticket(row) if row else None

    def open_tickets(self) -> list[Ticket]:
        query = (
            select(support_tickets)
            .where(support_tickets.c.status == TicketStatus.OPEN.value)
            .order_by(support_tickets.c.id)
        )
        return [_ticket(row) for row in self.session.execute(query)]

    def add_message(self, message: SupportMessage) -> SupportMessage:
        values = {k: v for k, v in message.__dict__.items() if k != "id"}
        message.id = self.session.execute(
            insert(support_messages).values(**values).returning(support_messages.c.id)
        ).scalar_one()
        return message

    def message(self, message_id: int) -> SupportMessage | None:
        query = select(support_messages).where(support_messages.c.id == message_id)
        row = self.session.execute(query).first()
        return _message(row) if row else None

    def messages(self, ticket_id: int) -> list[SupportMessage]:
        query = (
            select(support_messages)
            .where(support_messages.c.ticket_id == ticket_id)
            .order_by(support_messages.c.id)
        )
        return [_message(row) for row in self.session.execute(query)]

    def remember_ref(self, chat: str, ref: str, ticket_id: int) -> None:
        if self.ticket_of_ref(chat, ref) is None:
            self.session.execute(
                insert(support_admin_refs).values(chat=chat, ref=ref, ticket_id=ticket_id)
            )

    def ticket_of_ref(self, chat: str, ref: str) -> int | None:
        query = select(support_admin_refs.c.ticket_id).where(
            support_admin_refs.c.chat == chat, support_admin_refs.c.ref == ref
        )
        return self.session.scalar(query)
