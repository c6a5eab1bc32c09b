"""Announcements from the admins to all traders or to one container's traders."""

from __future__ import annotations

from datetime import datetime

from bot.services.notifications import notify_many, traders_of
from domain.ports.unit_of_work import UnitOfWork

ALL = "all"


def audience(uow: UnitOfWork, target: str) -> set[int]:
    if target == ALL:
        return set(uow.traders.all_ids())
    container = uow.containers.by_code(target)
    return traders_of(uow, container.stored_id) if container else set()


def count_audience(uow: UnitOfWork, target: str) -> int:
    with uow:
        return len(audience(uow, target))


def announce(
    uow: UnitOfWork, announcement_id: str, target: str, text: str, actor: str, now: datetime
) -> int:
    """Queue the announcement for every trader of the audience, once per announcement id
    (a replayed confirmation queues nothing more). Returns the traders it reached."""
    with uow:
        traders = audience(uow, target)
        key = f"announce:{announcement_id}"
        notify_many(uow, traders, key, "notify.announcement", {"text": text}, now)
        detail = {"id": announcement_id, "audience": target, "text": text, "traders": len(traders)}
        uow.audit.record(actor, "announce", detail, now)
        uow.commit()
        return len(traders)
