"""Admin /eta: move a container's estimated arrival at Conakry, with a reason. Previewed with
Confirmer / Annuler; confirmed, it tells every trader of the container once."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.admin import confirm
from bot.admin.step import AdminStep
from bot.engine.events import Reply
from bot.services import eta as eta_service
from bot.services.notifications import traders_of
from bot.text import formatting as fmt
from bot.text.keys import INVALID
from bot.text.values import Day
from domain.containers import Container
from domain.errors import InvalidInput
from domain.eta import EtaMoved, check_change, parse_day, visible_eta

MAX_CODE = 20


def cmd_eta(step: AdminStep) -> list[Reply]:
    """/eta TD-2026-01 15/01/2027 congestion au port"""
    if len(step.args) < 2 or len(step.args[0]) > MAX_CODE:
        return step.usage("eta")
    code, reason = step.args[0].upper(), " ".join(step.args[2:])
    with step.desk.uow_factory() as uow:
        container = uow.containers.by_code(code)
        count = len(traders_of(uow, container.id)) if container and container.id else 0
    if container is None:
        return step.reply("eta.container_unknown", code=code, usage=_usage(step))
    new = parse_day(step.args[1])  # refusals are InvalidInput: one line and the usage
    check_change(container.stage, container.eta, new, reason, step.desk.clock())
    preview = step.t(
        "eta.preview",
        code=code,
        old=_day(step, container.eta),
        new=Day(new),
        reason=reason.strip(),
        count=count,
    )
    seen = container.eta.isoformat() if container.eta else None
    params = {"code": code, "seen": seen, "new": new.isoformat(), "reason": reason.strip()}
    return confirm.ask(step, "eta", params, preview)


@confirm.action("eta")
def _change(step: AdminStep, params: dict[str, Any]) -> list[Reply]:
    """Moves only from the date the admin saw: a second confirmation finds it moved."""
    seen = date.fromisoformat(params["seen"]) if params.get("seen") else None
    new = date.fromisoformat(params["new"])
    request = eta_service.EtaRequest(params["code"], new, params["reason"], seen)
    try:
        change, told = eta_service.change_eta(
            step.desk.uow_factory(), request, step.actor, step.desk.clock()
        )
    except EtaMoved:
        return step.reply("eta.stale")
    except InvalidInput as refused:  # e.g. the day went by between preview and confirmation
        return step.reply(INVALID[refused.reason], usage=_usage(step))
    day = Day(change.new)
    return step.reply("eta.done", code=request.code, new=day, admin=step.admin.name, count=told)


def eta_line(step: AdminStep, container: Container) -> str:
    """The line /conteneurs adds under a container that has an arrival date."""
    shown = visible_eta(container.stage, container.eta)
    return "" if shown is None else "\n" + step.t("eta.admin_line", eta=Day(shown))


def _day(step: AdminStep, value: date | None) -> str:
    return fmt.day(value, step.lang) if value else step.t("eta.none")


def _usage(step: AdminStep) -> str:
    return step.t("admin.usage", usage=step.t("admin.usage.eta"))
