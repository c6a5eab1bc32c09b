"""What a trader reads when the importer cancels their container: the orders cancelled, the
reason, the amount credited to their balance, and what they can do with it: keep it for the
next container (the default) or ask a refund. Rendered at sending time in their language."""

from __future__ import annotations

from bot.engine.events import Choice, Reply
from bot.text.messages import t
from bot.text.values import Money


def credit_card(payload: dict, lang: str) -> Reply:
    amount = int(payload.get("amount", 0))
    values = {"code": payload["code"], "reason": payload["reason"], "orders": payload["orders"]}
    if amount <= 0:
        return Reply(t("notify.container_cancelled_unpaid", lang, **values))
    text = t("notify.container_cancelled", lang, amount=Money(amount), **values)
    choices = (
        Choice("credit:keep", t("balance.keep", lang)),
        Choice("credit:refund", t("balance.ask_refund", lang)),
    )
    return Reply(text, choices)
