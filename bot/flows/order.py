"""Order: the quote reviewed, then the volume reserved (or the next container offered)."""

from __future__ import annotations

from bot.cards.warehouse import statement_text
from bot.engine.events import Reply
from bot.flows import quote
from bot.flows.context import Step
from bot.services.trader_api.views import TraderOrder
from bot.text.values import Moment, Money, Volume
from bot.text.vocabulary import Intent
from domain.errors import ContainerClosed, ContainerFull, NotFound, QuoteChanged
from domain.ledger import Statement
from domain.pricing import Category


def on_review(step: Step) -> list[Reply]:
    if step.choice == "quote:order":
        return _place(step, container_code=None)
    if step.choice == "quote:edit":
        return quote.start(step)
    heard = quote.hear(step)
    if heard.intent is Intent.QUOTE and heard.names_goods:  # a new quote in one message
        return quote.from_words(step, heard)
    return [step.reask()]


def _place(step: Step, container_code: str | None) -> list[Reply]:
    data = step.conv.data
    category = Category(data["category"])
    try:
        order, container = step.api.ordering.place_order(
            step.trader_id, category, data["volume_l"], data["price_fen"], data["key"],
            data["total"], container_code,
        )  # fmt: skip
    except ContainerFull as full:
        return [_offer_next(step, full)]
    except QuoteChanged:
        changed = step.t("quote.changed")
        return quote.show_quote(step, category, data["volume_l"], data["price_fen"], changed)
    except ContainerClosed:
        return [step.menu(step.t("order.container_closed"))]
    except NotFound:
        return [step.menu(step.t("quote.no_terms"))]
    text = step.t(
        "order.placed_by_credit" if not order.due_now_gnf else "order.placed",
        number=order.number,
        volume=Volume(order.volume_l),
        code=container.code,
        total=Money(order.due_now_gnf),
        momo_number=step.settings.mobile_money_number,
        momo_name=step.settings.mobile_money_name,
        deadline=Moment(order.expires_at),
    )
    return [step.menu("\n".join([text, *_money_lines(step, order)]))]


def _money_lines(step: Step, order: TraderOrder) -> list[str]:
    """A deposit, and the credit taken on it, line by line."""
    lang = step.conv.lang
    asked = order.due_now_gnf + order.credit_used_gnf
    lines = []
    if asked < order.total_gnf:
        lines.append(
            step.t(
                "order.deposit",
                deposit=Money(asked),
                total=Money(order.total_gnf),
                balance=Money(order.total_gnf - asked),
            )
        )
    if order.credit_used_gnf:
        lines.append(statement_text(Statement(asked, order.credit_used_gnf), lang))
    return lines


def _offer_next(step: Step, full: ContainerFull) -> Reply:
    nxt = step.api.ordering.next_container_after(full.code)
    step.conv.go("quote_full", **step.conv.data, next_code=nxt.code)
    text = step.t(
        "order.full",
        remaining=Volume(full.remaining_l),
        code=full.code,
        volume=Volume(step.conv.data["volume_l"]),
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
        return quote.advance(step, {"category": step.conv.data["category"]})
    return [step.reask()]


HANDLERS = {
    "quote_review": on_review,
    "quote_full": on_full,
}
