"""Shared fixtures: databases (SQLite always, PostgreSQL when scripts/test started one),
Redis (fakeredis always, a real server when started), and a unit of work on them."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text

from storage import orm
from storage.db import make_engine, make_session_factory
from storage.kv import make_redis
from storage.migrate import upgrade
from storage.uow import SqlUnitOfWork

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
PG_URL = os.environ.get("TEST_DATABASE_URL")
REDIS_URL = os.environ.get("TEST_REDIS_URL")

requires_pg = pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL not set (scripts/test)")


@pytest.fixture(scope="session")
def pg_engine() -> Iterator[Engine]:
    if not PG_URL:
        pytest.skip("TEST_DATABASE_URL not set: run the suite with scripts/test")
    upgrade(PG_URL)
    engine = make_engine(PG_URL)
    yield engine
    engine.dispose()


def _truncate(engine: Engine) -> None:
    names = ", ".join(table.name for table in orm.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> Iterator[str]:
    """A migrated, empty database of each kind."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        upgrade(url)
        yield url
    else:
        engine = request.getfixturevalue("pg_engine")
        _truncate(engine)
        yield PG_URL  # type: ignore[misc]


@pytest.fixture
def session_factory(db_url):
    engine = make_engine(db_url)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture
def uow(session_factory) -> SqlUnitOfWork:
    return SqlUnitOfWork(session_factory)


@pytest.fixture(params=["fakeredis", "redis"])
def redis_client(request):
    """A clean Redis of each kind; the real one only when scripts/test started it."""
    if request.param == "fakeredis":
        client = make_redis(None)
    else:
        if not REDIS_URL:
            pytest.skip("TEST_REDIS_URL not set: run the suite with scripts/test")
        client = make_redis(REDIS_URL)
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture
def unique() -> str:
    return uuid.uuid4().hex[:10]
