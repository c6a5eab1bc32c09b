"""Alembic environment: the URL comes from the caller or from DATABASE_URL (and .env)."""

from __future__ import annotations

import os

from alembic import context
from dotenv import load_dotenv

from storage import eta as _eta_tables  # noqa: F401 (its table joins the metadata)
from storage.db import make_engine
from storage.orm import metadata

DEFAULT_URL = "sqlite:///tontine.db"


def _url() -> str:
    given = context.config.attributes.get("url")
    if given:
        return given
    load_dotenv()
    return os.environ.get("DATABASE_URL") or DEFAULT_URL


def run_migrations_online() -> None:
    engine = make_engine(_url())
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
