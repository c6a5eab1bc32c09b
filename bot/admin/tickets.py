"""Admin side of support tickets: answering (a Telegram reply to the card or to a message
under it, or `/repondre T12 texte` anywhere in the admin chat, console included), closing
(`/fermer T12`), listing (`/tickets`), and the section of /attente.

Bad input changes nothing and gets one line: an unknown or forged ticket number, a ticket
already closed, an empty or too long answer, a photo where only text can go.
"""

from __future__ import annotations

from bot.admin.step import AdminStep
from bot.cards.ticket import ticket_line
from bot.engine.events import Reply
from bot.services import support as support_service
from bot.text.keys import INVALID
from domain.errors import InvalidInput, NotFound
from domain.ports.unit_of_work import UnitOfWork
from domain.support import (
    Ticket,
    TicketClosed,
    format_ticket,
    oldest_waiting_first,
    parse_ticket,
)

MAX_LISTED = 20


def on_reply(step: AdminStep) -> list[Reply] | None:
    """An admin's reply to a message the bot posted for a ticket; None when the replied
    message is not a ticket's (the desk then handles the text as usual)."""
    ticket_id = _replied_ticket(step)
    if ticket_id is None:
        return None
    if step.event.image is not None or step.event.image_error:
        return step.reply("support.admin_text_only")
    try:
        return _answer(step, ticket_id, step.event.text)
    except InvalidInput as bad:  # no command, so no usage line
        return [Reply(step.t(INVALID[bad.reason], usage="").strip())]


def _replied_ticket(step: AdminStep) -> int | None:
    if not step.event.reply_to:
        return None
    uow = step.desk.uow_factory()
    return support_service.ticket_of_ref(uow, step.event.chat_ref, step.event.reply_to)


def cmd_answer(step: AdminStep) -> list[Reply]:
    """/repondre T12 texte: the text is taken as typed, line breaks included."""
    words = step.event.text.strip().split(maxsplit=2)
    if len(words) < 3:
        return step.usage("repondre")
    return _answer(step, parse_ticket(words[1]), words[2])


def _answer(step: AdminStep, ticket_id: int, text: str) -> list[Reply]:
    deps = step.desk
    try:
        ticket = support_service.answer_ticket(
            deps.uow_factory(), ticket_id, step.actor, step.admin.name, text, deps.clock(),
            show_name=deps.settings.support_show_admin_name,
        )  # fmt: skip
    except NotFound:
        return step.reply("support.admin_unknown", ticket=format_ticket(ticket_id))
    except TicketClosed:
        return step.reply("support.admin_already_closed", ticket=format_ticket(ticket_id))
    return step.reply("support.admin_sent", ticket=ticket.number, trader=_name(step, ticket))


def cmd_close(step: AdminStep) -> list[Reply]:
    """/fermer T12, or /fermer as a reply to the ticket's card."""
    if len(step.args) > 1:
        return step.usage("fermer")
    ticket_id = parse_ticket(step.args[0]) if step.args else _replied_ticket(step)
    if ticket_id is None:
        return step.usage("fermer")
    try:
        ticket = support_service.close_ticket(
            step.desk.uow_factory(), ticket_id, step.actor, step.desk.clock()
        )
    except NotFound:
        return step.reply("support.admin_unknown", ticket=format_ticket(ticket_id))
    except TicketClosed:
        return step.reply("support.admin_already_closed", ticket=format_ticket(ticket_id))
    return step.reply("support.admin_closed_done", ticket=ticket.number, trader=_name(step, ticket))


def _name(step: AdminStep, ticket: Ticket) -> str:
    with step.desk.uow_factory() as uow:
        trader = uow.traders.get(ticket.trader_id)
    return trader.name if trader else "?"


def cmd_tickets(step: AdminStep) -> list[Reply]:
    """Open tickets, oldest first; those unanswered for over two hours are flagged."""
    if step.args:
        return step.usage("tickets")
    now = step.desk.clock()
    with step.desk.uow_factory() as uow:
        tickets = uow.support.open_tickets()
        lines = [ticket_line(uow, t, now, step.lang) for t in tickets[:MAX_LISTED]]
    if not tickets:
        return step.reply("support.admin_none")
    title = step.t("support.admin_list_title", count=len(tickets))
    if len(tickets) > MAX_LISTED:
        lines.append(step.t("support.admin_more", count=len(tickets) - MAX_LISTED))
    return [Reply("\n".join([title, *lines]))]


def pending_section(step: AdminStep, uow: UnitOfWork) -> list[str]:
    """For /attente: the tickets waiting for an answer, oldest first ([] when none)."""
    now = step.desk.clock()
    waiting = [t for _, t in oldest_waiting_first(uow.support.open_tickets())]
    if not waiting:
        return []
    lines = [ticket_line(uow, t, now, step.lang) for t in waiting[:MAX_LISTED]]
    return [step.t("support.pending_title"), *lines]
