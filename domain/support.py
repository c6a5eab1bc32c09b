"""Support tickets: a trader's conversation with a human, relayed to the admin chat.

A ticket is open until an admin closes it; while it is open, the trader's messages and
photos are added to it and the admins' answers are sent back. It waits for an answer from
the first trader message no admin has answered yet (`waiting_since`), which is what the
two-hour reminder looks at.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from domain.errors import DomainError, InvalidInput
from domain.orders import parse_id
from domain.stored import Stored

TICKET_PREFIX = "T"
MAX_MESSAGE_CHARS = 1000  # a trader's or an admin's message, longer ones are refused
MAX_REASON_CHARS = 200
ANSWER_WAIT = timedelta(hours=2)  # unanswered longer than this: the admins are reminded


class TicketStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class TicketClosed(DomainError):
    """The ticket was closed: nothing can be added to it."""

    def __init__(self, ticket_id: int) -> None:
        super().__init__(f"ticket {ticket_id} is closed")
        self.ticket_id = ticket_id


def format_ticket(ticket_id: int) -> str:
    return f"{TICKET_PREFIX}{ticket_id}"


def parse_ticket(text: str) -> int:
    """'T12', 't12', '#12', '12' -> 12; InvalidInput for anything else (a forged or huge id)."""
    cleaned = text.strip().lstrip("#").upper().removeprefix(TICKET_PREFIX)
    try:
        return parse_id(cleaned)
    except InvalidInput:
        raise InvalidInput("unreadable_ticket") from None


def check_text(text: str) -> str:
    """An answer or a message: not empty, at most MAX_MESSAGE_CHARS."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput("empty_text")
    if len(cleaned) > MAX_MESSAGE_CHARS:
        raise InvalidInput("text_too_long", length=len(cleaned))
    return cleaned


@dataclass
class Ticket(Stored):
    trader_id: int
    reason: str
    opened_at: datetime
    channel: str = ""  # the chat it was opened from, where answers go ("" = every chat)
    user_ref: str = ""
    status: TicketStatus = TicketStatus.OPEN
    waiting_since: datetime | None = None
    answered_at: datetime | None = None
    closed_at: datetime | None = None
    closed_by: str | None = None
    card_ref: str | None = None  # the card's message id in the admin chat, once sent
    id: int | None = field(default=None)

    @property
    def number(self) -> str:
        return format_ticket(self.id or 0)

    @property
    def is_open(self) -> bool:
        return self.status is TicketStatus.OPEN

    def check_open(self) -> None:
        if not self.is_open:
            raise TicketClosed(self.id or 0)

    def trader_wrote(self, now: datetime) -> None:
        self.check_open()
        if self.waiting_since is None:
            self.waiting_since = now

    def answered(self, now: datetime) -> None:
        self.check_open()
        self.waiting_since = None
        self.answered_at = now

    def close(self, actor: str, now: datetime) -> None:
        self.check_open()
        self.status = TicketStatus.CLOSED
        self.waiting_since = None
        self.closed_at = now
        self.closed_by = actor

    def is_late(self, now: datetime) -> bool:
        return self.waiting_since is not None and now - self.waiting_since > ANSWER_WAIT


def oldest_waiting_first(tickets: Iterable[Ticket]) -> list[tuple[datetime, Ticket]]:
    """The tickets waiting for an answer, each with since when, the longest wait first."""
    waiting = [(t.waiting_since, t) for t in tickets if t.waiting_since is not None]
    return sorted(waiting, key=lambda pair: pair[0])


@dataclass
class SupportMessage(Stored):
    ticket_id: int
    author: str  # "trader" or "admin"
    text: str
    at: datetime
    image: bytes | None = None
    author_name: str = ""  # the admin who answered (kept for the audit; shown if configured)
    id: int | None = field(default=None)


class SupportRepository(Protocol):
    def add(self, ticket: Ticket) -> Ticket: ...
    def get(self, ticket_id: int, *, for_update: bool = False) -> Ticket | None: ...
    def save(self, ticket: Ticket) -> None: ...
    def open_for_trader(self, trader_id: int) -> Ticket | None: ...
    def open_tickets(self) -> list[Ticket]: ...
    def add_message(self, message: SupportMessage) -> SupportMessage: ...
    def message(self, message_id: int) -> SupportMessage | None: ...
    def messages(self, ticket_id: int) -> list[SupportMessage]: ...
    def remember_ref(self, chat: str, ref: str, ticket_id: int) -> None: ...
    def ticket_of_ref(self, chat: str, ref: str) -> int | None: ...
