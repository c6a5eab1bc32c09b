"""Talking to a human: `Parler à un conseiller`, or the words for it (conseiller, humain,
problème, réclamation…).

In the `support` state everything the trader writes or photographs is relayed to the admin
chat under one ticket, until an admin closes it (then the bot takes over again at the next
message). `menu` / `annuler` leave the conversation but not the ticket: it stays open for
the admins, whose answer still arrives here, and the trader is told so. A menu button or a
slash command (`/devis`) leaves it too and is then handled as usual.
"""

from __future__ import annotations

from bot.engine.choices import STALE
from bot.engine.events import Choice, Reply
from bot.flows.context import Step
from domain.errors import NotFound
from domain.support import TicketClosed, format_ticket

STATE = "support"
LEAVE = "support:leave"


def _leave_choice(step: Step) -> Choice:
    return step.choice_of(LEAVE, "support.leave")


def _chat(step: Step) -> tuple[str, str]:
    return step.event.channel, step.event.user_ref


def start(step: Step) -> list[Reply]:
    """From the menu: the question is asked first (a ticket is opened by the first message),
    or the trader is back in the ticket already open."""
    ticket = step.api.support.open_ticket_of(step.trader_id)
    if ticket is not None:
        step.conv.go(STATE, ticket_id=ticket.id)
        return [Reply(step.t("support.resume", ticket=ticket.number), (_leave_choice(step),))]
    step.conv.go(STATE)
    return [Reply(step.t("support.ask"), (_leave_choice(step),))]


def from_words(step: Step) -> list[Reply]:
    """The trader's own words asked for a human: they are the ticket's first message."""
    step.conv.go(STATE)
    return _relay(step)


def open_with(step: Step, reason: str, attachment: bytes | None = None) -> list[Reply]:
    """For other flows (e.g. contesting a re-measure): open the trader's ticket with
    `reason` and `attachment` (or add them to the one open) and enter the conversation."""
    ticket = step.api.support.open_ticket(step.trader_id, reason, attachment, chat=_chat(step))
    step.conv.go(STATE, ticket_id=ticket.id)
    return [Reply(step.t("support.opened", ticket=ticket.number), (_leave_choice(step),))]


def active(step: Step) -> bool:
    """In a support conversation whose ticket is open. One an admin closed is left here, so
    the message is handled by the bot as usual."""
    if step.conv.state != STATE:
        return False
    ticket_id = step.conv.data.get("ticket_id")
    if ticket_id is None or step.api.support.ticket_is_open(step.trader_id, ticket_id):
        return True
    step.conv.go("idle")
    return False


def on_message(step: Step, action: str | None) -> list[Reply] | None:
    """What the trader says to the adviser; None when it is for the bot (a menu button, a
    slash command): the conversation is left and the engine handles it."""
    if action in ("cancel", "menu") or step.choice in (LEAVE, STALE):
        return [_leave(step)]
    if action == "support":  # `conseiller` again: where they are
        return start(step)
    if (step.choice or "").startswith("menu:") or (action and step.text.startswith("/")):
        step.conv.go("idle")
        return None
    if step.event.image_error or (not step.text and step.event.image is None):
        return [Reply(step.t("support.not_relayed"), (_leave_choice(step),))]
    return _relay(step)


def _leave(step: Step) -> Reply:
    ticket_id = step.conv.data.get("ticket_id")
    if ticket_id is None:
        return step.menu(step.t("support.left_empty"))
    return step.menu(step.t("support.left", ticket=format_ticket(ticket_id)))


def _relay(step: Step) -> list[Reply]:
    ticket_id = step.conv.data.get("ticket_id")
    image = step.event.image
    try:
        if ticket_id is None:
            ticket = step.api.support.open_ticket(
                step.trader_id, step.text, image, chat=_chat(step)
            )
            key = "support.opened"
        else:
            ticket = step.api.support.ticket_message(step.trader_id, ticket_id, step.text, image)
            key = "support.relayed"
    except TicketClosed:
        return [step.menu(step.t("support.closed_meanwhile"))]
    except NotFound:
        return [step.menu(step.t("stale_button"))]
    step.conv.go(STATE, ticket_id=ticket.id)
    return [Reply(step.t(key, ticket=ticket.number), (_leave_choice(step),))]
