"""`/recu C00001`: a trader's receipt, sent again (own orders only).

Only `/recu` (or `/receipt`) with a number, at any time, or the words `reçu C00001` (the
number with its C) outside a flow are a receipt request: `reçu` alone, or `j'ai le reçu`,
stays what it was, a word about a payment proof.
"""

from __future__ import annotations

import re

from bot.engine.events import Reply
from bot.flows.context import Step
from domain.errors import InvalidInput, NotFound
from domain.orders import format_number, parse_number

_COMMAND = re.compile(r"/(?:re[cç]u|receipt)(?:\s+(?P<number>.*))?", re.IGNORECASE | re.DOTALL)
_WORDS = re.compile(r"re[cç]u\s+(?P<number>[#c]\s*\d{1,10})", re.IGNORECASE)


def requested(step: Step, in_flow: bool) -> bool:
    if step.event.image is not None or step.event.image_error:
        return False
    if _COMMAND.fullmatch(step.text):
        return True
    return not in_flow and _WORDS.fullmatch(step.text) is not None


def send_again(step: Step) -> list[Reply]:
    match = _COMMAND.fullmatch(step.text) or _WORDS.fullmatch(step.text)
    assert match is not None
    try:
        order_id = parse_number(match.group("number") or "")
    except InvalidInput:
        return [step.menu(step.t("receipt.usage"))]
    number = format_number(order_id)
    try:
        view = step.api.proofs.receipt(step.trader_id, order_id)
    except NotFound as missing:
        key = "receipt.none_yet" if missing.what == "receipt" else "receipt.unknown_order"
        return [step.menu(step.t(key, number=number))]
    from bot.cards.receipt_pdf import receipt_reply  # reportlab, loaded when a receipt is asked for

    return [receipt_reply(view, step.conv.lang, step.settings.public_base_url), step.menu()]
