"""Containers: which one takes orders, opening the next, moving stages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.services.eta import set_departure_eta
from bot.services.loading import load_orders
from bot.services.notifications import notify_many, traders_of
from bot.text.keys import STAGE
from bot.text.values import Day, Text
from domain.containers import DEFAULT_CAPACITY_L, Container, Stage, container_code
from domain.errors import DuplicateRequest, NoOpenContainer, NotFound
from domain.eta import SEA_TRANSIT_DAYS
from domain.ports.unit_of_work import UnitOfWork
from domain.terms import check_capacity


def open_container(
    uow: UnitOfWork, now: datetime, actor: str, capacity_l: int = DEFAULT_CAPACITY_L
) -> Container:
    """Open a new container in collecte (inside the caller's transaction)."""
    check_capacity(capacity_l)
    code = container_code(now.year, uow.containers.next_sequence(now.year))
    container = uow.containers.add(
        Container(code=code, capacity_l=capacity_l, opened_at=now, stage_changed_at=now)
    )
    uow.containers.record_stage(container, actor, now)
    uow.audit.record(actor, "open_container", {"code": code, "capacity_l": capacity_l}, now)
    return container


def _first_or_open(
    uow: UnitOfWork,
    pick: Callable[[list[Container]], Container | None],
    now: datetime,
    capacity_l: int,
) -> Container:
    for _ in range(3):
        found = pick(uow.containers.open_for_orders())
        if found is not None:
            return found
        try:
            return open_container(uow, now, "system", capacity_l)
        except DuplicateRequest:
            continue  # another process opened one at the same moment: read it back
    raise NoOpenContainer()


def current_container(uow: UnitOfWork, now: datetime, capacity_l: int) -> Container:
    """The oldest container still collecting; one is opened if none is, so orders never stop."""
    return _first_or_open(uow, lambda open_ones: next(iter(open_ones), None), now, capacity_l)


def next_container(uow: UnitOfWork, after: Container, now: datetime, capacity_l: int) -> Container:
    """The first collecting container after `after`, opened on demand."""
    assert after.id is not None
    after_id = after.id

    def pick(open_ones: list[Container]) -> Container | None:
        return next((c for c in open_ones if c.id is not None and c.id > after_id), None)

    return _first_or_open(uow, pick, now, capacity_l)


def open_new(uow: UnitOfWork, now: datetime, actor: str, capacity_l: int) -> Container:
    with uow:
        container = open_container(uow, now, actor, capacity_l)
        uow.commit()
        return container


def advance_stage(
    uow: UnitOfWork, code: str, actor: str, now: datetime, *, transit_days: int = SEA_TRANSIT_DAYS
) -> Container:
    with uow:
        container = uow.containers.by_code(code)
        if container is None:
            raise NotFound("container", code)
        uow.containers.advance(container, now)
        _record_stage(uow, container, actor, now, transit_days)
        uow.audit.record(actor, "advance_stage", {"code": code, "stage": container.stage}, now)
        _announce_stage(uow, container, now)
        uow.commit()
        return container


def _record_stage(
    uow: UnitOfWork, container: Container, actor: str, now: datetime, transit_days: int
) -> None:
    """The stage's history row; a container that sails gets its default arrival date, and
    its measured orders are loaded."""
    uow.containers.record_stage(container, actor, now)
    if container.stage is Stage.MER:
        set_departure_eta(uow, container, actor, now, transit_days)
        load_orders(uow, container, actor, now)


def _announce_stage(uow: UnitOfWork, container: Container, now: datetime) -> None:
    values: dict[str, object] = {"code": container.code, "stage": Text(STAGE[container.stage])}
    template = "notify.stage"
    if container.stage is Stage.MER and container.eta is not None:
        values["eta"] = Day(container.eta)
        template = "eta.notify_departed"
    traders = traders_of(uow, container.stored_id)
    notify_many(
        uow, traders, f"stage:{container.code}:{container.stage.value}", template, values, now
    )


def after_fill(
    uow: UnitOfWork, container: Container, now: datetime, *, transit_days: int = SEA_TRANSIT_DAYS
) -> None:
    """A reservation filled `container`: record its departure (and its arrival date), tell
    its traders, keep one open."""
    _record_stage(uow, container, "system", now, transit_days)
    _announce_stage(uow, container, now)
    current_container(uow, now, container.capacity_l)
