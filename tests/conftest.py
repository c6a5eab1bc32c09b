"""Shared fixtures: databases (SQLite always, PostgreSQL when scripts/test started one),
Redis (fakeredis always, a real server when started), and a unit of work on them."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from storage import orm
from storage.db import make_engine, make_session_factory
from storage.kv import make_redis
from storage.migrate import upgrade
from storage.uow import SqlUnitOfWork
from tests import workers

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
# This test process's own database and Redis database (tests/workers.py).
PG_URL = workers.pg_url(os.environ.get("TEST_DATABASE_URL"))
REDIS_URL = workers.redis_url(os.environ.get("TEST_REDIS_URL"))

requires_pg = pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL not set (scripts/test)")


def pytest_sessionstart(session: pytest.Session) -> None:
    server_url = os.environ.get("TEST_DATABASE_URL")
    if server_url and PG_URL and server_url != PG_URL:
        workers.create_database(server_url, PG_URL)


@functools.cache
def _migrated_template() -> Path:
    """One SQLite file migrated to head by the real migrations, once per test process."""
    folder = Path(tempfile.mkdtemp(prefix="tontine-template."))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "template.db"
    upgrade(f"sqlite:///{path}")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
    connection.close()
    return path


def migrated_sqlite(path: Path) -> str:
    """The URL of a fresh SQLite database at `path`, migrated to head: a copy of the template
    (migrating costs a few tenths of a second, copying a few milliseconds)."""
    shutil.copyfile(_migrated_template(), path)
    return f"sqlite:///{path}"


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
        yield migrated_sqlite(tmp_path / "test.db")
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
