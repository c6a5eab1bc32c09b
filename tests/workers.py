"""pytest-xdist runs the suite in several processes (scripts/test passes -n): each worker gets
a PostgreSQL database and a Redis database number of its own on the servers scripts/test
started, so that no worker truncates or flushes another's data. Without xdist the URLs are
used as given."""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import create_engine, text

from storage.db import normalise_url

REDIS_DATABASES = 16  # redis-server's default


def worker() -> tuple[int, int]:
    """(this worker's number, how many workers): (0, 1) without xdist."""
    name = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return int(name.removeprefix("gw")), int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))


def _with_path(url: str, path: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=path))


def pg_url(server_url: str | None) -> str | None:
    """The worker's database: tontine_test_gw1 beside tontine_test."""
    number, count = worker()
    if server_url is None or count == 1:
        return server_url
    return _with_path(server_url, f"{urlsplit(server_url).path}_gw{number}")


def redis_url(server_url: str | None) -> str | None:
    """The worker's Redis database: its number."""
    number, count = worker()
    if server_url is None or count == 1:
        return server_url
    assert count < REDIS_DATABASES, f"{count} workers for {REDIS_DATABASES} Redis databases"
    return _with_path(server_url, f"/{number}")


def spare_redis_databases() -> list[int]:
    """Numbers for tests that take a Redis database each (the fault suite): those above the
    workers' own, dealt out among the workers."""
    number, count = worker()
    return [db for db in range(count, REDIS_DATABASES) if db % count == number]


def create_database(server_url: str, url: str) -> None:
    """Creates the database of `url` on the server of `server_url` unless it exists."""
    name = urlsplit(url).path.lstrip("/")
    admin = create_engine(normalise_url(server_url), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            query = text("SELECT 1 FROM pg_database WHERE datname = :name")
            if not connection.execute(query, {"name": name}).scalar():
                connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()


def drop_database(server_url: str, url: str) -> None:
    """Drops the database of `url` on the server of `server_url` if it exists."""
    name = urlsplit(url).path.lstrip("/")
    admin = create_engine(normalise_url(server_url), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
