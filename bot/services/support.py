"""Support tickets: a trader talks to a human through the admin chat.

The trader's messages are queued for the admin chat (the first as the ticket's card, the
next ones as messages under it); an admin's answer and the closing are queued for the
trader, on the chat the ticket was opened from. One open ticket per trader: asking again
adds to it. Every use case checks that the ticket is the trader's own (traders never
reach another trader's ticket) and open (nothing is added to a closed one).
"""

from __future__ import annotations

from datetime import datetime

from bot.services.notifications import chat_row, notify_admins
from domain.errors import NotFound
from domain.ports.messaging import JsonDict
from domain.ports.unit_of_work import UnitOfWork
from domain.support import (
    MAX_MESSAGE_CHARS,
    MAX_REASON_CHARS,
    SupportMessage,
    Ticket,
    check_text,
    oldest_waiting_first,
)

CARD = "support_card"  # outbox templates the dispatcher renders from the tables
RELAY = "support_relay"
TRADER, ADMIN = "trader", "admin"


def _load(uow: UnitOfWork, ticket_id: int, trader_id: int | None = None) -> Ticket:
    ticket = uow.support.get(ticket_id, for_update=True)
    if ticket is None or (trader_id is not None and ticket.trader_id != trader_id):
        raise NotFound("ticket", ticket_id)
    return ticket


def open_ticket(
    uow: UnitOfWork,
    trader_id: int,
    reason: str,
    now: datetime,
    attachment: bytes | None = None,
    chat: tuple[str, str] | None = None,
) -> Ticket:
    """A ticket for this trader with `reason` (and `attachment`, e.g. a warehouse receipt)
    as its first message: its card goes to the admin chat. If one is open already, the
    reason is added to it instead. `chat` (channel, user_ref): where the answers go."""
    text = reason.strip()[:MAX_MESSAGE_CHARS]
    with uow:
        if uow.traders.get(trader_id) is None:
            raise NotFound("trader", trader_id)
        ticket = uow.support.open_for_trader(trader_id)
        if ticket is not None:
            _add_trader_message(uow, ticket, text, attachment, now)
            uow.commit()
            return ticket
        channel, user_ref = chat or ("", "")
        ticket = uow.support.add(
            Ticket(trader_id, text[:MAX_REASON_CHARS], now, channel, user_ref, waiting_since=now)
        )
        first = uow.support.add_message(
            SupportMessage(ticket.stored_id, TRADER, text, now, attachment)
        )
        values = {"ticket_id": ticket.id, "message_id": first.id}
        notify_admins(uow, f"support-card:{ticket.id}", CARD, values, now)
        uow.commit()
        return ticket


def add_trader_message(
    uow: UnitOfWork, trader_id: int, ticket_id: int, text: str, image: bytes | None, now: datetime
) -> Ticket:
    """A message (or a photo) of the trader, relayed under the ticket's card. TicketClosed
    once an admin closed it; NotFound for a ticket that is not this trader's."""
    with uow:
        ticket = _load(uow, ticket_id, trader_id)
        _add_trader_message(uow, ticket, text.strip()[:MAX_MESSAGE_CHARS], image, now)
        uow.commit()
        return ticket


def _add_trader_message(
    uow: UnitOfWork, ticket: Ticket, text: str, image: bytes | None, now: datetime
) -> None:
    ticket.trader_wrote(now)
    message = uow.support.add_message(SupportMessage(ticket.stored_id, TRADER, text, now, image))
    uow.support.save(ticket)
    notify_admins(uow, f"support-msg:{message.id}", RELAY, {"message_id": message.id}, now)


def answer_ticket(
    uow: UnitOfWork,
    ticket_id: int,
    actor: str,
    admin_name: str,
    text: str,
    now: datetime,
    *,
    show_name: bool = False,
) -> Ticket:
    """An admin's answer, sent to the trader (the admin's name only when `show_name`)."""
    answer = check_text(text)
    with uow:
        ticket = _load(uow, ticket_id)
        ticket.answered(now)
        message = uow.support.add_message(
            SupportMessage(ticket_id, ADMIN, answer, now, author_name=admin_name[:100])
        )
        uow.support.save(ticket)
        uow.audit.record(actor, "support_answer", {"ticket": ticket.number}, now)
        values = {"ticket": ticket.number, "text": answer}
        template = "support.answer"
        if show_name:
            values, template = {**values, "admin": admin_name}, "support.answer_named"
        _notify_ticket_chat(uow, ticket, f"support-answer:{message.id}", template, values, now)
        uow.commit()
        return ticket


def close_ticket(uow: UnitOfWork, ticket_id: int, actor: str, now: datetime) -> Ticket:
    """Closed: the trader is told, and the bot answers them again."""
    with uow:
        ticket = _load(uow, ticket_id)
        ticket.close(actor, now)
        uow.support.save(ticket)
        uow.audit.record(actor, "support_close", {"ticket": ticket.number}, now)
        values = {"ticket": ticket.number}
        _notify_ticket_chat(
            uow, ticket, f"support-closed:{ticket_id}", "support.closed", values, now
        )
        uow.commit()
        return ticket


def _notify_ticket_chat(
    uow: UnitOfWork, ticket: Ticket, key: str, template: str, values: JsonDict, now: datetime
) -> None:
    """On the chat the ticket was opened from while it is still the trader's; else on every
    chat of the trader."""
    chats = uow.traders.chats_of({ticket.trader_id})
    mine = [c for c in chats if (c[1], c[2]) == (ticket.channel, ticket.user_ref)] or chats
    rows = [
        chat_row(f"{key}:{channel}:{user_ref}", channel, user_ref, lang, template, values)
        for _trader, channel, user_ref, lang in mine
    ]
    uow.outbox.add_many(rows, now)


def is_open(uow: UnitOfWork, trader_id: int, ticket_id: int) -> bool:
    with uow:
        ticket = uow.support.get(ticket_id)
    return ticket is not None and ticket.trader_id == trader_id and ticket.is_open


def open_ticket_of(uow: UnitOfWork, trader_id: int) -> Ticket | None:
    with uow:
        return uow.support.open_for_trader(trader_id)


def late_tickets(uow: UnitOfWork, now: datetime) -> list[tuple[datetime, Ticket]]:
    """Open tickets whose trader has waited more than two hours for an answer, each with
    since when, the longest wait first."""
    with uow:
        late = [t for t in uow.support.open_tickets() if t.is_late(now)]
    return oldest_waiting_first(late)


def ticket_of_ref(uow: UnitOfWork, chat: str, ref: str) -> int | None:
    """The ticket an admin-chat message was posted for (its card or a relayed message)."""
    with uow:
        return uow.support.ticket_of_ref(chat, ref)


def remember_sent(uow: UnitOfWork, template: str, payload: JsonDict, chat: str, ref: str) -> None:
    """Called in the dispatcher's transaction once a card or a relayed message is posted in
    the admin chat as message `ref`: a reply to it will answer its ticket."""
    if template == CARD:
        ticket = uow.support.get(int(payload["ticket_id"]))
    elif template == RELAY:
        message = uow.support.message(int(payload["message_id"]))
        ticket = uow.support.get(message.ticket_id) if message else None
    else:
        return
    if ticket is None:
        return
    uow.support.remember_ref(chat, ref, ticket.stored_id)
    if template == CARD and ticket.card_ref is None:
        ticket.card_ref = ref
        uow.support.save(ticket)
