"""The pool's liveness check (issue 12): no pre-ping on a busy connection, a check on one
that sat idle, so a connection the server dropped meanwhile is replaced, not an error."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from storage import db
from tests.integration.round_trips import counting

pytestmark = pytest.mark.postgres


def _pid(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(text("SELECT pg_backend_pid()")).scalar_one()


def test_a_busy_connection_is_not_pinged(pg_engine, monkeypatch):
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 60.0)  # busy: used again within that time
    engine = db.make_engine(str(pg_engine.url.render_as_string(hide_password=False)))
    _pid(engine)
    with counting() as counts:
        for _ in range(5):
            _pid(engine)
    assert counts.pings == 0 and counts.statements == 5
    engine.dispose()


def test_an_idle_connection_dropped_by_the_server_is_replaced(pg_engine, monkeypatch):
    engine = db.make_engine(str(pg_engine.url.render_as_string(hide_password=False)))
    first = _pid(engine)
    with pg_engine.connect() as admin:
        admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first})
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 0.0)  # as if it sat idle for long
    with counting() as counts:
        assert _pid(engine) != first  # no error: the dead connection was replaced
    assert counts.pings == 1
    engine.dispose()
