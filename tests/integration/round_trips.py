"""Counting what one inbound message costs: SQL statements, transactions, pre-ping checks
and Redis round trips (issue 12, target P3). Counts, never times.

SQLAlchemy's own events count statements (`before_cursor_execute`, which SAVEPOINT and
RELEASE go through too) and transactions (`begin`); a pre-ping bypasses the events, so the
dialect's `do_ping` is wrapped. A Redis round trip is one `send_packed_command` on a real
connection: a pipeline or a Lua call is one, whatever it runs inside.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields

from redis.connection import AbstractConnection
from sqlalchemy import event
from sqlalchemy.dialects.postgresql.psycopg2 import PGDialect_psycopg2
from sqlalchemy.engine import Engine


@dataclass
class Counts:
    statements: int = 0
    transactions: int = 0
    pings: int = 0
    redis: int = 0
    sql: list[str] = field(default_factory=list, repr=False, compare=False)

    def __sub__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) - getattr(other, f.name) for f in fields(self)[:4]))

    def __str__(self) -> str:
        return (
            f"{self.statements} statements, {self.transactions} transactions, "
            f"{self.pings} pre-pings, {self.redis} Redis round trips"
        )


@contextmanager
def counting() -> Iterator[Counts]:
    """Everything every engine and Redis connection of this process does meanwhile."""
    counts = Counts()

    def statement(_conn: object, _cursor: object, sql: str, *_args: object) -> None:
        counts.statements += 1
        counts.sql.append(" ".join(sql.split())[:120])

    def begin(*_args: object) -> None:
        counts.transactions += 1

    ping, send = PGDialect_psycopg2.do_ping, AbstractConnection.send_packed_command

    def counted_ping(self, dbapi_connection):  # type: ignore[no-untyped-def]
        counts.pings += 1
        return ping(self, dbapi_connection)

    def counted_send(self, command, check_health=True):  # type: ignore[no-untyped-def]
        counts.redis += 1
        return send(self, command, check_health)

    event.listen(Engine, "before_cursor_execute", statement)
    event.listen(Engine, "begin", begin)
    PGDialect_psycopg2.do_ping = counted_ping  # type: ignore[method-assign]
    AbstractConnection.send_packed_command = counted_send  # type: ignore[method-assign]
    try:
        yield counts
    finally:
        event.remove(Engine, "before_cursor_execute", statement)
        event.remove(Engine, "begin", begin)
        PGDialect_psycopg2.do_ping = ping  # type: ignore[method-assign]
        AbstractConnection.send_packed_command = send  # type: ignore[method-assign]
