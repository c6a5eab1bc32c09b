"""The desk's own commands: /aide, /langue, /annuler."""

from __future__ import annotations

from bot.admin.step import AdminStep
from bot.engine.events import Reply


def cmd_help(step: AdminStep) -> list[Reply]:
    return [Reply("\n".join([step.t("admin.help"), step.t("admin.help_issue15")]))]


def cmd_language(step: AdminStep) -> list[Reply]:
    wanted = step.args[0].lower() if len(step.args) == 1 else ""
    if wanted not in ("fr", "en"):
        return step.usage("langue")
    step.admin.lang = wanted
    step.saved.append(step.admin)
    return step.reply("admin.language_set")


def cmd_cancel(step: AdminStep) -> list[Reply]:
    step.conv.go("idle")
    return step.reply("admin.cancelled")
