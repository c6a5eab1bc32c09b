"""Telegram updates kept in the inbound queue before Telegram is told they arrived (by the
bot's polling loop, or by the web process in webhook mode). No PTB here: the web process
stores raw JSON and never imports the Telegram library."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from domain.ports.messaging import JsonDict
from domain.ports.unit_of_work import UnitOfWork

TELEGRAM = "telegram"


def store_updates(
    uow_factory: Callable[[], UnitOfWork], clock: Callable[[], datetime], updates: list[JsonDict]
) -> int:
    """Keep raw updates, one row per update_id, in one transaction; returns how many were
    new (a replayed update is stored once)."""
    with uow_factory() as uow:
        new = sum(
            uow.inbound.enqueue(TELEGRAM, str(raw["update_id"]), raw, clock()) for raw in updates
        )
        uow.commit()
    return new
