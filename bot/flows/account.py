"""My orders (and cancelling one), container status, help, language."""

from __future__ import annotations

from datetime import date

from bot.engine.events import Choice, Reply
from bot.flows.context import Step
from bot.services.trader_api.views import ContainerView, TraderOrder
from bot.text.keys import CATEGORY, PROGRESS, STAGE
from bot.text.values import Day, Fill, Money, Volume
from domain.errors import IllegalTransition, NotFound
from domain.orders import OrderStatus

SHOWN_ORDERS = 10
CANCEL_BUTTONS = 5


def _line(step: Step, order: TraderOrder) -> str:
    """The order, its progress, and what it asks now (a payment, or an answer)."""
    line = _order_line(step, order)
    if order.awaiting_receipt is not None:
        line += step.t("orders.awaiting_answer")
    elif order.payable and order.status is not OrderStatus.RESERVED:
        line += step.t("orders.due", amount=Money(order.due_now_gnf))
    return line


def _order_line(step: Step, order: TraderOrder) -> str:
    line = step.t(
        "orders.line",
        number=order.number,
        category=step.t(CATEGORY[order.category]),
        volume=Volume(order.volume_l),
        total=Money(order.total_gnf),
        code=order.container_code,
        progress=step.t(PROGRESS[order.progress]),
    )
    return line + _eta(step, order.eta, "eta.order")


def _eta(step: Step, eta: date | None, key: str) -> str:
    """The arrival date, when the container has one, after a line of Mes commandes or
    Conteneur."""
    return "" if eta is None else step.t(key, eta=Day(eta))


def my_orders(step: Step) -> list[Reply]:
    """The orders as text, then the usual menu with its numbers unchanged, and one more
    choice to cancel an order when one can be."""
    orders = step.api.ordering.orders(step.trader_id)
    if not orders:
        return [step.menu(step.t("orders.none"))]
    lines = [step.t("orders.title"), *(_line(step, o) for o in orders[:SHOWN_ORDERS])]
    if len(orders) > SHOWN_ORDERS:
        lines.append(step.t("orders.more", count=len(orders) - SHOWN_ORDERS))
    credit = step.api.account.balance(step.trader_id)
    if credit > 0:
        lines.append(step.t("orders.credit", amount=Money(credit)))
    menu = step.menu()
    extra = _answers(step, orders)
    if any(o.status is OrderStatus.RESERVED for o in orders):
        extra += (step.choice_of("orders:pick_cancel", "orders.cancel_one"),)
    return [Reply("\n".join(lines)), Reply(menu.text, (*menu.choices, *extra))]


def _answers(step: Step, orders: list[TraderOrder]) -> tuple[Choice, ...]:
    """Accepter / Contester for each larger measure awaiting the trader's answer."""
    return tuple(
        step.choice_of(f"receipt:{verb}:{o.awaiting_receipt}", key, number=o.number)
        for o in orders[:SHOWN_ORDERS]
        if o.awaiting_receipt is not None
        for verb, key in (("accept", "orders.accept"), ("contest", "orders.contest"))
    )


def pick_cancel(step: Step) -> list[Reply]:
    cancellable = [
        o for o in step.api.ordering.orders(step.trader_id) if o.status is OrderStatus.RESERVED
    ]
    if not cancellable:
        return [step.menu(step.t("orders.none_to_cancel"))]
    if len(cancellable) == 1:
        return ask_cancel(step, cancellable[0].id)
    step.conv.go("orders_pick_cancel")
    choices = tuple(
        step.choice_of(f"orders:cancel:{o.id}", "orders.cancel_button", number=o.number)
        for o in cancellable[:CANCEL_BUTTONS]
    )
    return [Reply(step.t("orders.which_cancel"), (*choices, step.cancel_choice))]


def ask_cancel(step: Step, order_id: int) -> list[Reply]:
    try:
        order = step.api.ordering.order(step.trader_id, order_id)
    except NotFound:
        return [step.menu(step.t("stale_button"))]
    step.conv.go("orders_cancel", order_id=order_id, number=order.number)
    text = step.t(
        "orders.confirm_cancel",
        number=order.number,
        volume=Volume(order.volume_l),
        total=Money(order.total_gnf),
    )
    choices = (step.choice_of("orders:cancel_yes", "orders.cancel_yes"),
               step.choice_of("orders:keep", "orders.keep"))  # fmt: skip
    return [Reply(text, choices)]


def on_cancel_confirm(step: Step) -> list[Reply]:
    if step.choice == "orders:keep":
        return [step.menu(step.t("orders.kept", number=step.conv.data.get("number", "")))]
    if step.choice != "orders:cancel_yes":
        return [step.reask()]
    order_id = step.conv.data["order_id"]
    try:
        number = step.api.ordering.cancel(step.trader_id, order_id)
    except NotFound:
        return [step.menu(step.t("stale_button"))]
    except IllegalTransition:
        order = step.api.ordering.order(step.trader_id, order_id)
        progress = step.t(PROGRESS[order.progress])
        return [step.menu(step.t("orders.cannot_cancel", number=order.number, progress=progress))]
    return [step.menu(step.t("orders.cancelled", number=number))]


def _status(step: Step, c: ContainerView) -> str:
    return step.t(
        "container.status",
        code=c.code,
        stage=step.t(STAGE[c.stage]),
        bar=Fill(c.fill_pct),
        used=Volume(c.used_l),
        capacity=Volume(c.capacity_l),
        remaining=Volume(c.remaining_l),
    ) + _eta(step, c.eta, "eta.status")


def container_status(step: Step) -> list[Reply]:
    current = step.api.ordering.current_container()
    mine = [c for c in step.api.ordering.containers_of(step.trader_id) if c.code != current.code]
    blocks = [_status(step, current), *(_status(step, c) for c in mine)]
    return [step.menu("\n\n".join(blocks))]


def help_text(step: Step) -> list[Reply]:
    return [step.menu(step.t("help", hours=step.settings.reservation_hours))]


def ask_language(step: Step) -> list[Reply]:
    step.conv.go("language")
    choices = (step.choice_of("lang:fr", "choice.fr"), step.choice_of("lang:en", "choice.en"))
    return [Reply(step.t("language.prompt"), choices)]


def on_language(step: Step) -> list[Reply]:
    if step.choice not in ("lang:fr", "lang:en"):
        return [step.reask()]
    step.conv.lang = step.choice.removeprefix("lang:")
    step.api.registration.set_language(step.trader_id, step.conv.lang)
    return [step.menu(step.t("language.set"))]


def on_pick_cancel(step: Step) -> list[Reply]:
    if (step.choice or "").startswith("orders:cancel:"):
        return ask_cancel(step, int((step.choice or "").rsplit(":", 1)[1]))
    return [step.reask()]


HANDLERS = {
    "orders_pick_cancel": on_pick_cancel,
    "orders_cancel": on_cancel_confirm,
    "language": on_language,
}
