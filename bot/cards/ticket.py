"""What admins read about support tickets: the card that opens a ticket in the admin chat,
each later message of the trader posted as a reply under it (readable in a busy group, and
line by line in the console), the ticket lines of /tickets and /attente.

Cards and relayed messages are rendered by the dispatcher when it sends them (the photo
comes from the table, not the outbox); once posted, their message id is kept so that an
admin's Telegram reply to either answers the ticket.
"""

from __future__ import annotations

from datetime import datetime

from bot.engine.events import Reply
from bot.services.support import CARD, RELAY
from bot.text.keys import PROGRESS
from bot.text.messages import t
from bot.text.values import Moment
from domain.orders import progress
from domain.ports.unit_of_work import UnitOfWork
from domain.support import SupportMessage, Ticket

TEMPLATES = frozenset({CARD, RELAY})


def render(uow: UnitOfWork, template: str, payload: dict, lang: str) -> Reply | None:
    """The card (template CARD) or a relayed message (RELAY), in the admins' language."""
    with uow:
        if template == CARD:
            return _card(uow, int(payload["ticket_id"]), int(payload["message_id"]), lang)
        message = uow.support.message(int(payload["message_id"]))
        ticket = uow.support.get(message.ticket_id) if message else None
        trader = uow.traders.get(ticket.trader_id) if ticket else None
        if message is None or ticket is None or trader is None:
            return None
        text = t("support.relay", lang, ticket=ticket.number, trader=trader.name,
                 text=_said(message, lang))  # fmt: skip
        return Reply(text, photo=message.image, reply_to=ticket.card_ref)


def _said(message: SupportMessage, lang: str) -> str:
    return message.text or t("support.photo", lang)


def _card(uow: UnitOfWork, ticket_id: int, message_id: int, lang: str) -> Reply | None:
    ticket = uow.support.get(ticket_id)
    first = uow.support.message(message_id)
    trader = uow.traders.get(ticket.trader_id) if ticket else None
    if ticket is None or first is None or trader is None:
        return None
    text = t(
        "support.card",
        lang,
        ticket=ticket.number,
        trader=trader.name,
        phone=trader.phone,
        channel=channel_of(uow, ticket),
        order=_latest_order(uow, ticket.trader_id, lang),
        date=Moment(ticket.opened_at),
        text=_said(first, lang),
    )
    return Reply(text, photo=first.image)


def channel_of(uow: UnitOfWork, ticket: Ticket) -> str:
    """The chat the ticket came from, else every channel the trader uses."""
    if ticket.channel:
        return ticket.channel
    found = {i.channel for i in uow.traders.identities(ticket.trader_id)}
    return ", ".join(sorted(found)) or "—"


def _latest_order(uow: UnitOfWork, trader_id: int, lang: str) -> str:
    orders = uow.orders.for_trader(trader_id)
    if not orders:
        return t("support.card_no_order", lang)
    order = max(orders, key=lambda o: o.id or 0)
    container = uow.containers.get(order.container_id)
    if container is None:
        return order.number
    state = t(PROGRESS[progress(order.status, container.stage)], lang)
    return t("support.card_order", lang, number=order.number, code=container.code, state=state)


def ticket_line(uow: UnitOfWork, ticket: Ticket, now: datetime, lang: str) -> str:
    """'T12 · Mamadou Diallo · telegram · ⏰ sans réponse depuis le 25/11/2026 10:00'."""
    trader = uow.traders.get(ticket.trader_id)
    if ticket.waiting_since is not None:
        key = "support.admin_late" if ticket.is_late(now) else "support.admin_waiting_since"
        state = t(key, lang, date=Moment(ticket.waiting_since))
    else:
        state = t("support.admin_answered", lang, date=Moment(ticket.answered_at or now))
    return t(
        "support.admin_line",
        lang,
        ticket=ticket.number,
        trader=trader.name if trader else "?",
        channel=channel_of(uow, ticket),
        state=state,
    )
