"""Free text at the menu, in the trader's own words.

Goods, a volume or a price named start the quote with what was understood; intent words
(`prix`, `j'ai payé`, `mes colis`, `c'est quand le départ ?`) reach their flow, and the
words asking for a human (`conseiller`, `j'ai un problème`) open a support ticket; greetings
and thanks get a short friendly answer with the menu. Only the rest gets the hint.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bot.engine.events import Reply
from bot.flows import balance, quote, suppliers, support
from bot.flows.context import Step
from bot.text.directory_words import asks_balance, asks_suppliers
from bot.text.vocabulary import Intent

SMALL_TALK = {Intent.GREETING: "talk.hello", Intent.THANKS: "talk.thanks"}


def free_text(step: Step, actions: Mapping[str, Callable[[Step], list[Reply]]]) -> list[Reply]:
    """`actions`: the menu's actions by name (quote, orders, proof, container, help)."""
    if asks_suppliers(step.text):  # before goods: `où acheter des téléphones` is no quote
        return suppliers.from_words(step)
    if asks_balance(step.text):
        return balance.my_balance(step)
    heard = quote.hear(step)
    if heard.intent is Intent.QUOTE:
        return quote.from_words(step, heard)
    if heard.intent is Intent.SUPPORT:  # their words are the adviser's first message
        return support.from_words(step)
    if heard.intent in SMALL_TALK:
        return [step.menu(step.t(SMALL_TALK[heard.intent]))]
    if heard.intent is not None and heard.intent.value in actions:
        return actions[heard.intent.value](step)
    return [step.menu(step.t("hint"))]
