"""Estimated arrival dates (ETA): the default a container gets when it sails, an admin's
change, and the notice each trader of the container gets once per change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.services.notifications import notify_many, traders_of
from bot.text.values import Day
from domain.containers import Container
from domain.errors import NotFound
from domain.eta import (
    DEPARTURE_REASON,
    SEA_TRANSIT_DAYS,
    EtaChange,
    EtaMoved,
    check_change,
    default_eta,
)
from domain.ports.unit_of_work import UnitOfWork

MOVES_WINDOW = timedelta(hours=24)


def set_departure_eta(
    uow: UnitOfWork, container: Container, actor: str, now: datetime,
    transit_days: int = SEA_TRANSIT_DAYS,
) -> None:  # fmt: skip
    """Inside the caller's transaction: a container that sails without an ETA gets the
    default one (sailing day + transit days); an ETA an admin already set is kept."""
    if container.eta is not None:
        return
    assert container.id is not None
    new = default_eta(now, transit_days)
    change = EtaChange(container.id, None, new, DEPARTURE_REASON, actor, now)
    uow.etas.change(container, None, change)


@dataclass(frozen=True)
class EtaRequest:
    code: str
    new: date
    reason: str
    seen: date | None  # the ETA the admin saw in the preview


def change_eta(
    uow: UnitOfWork, request: EtaRequest, actor: str, now: datetime
) -> tuple[EtaChange, int]:
    """Move a container's ETA, keep the change, and tell its traders, in one transaction;
    returns the change and how many traders are told. EtaMoved when it is no longer the
    date the admin saw: a double confirmation moves it (and tells the traders) once."""
    with uow:
        container = uow.containers.by_code(request.code)
        if container is None or container.id is None:
            raise NotFound("container", request.code)
        if container.eta != request.seen:
            raise EtaMoved(request.code)
        check_change(container.stage, container.eta, request.new, request.reason, now)
        reason = request.reason.strip()
        change = EtaChange(container.id, request.seen, request.new, reason, actor, now)
        if not uow.etas.change(container, request.seen, change):
            raise EtaMoved(request.code)
        detail = {"code": container.code, "old": request.seen, "new": request.new,
                  "reason": change.reason}  # fmt: skip
        uow.audit.record(actor, "change_eta", detail, now)
        told = tell_traders(uow, container, change, now)
        uow.commit()
        return change, told


def tell_traders(uow: UnitOfWork, container: Container, change: EtaChange, now: datetime) -> int:
    """One notice per change and chat (the key names the change, so it is queued once);
    returns how many traders have goods in the container."""
    values = {"code": container.code, "new": Day(change.new), "reason": change.reason}
    template = "eta.notify_set"
    if change.old is not None:
        values["old"] = Day(change.old)
        template = "eta.notify_moved"
    traders = traders_of(uow, container.stored_id)
    notify_many(uow, traders, f"eta:{container.code}:{change.id}", template, values, now)
    return len(traders)


def moves_since(uow: UnitOfWork, now: datetime) -> list[tuple[Container, date, EtaChange]]:
    """Containers whose ETA moved in the last 24 hours: (container, the date before the
    first move, the last move)."""
    moves: dict[int, list[EtaChange]] = {}
    for change in uow.etas.since(now - MOVES_WINDOW):
        if change.is_move:
            moves.setdefault(change.container_id, []).append(change)
    found = []
    for container_id, changes in sorted(moves.items()):
        container, before = uow.containers.get(container_id), changes[0].old
        if container is not None and before is not None:  # a move always has a date before
            found.append((container, before, changes[-1]))
    return found
