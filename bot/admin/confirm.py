"""Confirmation before any admin action that changes money or stages.

The command shows a preview with *Confirmer* / *Annuler*; the action and its parameters wait
in the admin's own conversation under a fresh token, so a button pressed by another admin,
replayed, or forged finds nothing to confirm. An action may ask to be confirmed twice (a
large swing of the exchange rate).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from bot.admin.step import AdminStep
from bot.engine.events import Choice, Reply

Action = Callable[[AdminStep, dict[str, Any]], list[Reply]]
ACTIONS: dict[str, Action] = {}


def action(name: str) -> Callable[[Action], Action]:
    """Register what a confirmation of `name` runs."""

    def register(run: Action) -> Action:
        ACTIONS[name] = run
        return run

    return register


def ask(
    step: AdminStep, name: str, params: dict[str, Any], preview: str, *, twice: bool = False
) -> list[Reply]:
    """The preview with its buttons; `twice` asks once more before acting."""
    token = secrets.token_hex(6)
    step.conv.go(
        "admin_confirm", action=name, params=params, token=token, twice=twice, preview=preview
    )
    buttons = (Choice(f"adm:ok:{token}", step.t("admin.confirm")), step.cancel_choice())
    return [Reply(preview, buttons)]


def confirmed(step: AdminStep, token: str) -> list[Reply]:
    data = step.conv.data
    if step.conv.state != "admin_confirm" or data.get("token") != token:
        return [Reply(step.t("stale_button"))]
    name, params = data["action"], data["params"]
    if data.get("twice"):
        preview = step.t("admin.confirm_again", preview=data.get("preview", ""))
        return ask(step, name, params, preview, twice=False)
    step.conv.go("idle")
    return ACTIONS[name](step, params)
