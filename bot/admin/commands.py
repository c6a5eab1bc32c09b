"""The admin commands and buttons: the table of commands, and the router.

Each command checks its input and answers in the admin's language; a bad argument gets one
line with that command's usage. Every change goes through a use case, which writes the audit
log; changes to money or stages are confirmed first (bot.admin.confirm).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.admin import balances, broadcast, cancellation, confirm, review, tickets
from bot.admin import suppliers as supplier_desk
from bot.admin import warehouse as receipt_desk
from bot.admin.charts import stats_chart
from bot.admin.containers import cmd_containers, cmd_new_container, cmd_stage
from bot.admin.eta import cmd_eta
from bot.admin.export import orders_csv
from bot.admin.step import AdminStep
from bot.admin.terms import cmd_rate, cmd_tariffs
from bot.cards.attachments import attachment_lines
from bot.cards.proof import order_detail, proof_card
from bot.engine.events import Reply
from bot.services.stats import chart_data, container_stats
from bot.text.keys import CATEGORY, INVALID, STAGE, USAGE
from bot.text.values import Moment, Money, Percent, Volume
from domain.errors import InvalidInput, NotFound
from domain.orders import parse_id, parse_number

log = logging.getLogger(__name__)
MAX_PENDING_BUTTONS = 10


def cmd_help(step: AdminStep) -> list[Reply]:
    return [Reply("\n".join([step.t("admin.help"), step.t("admin.help_issue15")]))]


def cmd_pending(step: AdminStep) -> list[Reply]:
    """Every undecided proof, oldest first; a card that could not be delivered is flagged.
    Then the support tickets waiting for an answer."""
    lines, buttons = [], []
    with step.desk.uow_factory() as uow:
        waiting_tickets = tickets.pending_section(step, uow)
        proofs = uow.proofs.pending()
        undelivered = uow.outbox.failed_keys([f"proof:{p.id}" for p in proofs])
        for proof in proofs:
            order = uow.orders.get(proof.order_id)
            trader = uow.traders.get(order.trader_id) if order else None
            if order is None or trader is None:
                continue
            line = step.t(
                "admin.pending_line",
                proof=proof.id,
                number=order.number,
                trader=trader.name,
                total=Money(order.total_gnf),
                date=Moment(proof.submitted_at),
            )
            if f"proof:{proof.id}" in undelivered:
                line += " " + step.t("admin.card_undelivered")
            lines.append(line)
            buttons.append(step.button(f"adm:card:{proof.id}", "admin.show_card", proof=proof.id))
    if not lines and not waiting_tickets:
        return step.reply("admin.no_pending")
    text = "\n".join([*lines, *([""] if lines and waiting_tickets else []), *waiting_tickets])
    return [Reply(text, tuple(buttons[:MAX_PENDING_BUTTONS]))]


def cmd_order(step: AdminStep) -> list[Reply]:
    if len(step.args) != 1:
        return step.usage("commande")
    try:
        order_id = parse_number(step.args[0])
    except InvalidInput:
        return step.usage("commande")
    with step.desk.uow_factory() as uow:
        order = uow.orders.get(order_id)
        trader = uow.traders.get(order.trader_id) if order else None
        container = uow.containers.get(order.container_id) if order else None
        kept = attachment_lines(uow.proofs.attachments_for_order(order_id), step.lang)
    if order is None or trader is None or container is None:
        return step.reply("admin.order_unknown", number=step.args[0][:20])
    return [Reply("\n".join([order_detail(order, trader, container, step.lang), *kept]))]


def cmd_stats(step: AdminStep) -> list[Reply]:
    if len(step.args) > 1:
        return step.usage("stats")
    code = step.args[0].upper()[:20] if step.args else None
    blocks = []
    for stats in container_stats(step.desk.uow_factory(), code):
        c, total = stats.container, stats.total
        lines = [
            step.t(
                "admin.stats_line",
                category=step.t(CATEGORY[cat]),
                volume=Volume(sub.volume_l),
                billed=Money(sub.billed_gnf),
                margin=Money(sub.margin_gnf),
            )
            for cat, sub in sorted(stats.by_category.items())
        ]
        blocks.append(
            step.t(
                "admin.stats",
                code=c.code,
                stage=step.t(STAGE[c.stage]),
                volume=Volume(total.volume_l),
                capacity=Volume(c.capacity_l),
                orders=total.orders,
                billed=Money(total.billed_gnf),
                margin=Money(total.margin_gnf),
                rate=Percent(total.margin_rate_pct),
                lines="\n".join(lines),
            )
        )
    if not blocks:
        return step.reply("admin.container_unknown", code=code or "?")
    return [Reply("\n\n".join(blocks)), *_chart(step, code)]


def _chart(step: AdminStep, code: str | None) -> list[Reply]:
    """The picture beside the text (which stays the source of truth): a drawing that fails
    is logged with its traceback and the text still answers."""
    data = chart_data(step.desk.uow_factory(), step.desk.clock(), code)
    try:
        png = stats_chart(data, step.lang)
    except Exception:
        log.exception("stats chart could not be drawn")
        return []
    return [Reply(step.t("admin.stats_chart"), photo=png)]


def cmd_export(step: AdminStep) -> list[Reply]:
    count, content = orders_csv(step.desk.uow_factory())
    with step.desk.uow_factory() as uow:
        uow.audit.record(step.actor, "export_orders", {"count": count}, step.desk.clock())
        uow.commit()
    name = f"commandes-{step.desk.clock():%Y%m%d-%H%M}.csv"
    return [Reply(step.t("admin.export", count=count), document=(name, content))]


def cmd_language(step: AdminStep) -> list[Reply]:
    wanted = step.args[0].lower() if len(step.args) == 1 else ""
    if wanted not in ("fr", "en"):
        return step.usage("langue")
    step.admin.lang = wanted
    step.saved.append(step.admin)
    return step.reply("admin.language_set")


def cmd_cancel(step: AdminStep) -> list[Reply]:
    step.conv.go("idle")
    return step.reply("admin.cancelled")


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
    usage = step.t("admin.usage", usage=step.t(USAGE[command])) if command in USAGE else ""
    if bad.reason == "admin.bad_value":
        return step.reply("admin.bad_value", value=bad.details.get("value", ""), usage=usage)
    values = {k: v for k, v in bad.details.items() if k != "command"}
    return step.reply(INVALID[bad.reason], **values, usage=usage)
