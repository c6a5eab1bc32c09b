"""Arrival-date changes on both databases; the race of confirmations on real PostgreSQL."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlalchemy import func, select

from bot.services import containers as container_service
from bot.services import eta as eta_service
from domain.errors import InvalidInput
from domain.eta import EtaMoved
from storage import orm
from storage.db import make_engine, make_session_factory
from storage.uow import SqlUnitOfWork
from tests.conftest import NOW, PG_URL
from tests.integration.helpers import order, ready, trader

CODE = "TD-2026-01"
DEFAULT = date(2027, 1, 9)


def _sailed(uow) -> None:
    ready(uow, NOW)
    someone = trader(uow, NOW)
    order(uow, someone.id, NOW)
    container_service.advance_stage(uow, CODE, "admin", NOW)


def _eta_notices(uow) -> int:
    with uow:
        query = select(func.count()).where(orm.outbox.c.template == "eta.notify_moved")
        return int(uow.session.scalar(query))


def test_sailing_sets_the_default_and_a_change_is_kept_with_its_history(uow):
    _sailed(uow)
    request = eta_service.EtaRequest(CODE, date(2027, 1, 15), " congestion ", DEFAULT)
    change, told = eta_service.change_eta(uow, request, "admin", NOW)
    assert (change.old, change.new, change.reason, told) == (
        DEFAULT,
        date(2027, 1, 15),
        "congestion",
        1,
    )
    with uow:
        container = uow.containers.by_code(CODE)
        history = uow.etas.history(container.id)
    assert container.eta == date(2027, 1, 15)
    assert [(c.old, c.new, c.actor) for c in history] == [
        (None, DEFAULT, "admin"),
        (DEFAULT, date(2027, 1, 15), "admin"),
    ]
    assert _eta_notices(uow) == 1


def test_a_refused_change_leaves_no_trace(uow):
    _sailed(uow)
    request = eta_service.EtaRequest(CODE, date(2026, 11, 1), "retard", DEFAULT)
    with pytest.raises(InvalidInput):
        eta_service.change_eta(uow, request, "admin", NOW)
    with uow:
        assert uow.containers.by_code(CODE).eta == DEFAULT
        assert len(uow.etas.since(NOW)) == 1  # the default only
    assert _eta_notices(uow) == 0


@pytest.mark.postgres
def test_confirmations_racing_from_the_same_date_move_it_once(db_url):
    """Twelve admins confirm twelve different dates, all seen from the same one, at once: one
    wins, the others find it moved; one change kept, one notice queued."""
    if db_url != PG_URL:
        pytest.skip("SQLite serialises every writer: the race is proven on PostgreSQL")
    engine = make_engine(db_url)
    factory = make_session_factory(engine)
    _sailed(SqlUnitOfWork(factory))
    start = threading.Barrier(12)

    def confirm(day: int) -> str:
        request = eta_service.EtaRequest(CODE, date(2027, 2, day), "retard", DEFAULT)
        start.wait()
        try:
            eta_service.change_eta(SqlUnitOfWork(factory), request, f"admin {day}", NOW)
        except EtaMoved:
            return "moved"
        return "changed"

    with ThreadPoolExecutor(max_workers=12) as pool:
        outcomes = list(pool.map(confirm, range(1, 13)))
    assert sorted(outcomes) == ["changed"] + ["moved"] * 11
    uow = SqlUnitOfWork(factory)
    with uow:
        container = uow.containers.by_code(CODE)
        history = uow.etas.history(container.id)
    assert len(history) == 2 and history[-1].new == container.eta
    assert _eta_notices(uow) == 1
    engine.dispose()
