"""Run the Alembic migrations from code (same as `alembic upgrade head`)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

ROOT = Path(__file__).resolve().parent.parent


def upgrade(url: str) -> None:
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "storage" / "migrations"))
    config.attributes["url"] = url
    command.upgrade(config, "head")
