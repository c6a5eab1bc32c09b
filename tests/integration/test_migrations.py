"""The migrations build exactly the tables the code declares, and go down and up again, on
SQLite and on PostgreSQL (a fresh database of its own, so the worker's is left alone)."""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from storage import eta as _eta_tables  # noqa: F401 (its table joins the metadata)
from storage.db import make_engine
from storage.migrate import config_for, upgrade
from storage.orm import metadata
from tests import workers


def _fresh_database(kind: str, tmp_path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'migrations.db'}"
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        pytest.skip("TEST_DATABASE_URL not set: run the suite with scripts/test")
    parts = urlsplit(workers.pg_url(server) or server)
    url = urlunsplit(parts._replace(path=f"{parts.path}_migrations"))
    workers.drop_database(server, url)
    workers.create_database(server, url)
    return url


def _differences(url: str) -> list:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return compare_metadata(context, metadata)
    finally:
        engine.dispose()


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_the_migrations_build_the_declared_tables_and_go_down_and_up(kind, tmp_path):
    url = _fresh_database(kind, tmp_path)
    upgrade(url)
    assert _differences(url) == []
    assert _tables(url) == set(metadata.tables)

    command.downgrade(config_for(url), "base")
    assert _tables(url) == set()
    upgrade(url)
    assert _differences(url) == []
