"""Admin commands for containers: the list with fill, moving one to its next stage, and
opening a new one. Changes are previewed and confirmed."""

from __future__ import annotations

from typing import Any

from bot.admin import confirm
from bot.admin.eta import eta_line
from bot.admin.step import AdminStep
from bot.engine.events import Reply
from bot.services import containers as container_service
from bot.services.notifications import traders_of
from bot.services.stats import container_stats
from bot.text.keys import STAGE
from bot.text.parsing import parse_amount
from bot.text.values import Fill, Volume
from domain.errors import InvalidInput, StageTransitionError
from domain.quantities import litres_from_cbm
from domain.terms import check_capacity

MAX_CODE = 20


def cmd_containers(step: AdminStep) -> list[Reply]:
    blocks = []
    for stats in container_stats(step.desk.uow_factory()):
        c = stats.container
        blocks.append(
            step.t(
                "admin.container_line",
                code=c.code,
                stage=step.t(STAGE[c.stage]),
                bar=Fill(c.fill_pct),
                used=Volume(c.used_l),
                capacity=Volume(c.capacity_l),
                orders=stats.total.orders,
            )
            + eta_line(step, c)
        )
    return [Reply("\n\n".join(blocks) or step.t("admin.no_container"))]


def cmd_stage(step: AdminStep) -> list[Reply]:
    if len(step.args) != 1 or len(step.args[0]) > MAX_CODE:
        return step.usage("etape")
    code = step.args[0].upper()
    with step.desk.uow_factory() as uow:
        container = uow.containers.by_code(code)
        count = len(traders_of(uow, container.id)) if container and container.id else 0
    if container is None:
        return step.reply("admin.container_unknown", code=code)
    if container.stage.next is None:
        return step.reply("admin.stage_last", code=code)
    preview = step.t(
        "admin.stage_confirm",
        code=code,
        count=count,
        current=step.t(STAGE[container.stage]),
        next=step.t(STAGE[container.stage.next]),
    )
    params = {"code": code, "seen": container.stage.value}
    return confirm.ask(step, "stage", params, preview)


@confirm.action("stage")
def _advance(step: AdminStep, params: dict[str, Any]) -> list[Reply]:
    """Moves only from the stage the admin saw: two admins confirming at once move it once."""
    code = params["code"]
    with step.desk.uow_factory() as uow:
        container = uow.containers.by_code(code)
    if container is None or container.stage.value != params["seen"]:
        return step.reply("admin.stage_stale")
    try:
        moved = container_service.advance_stage(
            step.desk.uow_factory(), code, step.actor, step.desk.clock(),
            transit_days=step.desk.settings.sea_transit_days,
        )  # fmt: skip
    except StageTransitionError:
        return step.reply("admin.stage_stale")
    with step.desk.uow_factory() as uow:
        told = len(traders_of(uow, moved.id)) if moved.id else 0  # queued by the use case
    stage = step.t(STAGE[moved.stage])
    return step.reply("admin.stage_done", code=code, stage=stage, admin=step.admin.name, count=told)


def cmd_new_container(step: AdminStep) -> list[Reply]:
    capacity_l = step.desk.settings.capacity_l
    if len(step.args) > 1:
        return step.usage("nouveau_conteneur")
    if step.args:
        try:
            capacity_l = litres_from_cbm(parse_amount(step.args[0]))
        except (InvalidInput, ValueError):
            return step.usage("nouveau_conteneur")
    check_capacity(capacity_l)
    preview = step.t("admin.container_preview", capacity=Volume(capacity_l))
    return confirm.ask(step, "new_container", {"capacity_l": capacity_l}, preview)


@confirm.action("new_container")
def _open(step: AdminStep, params: dict[str, Any]) -> list[Reply]:
    container = container_service.open_new(
        step.desk.uow_factory(), step.desk.clock(), step.actor, int(params["capacity_l"])
    )
    capacity = Volume(container.capacity_l)
    return step.reply("admin.container_opened", code=container.code, capacity=capacity)
