"""Quote: category, volume and price, asked one at a time or read from one message.

Whatever the way in (the menu, a step's answer, `3 cbm tissu 10000 yuan` at the menu),
what is known so far is a draft in the conversation's data; `advance` asks the first thing
still missing, or shows the quote. Each value is checked by one function here.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from bot.cards.quote import quote_values
from bot.engine.events import Choice, Reply
from bot.flows.context import Step
from bot.text import formatting as fmt
from bot.text.keys import CATEGORY
from bot.text.understanding import Slot, Understood, understand
from bot.text.values import Fill, Volume, Yuan
from bot.text.vocabulary import yes_or_no
from domain.errors import InvalidInput, NotFound
from domain.pricing import Category
from domain.quantities import cbm_from_litres, fen_from_cny, litres_from_cbm

MIN_VOLUME_L = 10  # 0.01 CBM
DRAFT_KEYS = ("category", "volume_l", "price_fen")
Draft = dict[str, Any]


def start(step: Step) -> list[Reply]:
    return advance(step, {})


def hear(step: Step, expecting: Slot | None = None) -> Understood:
    capacity = cbm_from_litres(step.settings.capacity_l)
    return understand(step.text, capacity_cbm=capacity, expecting=expecting)


def from_words(step: Step, heard: Understood) -> list[Reply]:
    """A message naming goods, a volume or a price: what was understood is echoed and
    only what is missing is asked."""
    return _take(step, {}, heard, echo=True)


def _draft(step: Step) -> Draft:
    return {key: step.conv.data[key] for key in DRAFT_KEYS if key in step.conv.data}


def advance(
    step: Step, draft: Draft, *, guess: str = "", echo: bool = False, options: tuple[int, ...] = ()
) -> list[Reply]:
    """Ask the first thing missing from `draft`, or show the quote when nothing is."""
    lead = _echo(step, draft) if echo else ""
    if options:  # what was just said comes first: 15 ¥ or 15 000 ¥?
        return [_ask_price_check(step, draft, options, lead)]
    if "category" not in draft:
        return [_ask_category(step, draft, guess, lead)]
    if "volume_l" not in draft:
        step.conv.go("quote_volume", **draft)
        return [Reply(lead + step.t("quote.ask_volume"))]
    if "price_fen" not in draft:
        step.conv.go("quote_price", **draft)
        return [Reply(lead + step.t("quote.ask_price"))]
    category = Category(draft["category"])
    return show_quote(step, category, draft["volume_l"], draft["price_fen"], lead=lead)


def _echo(step: Step, draft: Draft) -> str:
    """'Compris : 3,0 CBM · TEXTILE · 10 000 ¥' and a line break, or '' when nothing is known."""
    lang = step.conv.lang
    parts = [
        fmt.cbm(draft["volume_l"], lang) if "volume_l" in draft else "",
        step.t(CATEGORY[Category(draft["category"])]) if "category" in draft else "",
        fmt.cny(draft["price_fen"], lang) if "price_fen" in draft else "",
    ]
    shown = " · ".join(part for part in parts if part)
    return step.t("quote.understood", summary=shown) + "\n" if shown else ""


def _take(step: Step, draft: Draft, heard: Understood, *, echo: bool) -> list[Reply]:
    """Add to `draft` what `heard` names and the draft lacks; a value refused is explained
    and asked again, the others kept."""
    draft = dict(draft)
    if heard.category is not None and not heard.category_guessed:
        draft.setdefault("category", heard.category.value)
    refused: list[tuple[str, InvalidInput]] = []
    if heard.volume is not None and "volume_l" not in draft:
        try:
            draft["volume_l"] = _volume_l(step, heard.volume)
        except InvalidInput as bad:
            refused.append(("quote_volume", bad))
    options: tuple[int, ...] = ()
    if "price_fen" not in draft:
        try:
            options = _price_options(step, heard)
        except InvalidInput as bad:
            refused.append(("quote_price", bad))
    if len(options) == 1 and not (heard.ambiguous_price or heard.price_too_small):
        draft["price_fen"], options = options[0], ()
    if refused:
        state, error = refused[0]
        step.conv.go(state, **draft)
        return [Reply(step.t(error.reason, **error.details))]
    guess = heard.category_word if heard.category_guessed else ""
    return advance(step, draft, guess=guess, echo=echo, options=options)


def _ask_category(step: Step, draft: Draft, guess: str, lead: str) -> Reply:
    """The categories; goods we do not classify are offered as DIVERS, to confirm."""
    step.conv.go("quote_category", **draft)
    choices = [step.choice_of(f"cat:{c.value}", CATEGORY[c]) for c in Category]
    if not guess:
        return Reply(lead + step.t("quote.ask_category"), (*choices, step.cancel_choice))
    others = [c for c in choices if c.id != "cat:divers"]
    yes = step.choice_of("cat:divers", "quote.yes_divers")
    text = lead + step.t("quote.confirm_divers", word=guess)
    return Reply(text, (yes, *others, step.cancel_choice))


def on_category(step: Step) -> list[Reply]:
    choice = step.choice or ""
    if choice.startswith("cat:"):
        category = Category(choice.removeprefix("cat:"))
        return advance(step, {**_draft(step), "category": category.value})
    heard = hear(step)
    if heard.category is None:
        return [step.reask()]
    return _take(step, _draft(step), heard, echo=False)


def _volume_l(step: Step, volume: Decimal) -> int:
    if volume <= 0:
        raise InvalidInput("quote.volume_not_positive")
    capacity = step.settings.capacity_l
    if volume * 1000 > capacity:
        raise InvalidInput("quote.volume_too_large", maximum=Volume(capacity))
    try:
        litres = litres_from_cbm(volume)
    except InvalidInput:
        raise InvalidInput("quote.volume_too_precise") from None
    if litres < MIN_VOLUME_L:
        raise InvalidInput("quote.volume_too_small", minimum=Volume(MIN_VOLUME_L))
    return litres


def on_volume(step: Step) -> list[Reply]:
    heard = hear(step, "volume")
    if heard.volume is None:
        priced = heard.price is not None or heard.ambiguous_price is not None
        return [Reply(step.t("quote.price_not_volume" if priced else "quote.bad_volume"))]
    return _take(step, _draft(step), heard, echo=False)


def _price_fen(step: Step, price: Decimal) -> int:
    if price <= 0:
        raise InvalidInput("quote.price_not_positive")
    maximum = step.settings.max_price_cny
    if price > maximum:
        raise InvalidInput("quote.price_too_large", maximum=Yuan(fen_from_cny(maximum)))
    try:
        return fen_from_cny(price)
    except InvalidInput:
        raise InvalidInput("quote.price_too_precise") from None


def _price_options(step: Step, heard: Understood) -> tuple[int, ...]:
    """The readings of the price that pass `_price_fen` (two for `15,000`); none named: ()."""
    readings = (heard.price,) if heard.price is not None else heard.ambiguous_price or ()
    valid, refused = [], None
    for reading in readings:
        try:
            valid.append(_price_fen(step, reading))
        except InvalidInput as bad:
            refused = bad
    if refused is not None and not valid:
        raise refused
    return tuple(valid)


def on_price(step: Step) -> list[Reply]:
    heard = hear(step, "price")
    if heard.price is None and heard.ambiguous_price is None:
        step.conv.go("quote_price", **_draft(step))
        key = "quote.volume_not_price" if heard.volume is not None else "quote.bad_price"
        return [Reply(step.t(key))]
    return _take(step, _draft(step), heard, echo=False)


def _ask_price_check(step: Step, draft: Draft, options: tuple[int, ...], lead: str) -> Reply:
    """`15 ¥ ou 15 000 ¥ ?` with both as buttons, or `5 ¥, vraiment ?` with yes / change."""
    step.conv.go("quote_price_check", **draft)
    lang = step.conv.lang
    shown = [fmt.cny(fen, lang) for fen in options]
    if len(options) == 2:
        text = step.t("quote.price_which", first=shown[0], second=shown[1])
        choices = tuple(
            Choice(f"price:{fen}", label) for fen, label in zip(options, shown, strict=True)
        )
    else:
        text = step.t("quote.price_check", price=shown[0])
        yes = step.choice_of(f"price:{options[0]}", "quote.price_yes", price=shown[0])
        choices = (yes, step.choice_of("price:other", "quote.price_other"))
    return Reply(lead + text, (*choices, step.cancel_choice))


def _yes_no(step: Step) -> str:
    """`oui` / `non` typed to `5 ¥, vraiment ?`: the offered yes, or `Corriger`."""
    offered = [c.id for c in step.conv.choices]
    answer = yes_or_no(step.text) if "price:other" in offered else None
    return "" if answer is None else offered[0] if answer else "price:other"


def on_price_check(step: Step) -> list[Reply]:
    """A reading picked, `Corriger`, or a price typed again (read as at the price step)."""
    choice = step.choice or _yes_no(step)
    if not choice.startswith("price:"):
        return on_price(step)
    if choice == "price:other":
        step.conv.go("quote_price", **_draft(step))
        return [Reply(step.t("quote.ask_price"))]
    return advance(step, {**_draft(step), "price_fen": int(choice.removeprefix("price:"))})


def show_quote(
    step: Step,
    category: Category,
    volume_l: int,
    price_fen: int,
    intro: str | None = None,
    lead: str = "",
) -> list[Reply]:
    """The quote with `Commander` ready; `intro` comes as a message before it, `lead` as
    the first line of it."""
    try:
        quote, container = step.api.ordering.quote_now(category, volume_l, price_fen)
    except NotFound:
        return [step.menu(step.t("quote.no_terms"))]
    summary = step.t(
        "quote.summary",
        **quote_values(quote),
        code=container.code,
        bar=Fill(container.fill_pct),
        remaining=Volume(container.remaining_l),
    )
    step.conv.go(
        "quote_review",
        category=category.value,
        volume_l=volume_l,
        price_fen=price_fen,
        key=uuid.uuid4().hex,
        total=quote.total_gnf,
    )
    choices = (
        step.choice_of("quote:order", "quote.order"),
        step.choice_of("quote:edit", "quote.edit"),
        step.cancel_choice,
    )
    replies = [Reply(intro)] if intro else []
    return [*replies, Reply(f"{lead}{summary}\n\n{step.t('quote.next_steps')}", choices)]


HANDLERS = {
    "quote_category": on_category,
    "quote_volume": on_volume,
    "quote_price": on_price,
    "quote_price_check": on_price_check,
}
