"""The admin commands and buttons. Each checks its input and answers in the admin's language;
every change goes through a use case, which writes the audit log."""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal

from bot import formatting as fmt
from bot.admin import broadcast, review
from bot.admin.attachments import attachment_lines
from bot.admin.cards import order_detail, proof_card
from bot.admin.desk import AdminStep
from bot.admin.export import orders_csv
from bot.engine.events import Choice, Reply
from bot.parsing import parse_amount
from bot.services import containers as container_service
from bot.services import pricing
from bot.services.notifications import traders_of
from bot.services.stats import container_stats
from domain.errors import InvalidInput, NotFound, StageTransitionError
from domain.orders import parse_number
from domain.pricing import Category
from domain.quantities import litres_from_cbm

log = logging.getLogger(__name__)


def _uow(step: AdminStep):
    return step.desk.uow_factory()


def _number(step: AdminStep, text: str, usage_key: str) -> Decimal:
    try:
        return parse_amount(text, thousands_dot=True)
    except InvalidInput:
        raise InvalidInput("admin.bad_value", value=text[:30], usage=step.t(usage_key)) from None


def cmd_help(step: AdminStep) -> list[Reply]:
    return step.reply("admin.help")


def cmd_rate(step: AdminStep) -> list[Reply]:
    if step.args:
        rate = _number(step, step.args[0], "admin.help")
        pricing.set_rate(_uow(step), rate, step.actor, step.desk.clock())
        return step.reply("admin.rate_set", rate=fmt.rate(rate, step.lang))
    with _uow(step) as uow:
        current = uow.pricing.current_rate()
    if current is None:
        return step.reply("quote.no_terms")
    return step.reply(
        "admin.rate", rate=fmt.rate(current[0], step.lang), date=fmt.when(current[1], step.lang)
    )


def _category(text: str) -> Category:
    folded = text.strip().lower().replace("é", "e")
    for category in Category:
        if category.value.startswith(folded[:4]) and folded:
            return category
    raise InvalidInput("admin.bad_value", value=text[:30], usage="")


def cmd_tariffs(step: AdminStep) -> list[Reply]:
    now, lang = step.desk.clock(), step.lang
    if len(step.args) == 2 and step.args[0].lower() == "commission":
        pct = _number(step, step.args[1], "admin.help")
        pricing.set_commission(_uow(step), pct, step.actor, now)
        return step.reply("admin.commission_set", pct=fmt.percent(pct, lang))
    if len(step.args) == 3:
        category = _category(step.args[0])
        client, real = (int(_number(step, a, "admin.help")) for a in step.args[1:])
        pricing.set_tariff(_uow(step), category, client, real, step.actor, now)
        name = step.t(f"category.{category.value}")
        return step.reply(
            "admin.tariff_set",
            category=name,
            client=fmt.gnf(client, lang),
            real=fmt.gnf(real, lang),
        )
    return _show_tariffs(step)


def _show_tariffs(step: AdminStep) -> list[Reply]:
    lines = []
    with _uow(step) as uow:
        commission = uow.pricing.current_commission()
        for category in Category:
            tariff = uow.pricing.current_tariff(category)
            if tariff is not None:
                lines.append(
                    step.t(
                        "admin.tariff_line",
                        category=step.t(f"category.{category.value}"),
                        client=fmt.gnf(tariff.client_per_cbm, step.lang),
                        real=fmt.gnf(tariff.real_per_cbm, step.lang),
                    )
                )
    pct = fmt.percent(commission[0], step.lang) if commission else "—"
    return step.reply("admin.tariffs", lines="\n".join(lines), commission=pct)


def cmd_containers(step: AdminStep) -> list[Reply]:
    blocks = []
    for stats in container_stats(_uow(step)):
        c = stats.container
        blocks.append(
            step.t(
                "admin.container_line",
                code=c.code,
                stage=step.t(f"stage.{c.stage.value}"),
                bar=fmt.fill_bar(c.fill_pct, step.lang),
                used=fmt.cbm(c.used_l, step.lang),
                capacity=fmt.cbm(c.capacity_l, step.lang),
                orders=stats.total.orders,
            )
        )
    return [Reply("\n\n".join(blocks) or step.t("admin.no_container"))]


