"""Admin commands for the terms of every quote: the exchange rate, the tariffs per CBM and
the commission. Each is checked against the bounds of `domain.terms`, previewed, and only
written once confirmed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bot.admin import confirm
from bot.admin.step import AdminStep
from bot.engine.events import Reply
from bot.services import pricing
from bot.text import formatting as fmt
from bot.text.parsing import parse_amount
from bot.text.vocabulary import normalise
from domain.errors import InvalidInput
from domain.pricing import Category
from domain.terms import check_commission, check_rate, check_tariff, is_large_swing


def _number(step: AdminStep, text: str, usage: str) -> Decimal:
    try:
        return parse_amount(text, thousands_dot=True)
    except InvalidInput:
        raise InvalidInput("admin.bad_value", value=text[:30], command=usage) from None


def cmd_rate(step: AdminStep) -> list[Reply]:
    with step.desk.uow_factory() as uow:
        current = uow.pricing.current_rate()
    if not step.args:
        if current is None:
            return step.reply("quote.no_terms")
        when = fmt.when(current[1], step.lang)
        return step.reply("admin.rate", rate=fmt.rate(current[0], step.lang), date=when)
    if len(step.args) != 1:
        return step.usage("taux")
    rate = _number(step, step.args[0], "taux")
    check_rate(rate)
    old = current[0] if current else None
    preview = step.t(
        "admin.rate_preview",
        old=fmt.rate(old, step.lang) if old is not None else "—",
        new=fmt.rate(rate, step.lang),
    )
    large = is_large_swing(rate, old)
    if large:
        preview += "\n" + step.t("admin.rate_swing")
    return confirm.ask(step, "rate", {"rate": str(rate)}, preview, twice=large)


@confirm.action("rate")
def _set_rate(step: AdminStep, params: dict[str, Any]) -> list[Reply]:
    rate = Decimal(params["rate"])
    pricing.set_rate(step.desk.uow_factory(), rate, step.actor, step.desk.clock())
    return step.reply("admin.rate_set", rate=fmt.rate(rate, step.lang))


def category_named(text: str) -> Category | None:
    folded = "".join(normalise(text).split())
    if len(folded) < 3:
        return None
    return next((c for c in Category if c.value.startswith(folded[:4])), None)


def cmd_tariffs(step: AdminStep) -> list[Reply]:
    if not step.args:
        return _show_tariffs(step)
    if step.args[0].lower() == "commission":
        return _ask_commission(step)
    category = category_named(step.args[0])
    if len(step.args) != 3 or category is None:
        return step.usage("tarifs")
    client, real = (_number(step, a, "tarifs") for a in step.args[1:])
    if client != client.to_integral_value() or real != real.to_integral_value():
        return step.usage("tarifs")
    check_tariff(int(client), int(real))
    lang = step.lang
    preview = step.t(
        "admin.tariff_preview",
        category=step.t(f"category.{category.value}"),
        client=fmt.gnf(int(client), lang),
        real=fmt.gnf(int(real), lang),
    )
    params = {"category": category.value, "client": int(client), "real": int(real)}
    return confirm.ask(step, "tariff", params, preview)


@confirm.action("tariff")
def _set_tariff(step: AdminStep, params: dict[str, Any]) -> list[Reply]:
    category, client, real = Category(params["category"]), params["client"], params["real"]
    uow, now = step.desk.uow_factory(), step.desk.clock()
    pricing.set_tariff(uow, category, client, real, step.actor, now)
    return step.reply(
        "admin.tariff_set",
        category=step.t(f"category.{category.value}"),
        client=fmt.gnf(client, step.lang),
        real=fmt.gnf(real, step.lang),
    )


def _ask_commission(step: AdminStep) -> list[Reply]:
    if len(step.args) != 2:
        return step.usage("commission")
    pct = _number(step, step.args[1].rstrip("%"), "commission")
    try:
        check_commission(pct)
    except InvalidInput as bad:
        raise InvalidInput(bad.reason, command="commission") from None
    preview = step.t("admin.commission_preview", pct=fmt.percent(pct, step.lang))
    return confirm.ask(step, "commission", {"pct": str(pct)}, preview)


@confirm.action("commission")
def _set_commission(step: AdminStep, params: dict[str, Any]) -> list[Reply]:
    pct = Decimal(params["pct"])
    pricing.set_commission(step.desk.uow_factory(), pct, step.actor, step.desk.clock())
    return step.reply("admin.commission_set", pct=fmt.percent(pct, step.lang))


def _show_tariffs(step: AdminStep) -> list[Reply]:
    lines = []
    with step.desk.uow_factory() as uow:
        commission = uow.pricing.current_commission()
        tariffs = [uow.pricing.current_tariff(category) for category in Category]
    for tariff in tariffs:
        if tariff is not None:
            lines.append(
                step.t(
                    "admin.tariff_line",
                    category=step.t(f"category.{tariff.category.value}"),
                    client=fmt.gnf(tariff.client_per_cbm, step.lang),
                    real=fmt.gnf(tariff.real_per_cbm, step.lang),
                )
            )
    pct = fmt.percent(commission[0], step.lang) if commission else "—"
    return step.reply("admin.tariffs", lines="\n".join(lines), commission=pct)
