"""The admin's work queue: proofs waiting for a decision (then tickets waiting for an
answer) with /attente, and one order in full with /commande."""

from __future__ import annotations

from bot.admin import tickets
from bot.admin.step import AdminStep
from bot.cards.attachments import attachment_lines
from bot.cards.proof import order_detail
from bot.engine.events import Reply
from bot.text import formatting as fmt
from domain.errors import InvalidInput
from domain.orders import parse_number

MAX_PENDING_BUTTONS = 10


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
                total=fmt.gnf(order.total_gnf, step.lang),
                date=fmt.when(proof.submitted_at, step.lang),
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