def cmd_stage(step: AdminStep) -> list[Reply]:
    if not step.args:
        return step.reply("admin.container_unknown", code="?")
    code = step.args[0].upper()
    with _uow(step) as uow:
        container = uow.containers.by_code(code)
        if container is None:
            return step.reply("admin.container_unknown", code=code)
        count = len(traders_of(uow, container.id))  # type: ignore[arg-type]
    if container.stage.next is None:
        return step.reply("admin.stage_last", code=code)
    text = step.t(
        "admin.stage_confirm",
        code=code,
        count=count,
        current=step.t(f"stage.{container.stage.value}"),
        next=step.t(f"stage.{container.stage.next.value}"),
    )
    confirm = Choice(f"adm:stage:{code}:{container.stage.value}", step.t("admin.confirm"))
    return [Reply(text, (confirm, Choice("adm:cancel", step.t("choice.cancel"))))]


def on_stage_confirm(step: AdminStep, code: str, seen_stage: str) -> list[Reply]:
    with _uow(step) as uow:
        container = uow.containers.by_code(code)
    if container is None or container.stage.value != seen_stage:
        return [Reply(step.t("admin.stage_stale"), edit=True)]
    try:
        moved = container_service.advance_stage(_uow(step), code, step.actor, step.desk.clock())
    except StageTransitionError:
        return [Reply(step.t("admin.stage_stale"), edit=True)]
    with _uow(step) as uow:
        told = len(traders_of(uow, moved.id))  # type: ignore[arg-type]  # queued by the use case
    text = step.t(
        "admin.stage_done",
        code=code,
        stage=step.t(f"stage.{moved.stage.value}"),
        admin=step.admin.name,
        count=told,
    )
    return [Reply(text, edit=True)]


def cmd_new_container(step: AdminStep) -> list[Reply]:
    capacity_l = step.desk.settings.capacity_l
    if step.args:
        capacity_l = litres_from_cbm(_number(step, step.args[0], "admin.help"))
    container = container_service.open_new(_uow(step), step.desk.clock(), step.actor, capacity_l)
    return step.reply(
        "admin.container_opened",
        code=container.code,
        capacity=fmt.cbm(container.capacity_l, step.lang),
    )


def cmd_pending(step: AdminStep) -> list[Reply]:
    lines, buttons = [], []
    with _uow(step) as uow:
        for proof in uow.proofs.pending()[:20]:
            order = uow.orders.get(proof.order_id)
            trader = uow.traders.get(order.trader_id)  # type: ignore[union-attr]
            lines.append(
                step.t(
                    "admin.pending_line",
                    proof=proof.id,
                    number=order.number,  # type: ignore[union-attr]
                    trader=trader.name,
                    total=fmt.gnf(order.total_gnf, step.lang),  # type: ignore[union-attr]
                    date=fmt.when(proof.submitted_at, step.lang),
                )
            )
            buttons.append(
                Choice(f"adm:card:{proof.id}", step.t("admin.show_card", proof=proof.id))
            )
    if not lines:
        return step.reply("admin.no_pending")
    return [Reply("\n".join(lines), tuple(buttons[:10]))]


def cmd_order(step: AdminStep) -> list[Reply]:
    if not step.args:
        return step.reply("admin.order_usage")
    try:
        order_id = parse_number(step.args[0])
    except InvalidInput:
        return step.reply("admin.order_usage")
    with _uow(step) as uow:
        order = uow.orders.get(order_id)
        if order is None:
            return step.reply("admin.order_unknown", number=step.args[0][:20])
        trader = uow.traders.get(order.trader_id)
        container = uow.containers.get(order.container_id)
        kept = attachment_lines(uow.proofs.attachments_for_order(order.id), step.lang)
    detail = order_detail(order, trader, container, step.lang)  # type: ignore[arg-type]
    return [Reply("\n".join([detail, *kept]))]


