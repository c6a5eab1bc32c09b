"""Engines and sessions, from a DATABASE_URL as hosting providers write it."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from storage.orm import start_mappers


def normalise_url(url: str) -> str:
    """Hosts hand out postgres:// or postgresql://; our driver is psycopg2.

    SQLAlchemy 2.1 maps a bare postgresql:// to psycopg 3, which we do not ship.
    """
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg2://" + url[len(prefix) :]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


# A pooled connection idle longer than this is checked (one SELECT 1) before use; a busy
# one is not (issue 12: a pre-ping per checkout was 3 of 14 round trips of a message). The
# pool hands out the connection used last (LIFO), so under traffic the same few stay hot and
# are never pinged. Measured necessary: without a check, the first webhook after a database
# restart met a dead connection and was lost (tests/faults/test_outages.py), so a connection
# idle for a second or more is checked; it is a database restart quicker than that, under a
# process busy meanwhile, that a statement can still meet (then the pool is invalidated).
PING_AFTER_IDLE_S = 1.0
RECYCLE_S = 1800  # no connection older than this (idle timeouts of proxies and hosts)


def _ping_if_idle(engine: Engine) -> None:
    def checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_S:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            raise exc.DisconnectionError() from error  # the pool replaces the connection

    event.listen(engine, "checkin", checkin)
    event.listen(engine, "checkout", checkout)


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_engine(
        url, pool_size=10, max_overflow=20, pool_recycle=RECYCLE_S, pool_use_lifo=True
    )
    _ping_if_idle(engine)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    start_mappers()
    return sessionmaker(bind=engine, expire_on_commit=False)


def ping(engine: Engine) -> None:
    """One round trip to the database; raises when it cannot be reached."""
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def upsert_for(session: Session) -> Any:
    """The INSERT that knows ON CONFLICT for this session's database (PostgreSQL or SQLite)."""
    dialect = session.get_bind().dialect.name
    return postgresql_insert if dialect == "postgresql" else sqlite_insert
