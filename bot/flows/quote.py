"""Quote and order: category -> volume -> price -> quote -> reserve."""

from __future__ import annotations

import uuid

from bot import formatting as fmt
from bot.engine.events import Reply
from bot.flows.context import Step
from bot.parsing import parse_price, parse_volume
from domain.errors import ContainerClosed, ContainerFull, InvalidInput, NotFound, QuoteChanged
from domain.pricing import Category
from domain.quantities import fen_from_cny, litres_from_cbm

MIN_VOLUME_L = 10  # 0.01 CBM


def start(step: Step) -> list[Reply]:
    step.conv.go("quote_category")
    choices = tuple(step.choice_of(f"cat:{c.value}", f"category.{c.value}") for c in Category)
    return [Reply(step.t("quote.ask_category"), (*choices, step.cancel_choice))]


def on_category(step: Step) -> list[Reply]:
    if not (step.choice or "").startswith("cat:"):
        return [step.reask()]
    category = Category(step.choice.removeprefix("cat:"))  # type: ignore[union-attr]
    step.conv.go("quote_volume", category=category.value)
    return [Reply(step.t("quote.ask_volume"))]


def _volume_l(step: Step, text: str) -> int:
    try:
        volume = parse_volume(text)
    except InvalidInput:
        raise InvalidInput("quote.bad_volume") from None
    if volume <= 0:
        raise InvalidInput("quote.volume_not_positive")
    capacity = step.settings.capacity_l
    if volume * 1000 > capacity:
        raise InvalidInput("quote.volume_too_large", maximum=fmt.cbm(capacity, step.conv.lang))
    try:
        litres = litres_from_cbm(volume)
    except InvalidInput:
        raise InvalidInput("quote.volume_too_precise") from None
    if litres < MIN_VOLUME_L:
        raise InvalidInput("quote.volume_too_small", minimum=fmt.cbm(MIN_VOLUME_L, step.conv.lang))
    return litres


def on_volume(step: Step) -> list[Reply]:
    try:
        volume_l = _volume_l(step, step.text)
    except InvalidInput as bad:
        return [Reply(step.t(bad.reason, **bad.details))]
    step.conv.go("quote_price", category=step.conv.data["category"], volume_l=volume_l)
    return [Reply(step.t("quote.ask_price"))]


def _price_fen(step: Step, text: str) -> int:
    try:
        price = parse_price(text)
    except InvalidInput:
        raise InvalidInput("quote.bad_price") from None
    if price <= 0:
        raise InvalidInput("quote.price_not_positive")
    maximum = step.settings.max_price_cny
    if price > maximum:
        shown = fmt.cny(fen_from_cny(maximum), step.conv.lang)
        raise InvalidInput("quote.price_too_large", maximum=shown)
    try:
        return fen_from_cny(price)
    except InvalidInput:
        raise InvalidInput("quote.price_too_precise") from None


def on_price(step: Step) -> list[Reply]:
    try:
        price_fen = _price_fen(step, step.text)
    except InvalidInput as bad:
        return [Reply(step.t(bad.reason, **bad.details))]
    data = step.conv.data
    return _show_quote(step, Category(data["category"]), data["volume_l"], price_fen)


def _show_quote(
    step: Step, category: Category, volume_l: int, price_fen: int, intro: str | None = None
) -> list[Reply]:
    try:
        quote = step.api.quote(category, volume_l, price_fen)
    except NotFound:
        return [step.menu(step.t("quote.no_terms"))]
    container = step.api.current_container()
    lang = step.conv.lang
    summary = step.t(
        "quote.summary",
        category=step.t(f"category.{category.value}"),
        volume=fmt.cbm(volume_l, lang),
        price=fmt.cny(price_fen, lang),
        rate=fmt.rate(quote.rate, lang),
        goods=fmt.gnf(quote.goods_gnf, lang),
        commission_pct=fmt.percent(quote.commission_pct, lang),
        commission=fmt.gnf(quote.commission_gnf, lang),
        logistics=fmt.gnf(quote.logistics_gnf, lang),
        total=fmt.gnf(quote.total_gnf, lang),
        rate_date=fmt.when(quote.rate_set_at, lang),
        code=container.code,
        bar=fmt.fill_bar(container.fill_pct, lang),
        remaining=fmt.cbm(container.remaining_l, lang),
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
    return [*replies, Reply(f"{summary}\n\n{step.t('quote.next_steps')}", choices)]


def on_review(step: Step) -> list[Reply]:
    if step.choice == "quote:order":
        return _place(step, container_code=None)
    if step.choice == "quote:edit":
        return start(step)
    return [step.reask()]


def _place(step: Step, container_code: str | None) -> list[Reply]:
    data = step.conv.data
    category = Category(data["category"])
    try:
        order, container = step.api.place_order(
            step.trader_id, category, data["volume_l"], data["price_fen"], data["key"],
            data["total"], container_code,
        )  # fmt: skip
    except ContainerFull as full:
        return [_offer_next(step, full)]
    except QuoteChanged:
        changed = step.t("quote.changed")
        return _show_quote(step, category, data["volume_l"], data["price_fen"], changed)
    except ContainerClosed:
        return [step.menu(step.t("order.container_closed"))]
    except NotFound:
        return [step.menu(step.t("quote.no_terms"))]
    lang = step.conv.lang
    text = step.t(
        "order.placed",
        number=order.number,
        volume=fmt.cbm(order.volume_l, lang),
        code=container.code,
        total=fmt.gnf(order.total_gnf, lang),
        momo_number=step.settings.mobile_money_number,
        momo_name=step.settings.mobile_money_name,
        deadline=fmt.when(order.expires_at, lang),
    )
    return [step.menu(text)]


def _offer_next(step: Step, full: ContainerFull) -> Reply:
    nxt = step.api.next_container_after(full.code)
    lang = step.conv.lang
    step.conv.go("quote_full", **step.conv.data, next_code=nxt.code)
    text = step.t(
        "order.full",
        remaining=fmt.cbm(full.remaining_l, lang),
        code=full.code,
        volume=fmt.cbm(step.conv.data["volume_l"], lang),
        next_code=nxt.code,
    )
    choices = (
        step.choice_of("order:next", "order.next_container"),
        step.choice_of("order:volume", "order.change_volume"),
        step.cancel_choice,
    )
    return Reply(text, choices)


def on_full(step: Step) -> list[Reply]:
    if step.choice == "order:next":
        return _place(step, container_code=step.conv.data["next_code"])
    if step.choice == "order:volume":
        step.conv.go("quote_volume", category=step.conv.data["category"])
        return [Reply(step.t("quote.ask_volume"))]
    return [step.reask()]


HANDLERS = {
    "quote_category": on_category,
    "quote_volume": on_volume,
    "quote_price": on_price,
    "quote_review": on_review,
    "quote_full": on_full,
}
