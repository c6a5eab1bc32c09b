"""Announcements, confirmed with their recipient count, queued through the outbox."""

from __future__ import annotations

import uuid

from bot.admin.step import AdminStep
from bot.engine.events import Choice, Reply
from bot.services import announcements
from bot.services.notifications import traders_of

MAX_ANNOUNCEMENT = 1000


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
        codes = [c.code for c in uow.containers.list_all() if traders_of(uow, c.stored_id)][-8:]
    choices = [Choice("adm:audience:all", step.t("admin.audience_all"))]
    choices += [
        Choice(f"adm:audience:{code}", step.t("admin.audience_container", code=code))
        for code in codes
    ]
    return [Reply(step.t("admin.announce_audience"), (*choices, _cancel(step)))]


def _cancel(step: AdminStep) -> Choice:
    return Choice("adm:cancel", step.t("choice.cancel"))


def on_button(step: AdminStep, kind: str, rest: list[str]) -> list[Reply]:
    text, state = step.conv.data.get("text"), step.conv.state
    if kind == "audience" and len(rest) == 1 and text and state == "admin_announce_audience":
        count = announcements.count_audience(step.desk.uow_factory(), rest[0])
        if not count:
            step.conv.go("idle")
            return [Reply(step.t("admin.announce_empty"), edit=True)]
        # The id travels with the confirmation: a replayed confirmation queues nothing more.
        step.conv.go("admin_announce_confirm", text=text, audience=rest[0], id=uuid.uuid4().hex)
        confirm = Choice("adm:announce:send", step.t("admin.confirm"))
        text_shown = step.t("admin.announce_confirm", count=count, text=text)
        return [Reply(text_shown, (confirm, _cancel(step)), edit=True)]
    if kind == "announce" and rest == ["send"] and state == "admin_announce_confirm":
        data = step.conv.data
        step.conv.go("idle")
        sent = announcements.announce(
            step.desk.uow_factory(),
            data["id"],
            data["audience"],
            data["text"],
            step.actor,
            step.desk.clock(),
        )
        return [Reply(step.t("admin.announce_sent", count=sent), edit=True)]
    return step.reply("stale_button")
