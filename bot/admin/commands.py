"""The admin commands and buttons: the table of commands, and the router.

Each command checks its input and answers in the admin's language; a bad argument gets one
line with that command's usage. Every change goes through a use case, which writes the audit
log; changes to money or stages are confirmed first (bot.admin.confirm). The commands live
one family per module (containers, terms, queue, reports, session, tickets, ...).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.admin import balances, broadcast, cancellation, confirm, review, tickets
from bot.admin import suppliers as supplier_desk
from bot.admin import warehouse as receipt_desk
from bot.admin.containers import cmd_containers, cmd_new_container, cmd_stage
from bot.admin.eta import cmd_eta
from bot.admin.queue import cmd_order, cmd_pending
from bot.admin.reports import cmd_export, cmd_stats
from bot.admin.session import cmd_cancel, cmd_help, cmd_language
from bot.admin.step import AdminStep
from bot.admin.terms import cmd_rate, cmd_tariffs
from bot.cards.proof import proof_card
from bot.engine.events import Reply
from bot.text.messages import MESSAGES
from domain.errors import InvalidInput, NotFound
from domain.orders import parse_id

log = logging.getLogger(__name__)


COMMANDS: dict[str, Callable[[AdminStep], list[Reply]]] = {
    "aide": cmd_help,
    "help": cmd_help,
    "start": cmd_help,
    "taux": cmd_rate,
    "tarifs": cmd_tariffs,
    "conteneurs": cmd_containers,
    "etape": cmd_stage,
    "nouveau_conteneur": cmd_new_container,
    "attente": cmd_pending,
    "commande": cmd_order,
    "stats": cmd_stats,
    "annonce": broadcast.cmd_announce,
    "export": cmd_export,
    "langue": cmd_language,
    "annuler": cmd_cancel,
    # Issue 14 — arrival dates and delay notices
    "eta": cmd_eta,
    # Issue 14 — support tickets
    "repondre": tickets.cmd_answer,
    "répondre": tickets.cmd_answer,
    "fermer": tickets.cmd_close,
    "tickets": tickets.cmd_tickets,
    # Issue 14 — warehouse receipt and re-measure
    "reception": receipt_desk.cmd_receipt,
    # Issue 15 — container cancellation, balances and refunds, the supplier directory
    "annuler_conteneur": cancellation.cmd_cancel_container,
    "solde": balances.cmd_balance,
    "credit": balances.cmd_credit,
    "remboursements": balances.cmd_refunds,
    "rembourse": balances.cmd_refund_paid,
    "fournisseur": supplier_desk.cmd_supplier,
}
# What only the admin desk understands (traders have /start, /aide, /langue, /annuler too).
ADMIN_ONLY_COMMANDS = frozenset({"admin", *COMMANDS}) - {
    "aide",
    "help",
    "start",
    "langue",
    "annuler",
}


def is_admin_input(text: str, choice: str | None) -> bool:
    """An admin button or an admin-only command, wherever it was sent."""
    if choice is not None:
        return choice.startswith("adm:")
    word = text.strip().split(maxsplit=1)[0] if text.strip() else ""
    return word.startswith("/") and word[1:].split("@")[0].lower() in ADMIN_ONLY_COMMANDS


def on_button(step: AdminStep) -> list[Reply]:
    """Buttons are untrusted input: parsed strictly, and every id is checked on the server."""
    parts = (step.choice or "").split(":")
    kind, rest = (parts[1], parts[2:]) if len(parts) >= 2 and parts[0] == "adm" else ("", [])
    try:
        if kind == "approve" and len(rest) == 1:
            return review.approve(step, parse_id(rest[0]))
        if kind == "reject" and len(rest) == 1:
            return review.ask_reason(step, parse_id(rest[0]))
        if kind == "reason" and len(rest) == 2:
            return review.reason_chosen(step, parse_id(rest[0]), rest[1])
        if kind == "card" and len(rest) == 1:
            card = proof_card(step.desk.uow_factory(), parse_id(rest[0]), step.lang)
            return [card] if card else step.reply("admin.proof_unknown")
        if kind == "ok" and len(rest) == 1:
            return confirm.confirmed(step, rest[0])
        if kind in ("audience", "announce"):
            return broadcast.on_button(step, kind, rest)
        if kind == "rcpt":
            return receipt_desk.on_button(step, rest)
        if kind == "cancel":
            return cmd_cancel(step)
    except InvalidInput:  # a forged id: not a small positive number
        log.warning("forged admin button %r from %s", step.choice, step.actor)
    return step.reply("stale_button")


STATE_HANDLERS = {
    "admin_reject_text": review.reason_typed,
    "admin_announce_text": broadcast.text_typed,
    "admin_confirm": receipt_desk.photo_after,  # a receipt's photo sent after the command
    receipt_desk.ROOM_STATE: receipt_desk.photo_after,
    supplier_desk.IMPORT_STATE: supplier_desk.document_after,
}


def route(step: AdminStep) -> list[Reply]:
    try:
        if step.command is None and step.event.choice is None and step.event.reply_to:
            answered = tickets.on_reply(step)  # a reply to a support ticket's card
            if answered is not None:
                return answered
        if step.command == "annuler":
            return cmd_cancel(step)
        if step.choice:
            return on_button(step)
        if step.command is not None:
            handler = COMMANDS.get(step.command)
            return handler(step) if handler else step.reply("admin.unknown")
        state_handler = STATE_HANDLERS.get(step.conv.state)
        if state_handler is not None:
            return state_handler(step)
        return step.reply("admin.unknown")
    except InvalidInput as bad:
        return _refusal(step, bad)
    except NotFound:
        return step.reply("admin.proof_unknown")


def _refusal(step: AdminStep, bad: InvalidInput) -> list[Reply]:
    """One short line: what was wrong, and the usage of this command only."""
    command = str(bad.details.get("command") or step.command or "")
    usage_key = f"admin.usage.{command}"
    usage = step.t("admin.usage", usage=step.t(usage_key)) if usage_key in MESSAGES else ""
    if bad.reason == "admin.bad_value":
        return step.reply("admin.bad_value", value=bad.details.get("value", ""), usage=usage)
    values = {k: v for k, v in bad.details.items() if k != "command"}
    return step.reply(f"admin.invalid.{bad.reason}", **values, usage=usage)
