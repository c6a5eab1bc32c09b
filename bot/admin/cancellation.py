"""`/annuler_conteneur TD-2026-01 raison`: cancel a container still collecting.

The preview lists who is affected and what each gets back on their balance; *Confirmer*
cancels. A second press, a second admin, or a retry finds the container cancelled already
and changes nothing (bot.services.cancellation).
"""

from __future__ import annotations

from typing import Any

from bot.admin import confirm
from bot.admin.step import AdminStep
from bot.engine.events import Reply
from bot.services import cancellation as service
from bot.text.values import Money
from domain.errors import ContainerCancelled, ContainerClosed, InvalidInput, NotFound
from domain.phones import mask_phone

MAX_CODE = 20
SHOWN_TRADERS = 30


def _refused(step: AdminStep, code: str, error: Exception) -> list[Reply]:
    """One line for each reason a container may not be cancelled; nothing is changed."""
    if isinstance(error, NotFound):
        return step.reply("admin.container_unknown", code=code)
    if isinstance(error, ContainerCancelled):
        return step.reply("admin.cancel_already", code=code)
    if isinstance(error, ContainerClosed):
        return step.reply("admin.cancel_not_collecting", code=code)
    assert isinstance(error, InvalidInput)
    return step.reply("admin.cancel_proof_pending", number=error.details.get("number", ""))


def cmd_cancel_container(step: AdminStep) -> list[Reply]:
    if len(step.args) < 2 or len(step.args[0]) > MAX_CODE:
        return step.usage("annuler_conteneur")
    code = step.args[0].upper()
    try:
        reason = service.clean_reason(" ".join(step.args[1:]))
    except InvalidInput:
        return step.usage("annuler_conteneur")
    try:
        seen = service.preview(step.desk.uow_factory(), code)
    except (NotFound, ContainerClosed, InvalidInput) as refused:
        return _refused(step, code, refused)
    lines = [
        step.t(
            "admin.cancel_trader_line",
            name=a.name,
            phone=mask_phone(a.phone),
            orders=", ".join(a.orders),
            credit=Money(a.credit_gnf),
        )
        for a in seen.affected[:SHOWN_TRADERS]
    ]
    preview = step.t(
        "admin.cancel_preview",
        code=code,
        reason=reason,
        traders=len(seen.affected),
        orders=sum(len(a.orders) for a in seen.affected),
        total=Money(seen.credited_gnf),
        lines="\n".join(lines) or step.t("admin.cancel_no_orders"),
    )
    return confirm.ask(step, "cancel_container", {"code": code, "reason": reason}, preview)


@confirm.action("cancel_container")
def _cancel(step: AdminStep, params: dict[str, Any]) -> list[Reply]:
    code = params["code"]
    try:
        done = service.cancel_container(
            step.desk.uow_factory(), code, params["reason"], step.actor, step.desk.clock(),
            step.desk.settings.capacity_l,
        )  # fmt: skip
    except (NotFound, ContainerClosed, InvalidInput) as refused:
        return _refused(step, code, refused)
    text = step.t(
        "admin.cancel_done",
        code=code,
        traders=len(done.affected),
        total=Money(done.credited_gnf),
        admin=step.admin.name,
    )
    if done.opened:
        text += "\n" + step.t("admin.cancel_opened", code=done.opened)
    return [Reply(text)]
