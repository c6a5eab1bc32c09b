"""The trader's answer to a larger warehouse measure: *Accepter* (the difference is then due,
the trader's credit taken first) or *Contester* (the admins are told, and a support
conversation opens with them)."""

from __future__ import annotations

from bot.cards.warehouse import statement_text
from bot.engine.choices import fold
from bot.engine.events import Reply
from bot.flows import support
from bot.flows.context import Step
from bot.text.messages import t
from domain.errors import IllegalTransition, NotFound

PREFIX = "receipt:"
WORDS = {"accepter": "accept", "accept": "accept", "contester": "contest", "contest": "contest"}


def typed_answer(step: Step) -> list[Reply] | None:
    """`accepter` / `contester` typed (WhatsApp without buttons): the answer to the one
    measure awaiting it; None when the words are not that, or no single measure waits."""
    verb = WORDS.get(fold(step.text))
    if verb is None:
        return None
    waiting = [
        o.awaiting_receipt for o in step.api.ordering.orders(step.trader_id) if o.awaiting_receipt
    ]
    if len(waiting) != 1:
        return None
    step.choice = f"{PREFIX}{verb}:{waiting[0]}"
    return on_answer(step)


def on_answer(step: Step) -> list[Reply]:
    """`receipt:accept:<id>` / `receipt:contest:<id>`, from the pushed card or My orders.
    The id is checked on the server: someone else's receipt is a stale button."""
    parts = (step.choice or "").split(":")
    if len(parts) != 3 or parts[1] not in ("accept", "contest") or not parts[2].isdigit():
        return [step.menu(step.t("stale_button"))]
    accept = parts[1] == "accept"
    try:
        order, statement = step.api.ordering.answer_receipt(step.trader_id, int(parts[2]), accept)
    except NotFound:
        return [step.menu(step.t("stale_button"))]
    except IllegalTransition:
        return [step.menu(step.t("warehouse.already_answered"))]
    if not accept:  # a support conversation opens, so the trader can explain and be answered
        told = Reply(step.t("warehouse.contested", number=order.number))
        reason = t("warehouse.contest_ticket", "fr", number=order.number)  # read by the admins
        return [told, *support.open_with(step, reason)]
    if not statement.to_pay_gnf:
        return [step.menu(step.t("warehouse.accepted_nothing", number=order.number))]
    lines = statement_text(statement, step.conv.lang)
    return [step.menu(step.t("warehouse.accepted", number=order.number, statement=lines))]