def cmd_stats(step: AdminStep) -> list[Reply]:
    code = step.args[0] if step.args else None
    blocks = []
    for stats in container_stats(_uow(step), code):
        c, total, lang = stats.container, stats.total, step.lang
        lines = [
            step.t(
                "admin.stats_line",
                category=step.t(f"category.{cat.value}"),
                volume=fmt.cbm(sub.volume_l, lang),
                billed=fmt.gnf(sub.billed_gnf, lang),
                margin=fmt.gnf(sub.margin_gnf, lang),
            )
            for cat, sub in sorted(stats.by_category.items())
        ]
        blocks.append(
            step.t(
                "admin.stats",
                code=c.code,
                stage=step.t(f"stage.{c.stage.value}"),
                volume=fmt.cbm(total.volume_l, lang),
                capacity=fmt.cbm(c.capacity_l, lang),
                orders=total.orders,
                billed=fmt.gnf(total.billed_gnf, lang),
                margin=fmt.gnf(total.margin_gnf, lang),
                rate=fmt.percent(total.margin_rate_pct, lang),
                lines="\n".join(lines),
            )
        )
    if not blocks:
        return step.reply("admin.container_unknown", code=code or "?")
    return [Reply("\n\n".join(blocks))]


def cmd_export(step: AdminStep) -> list[Reply]:
    count, content = orders_csv(_uow(step))
    with _uow(step) as uow:
        uow.audit.record(step.actor, "export_orders", {"count": count}, step.desk.clock())
        uow.commit()
    name = f"commandes-{step.desk.clock():%Y%m%d-%H%M}.csv"
    return [Reply(step.t("admin.export", count=count), document=(name, content))]


def cmd_cancel(step: AdminStep) -> list[Reply]:
    step.conv.go("idle")
    return step.reply("admin.cancelled")


COMMANDS: dict[str, Callable[[AdminStep], list[Reply]]] = {
    "aide": cmd_help,
    "help": cmd_help,
    "start": cmd_help,
    "taux": cmd_rate,
    "tarifs": cmd_tariffs,
    "conteneurs": cmd_containers,
    "etape": cmd_stage,
    "nouveau_conteneur": cmd_new_container,
    "attente": cmd_pending,
    "commande": cmd_order,
    "stats": cmd_stats,
    "annonce": broadcast.cmd_announce,
    "export": cmd_export,
    "annuler": cmd_cancel,
}


def on_button(step: AdminStep) -> list[Reply]:
    """Buttons are untrusted input: parsed strictly, and every id is checked on the server."""
    parts = (step.event.choice or "").split(":")
    if parts[0] != "adm" or len(parts) < 2:
        return step.reply("stale_button")
    kind, rest = parts[1], parts[2:]
    try:
        if kind == "approve" and len(rest) == 1:
            return review.approve(step, int(rest[0]))
        if kind == "reject" and len(rest) == 1:
            return review.ask_reason(step, int(rest[0]))
        if kind == "reason" and len(rest) == 2:
            return review.reason_chosen(step, int(rest[0]), rest[1])
        if kind == "card" and len(rest) == 1:
            card = proof_card(_uow(step), int(rest[0]), step.lang)
            return [card] if card else step.reply("admin.proof_unknown")
        if kind == "stage" and len(rest) == 2:
            return on_stage_confirm(step, rest[0].upper(), rest[1])
        if kind in ("audience", "announce"):
            return broadcast.on_button(step, kind, rest)
        if kind == "cancel":
            return cmd_cancel(step)
    except ValueError:  # a forged id that is not a number
        log.warning("forged admin button %r from %s", step.event.choice, step.actor)
    return step.reply("stale_button")


STATE_HANDLERS = {
    "admin_reject_text": review.reason_typed,
    "admin_announce_text": broadcast.text_typed,
}


def route(step: AdminStep) -> list[Reply]:
    try:
        if step.command == "annuler":
            return cmd_cancel(step)
        if step.event.choice:
            return on_button(step)
        if step.command is not None:
            handler = COMMANDS.get(step.command)
            return handler(step) if handler else step.reply("admin.unknown")
        state_handler = STATE_HANDLERS.get(step.conv.state)
        if state_handler is not None:
            return state_handler(step)
        return step.reply("admin.unknown")
    except InvalidInput as bad:
        if bad.reason.startswith("admin."):
            return step.reply(bad.reason, **bad.details)
        return step.reply("admin.out_of_range", value=" ".join(step.args)[:40])
    except NotFound:
        return step.reply("admin.proof_unknown")
