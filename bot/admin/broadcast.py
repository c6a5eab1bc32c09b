"""Telling traders: stage changes, and announcements confirmed with their recipient count."""

from __future__ import annotations

from bot.admin.desk import AdminStep
from bot.engine.events import Choice, Reply
from bot.messages import t
from domain.containers import Container
from domain.ports import UnitOfWork

MAX_ANNOUNCEMENT = 1000


def traders_of(uow: UnitOfWork, container_id: int) -> set[int]:
    """Traders with goods in a container: orders reserved, waiting for checks, or paid."""
    return {o.trader_id for o in uow.orders.for_container(container_id) if o.holds_volume}


def _send(step: AdminStep, trader_ids: set[int], key: str, **values: object) -> int:
    notifier = step.desk.notifier
    return sum(
        1
        for trader_id in sorted(trader_ids)
        if notifier.to_trader(
            trader_id, lambda lang: Reply(t(key, lang, **_localised(values, lang)))
        )
    )


def _localised(values: dict[str, object], lang: str) -> dict[str, object]:
    return {k: (v(lang) if callable(v) else v) for k, v in values.items()}


def stage_changed(step: AdminStep, container: Container) -> int:
    with step.desk.uow_factory() as uow:
        traders = traders_of(uow, container.id)  # type: ignore[arg-type]
    stage = container.stage.value
    return _send(
        step,
        traders,
        "notify.stage",
        code=container.code,
        stage=lambda lang: t(f"stage.{stage}", lang),
    )


def cmd_announce(step: AdminStep) -> list[Reply]:
    if step.args:
        return _ask_audience(step, " ".join(step.args))
    step.conv.go("admin_announce_text")
    return step.reply("admin.announce_prompt")


def text_typed(step: AdminStep) -> list[Reply]:
    text = step.event.text.strip()
    if not text:
        return step.reply("admin.announce_prompt")
    return _ask_audience(step, text)


def _ask_audience(step: AdminStep, text: str) -> list[Reply]:
    step.conv.go("admin_announce_audience", text=text[:MAX_ANNOUNCEMENT])
    with step.desk.uow_factory() as uow:
        codes = [c.code for c in uow.containers.list_all() if traders_of(uow, c.id)][-8:]  # type: ignore[arg-type]
    choices = [Choice("adm:audience:all", step.t("admin.audience_all"))]
    choices += [
        Choice(f"adm:audience:{code}", step.t("admin.audience_container", code=code))
        for code in codes
    ]
    return [Reply(step.t("admin.announce_audience"), (*choices, _cancel(step)))]


def _cancel(step: AdminStep) -> Choice:
    return Choice("adm:cancel", step.t("choice.cancel"))


def _audience(step: AdminStep, audience: str) -> set[int]:
    with step.desk.uow_factory() as uow:
        if audience == "all":
            return set(uow.traders.all_ids())
        container = uow.containers.by_code(audience)
        return traders_of(uow, container.id) if container else set()  # type: ignore[arg-type]


def on_button(step: AdminStep, kind: str, rest: list[str]) -> list[Reply]:
    text = step.conv.data.get("text")
    if (
        kind == "audience"
        and len(rest) == 1
        and text
        and step.conv.state == "admin_announce_audience"
    ):
        count = len(_audience(step, rest[0]))
        if not count:
            step.conv.go("idle")
            return [Reply(step.t("admin.announce_empty"), edit=True)]
        step.conv.go("admin_announce_confirm", text=text, audience=rest[0])
        confirm = Choice("adm:announce:send", step.t("admin.confirm"))
        return [
            Reply(
                step.t("admin.announce_confirm", count=count, text=text),
                (confirm, _cancel(step)),
                edit=True,
            )
        ]
    if kind == "announce" and rest == ["send"] and step.conv.state == "admin_announce_confirm":
        audience = step.conv.data["audience"]
        step.conv.go("idle")
        sent = _send(step, _audience(step, audience), "notify.announcement", text=text)
        with step.desk.uow_factory() as uow:
            detail = {"audience": audience, "text": text, "sent": sent}
            uow.audit.record(step.actor, "announce", detail, step.desk.clock())
            uow.commit()
        return [Reply(step.t("admin.announce_sent", count=sent), edit=True)]
    return step.reply("stale_button")
