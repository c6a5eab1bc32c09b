"""Containers and the history of their stages."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, Date, ForeignKey, Integer, String, Table

from domain.containers import Stage
from storage.tables.schema import metadata, stored_enum
from storage.types import UtcDateTime

containers = Table(
    "containers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(20), nullable=False, unique=True),
    Column("capacity_l", Integer, nullable=False),
    Column("used_l", Integer, nullable=False),
    Column("stage", stored_enum(Stage), nullable=False, index=True),
    Column("opened_at", UtcDateTime, nullable=False),
    Column("stage_changed_at", UtcDateTime, nullable=False),
    Column("eta", Date, nullable=True),  # estimated arrival at Conakry; history in storage.eta
    # The last line of defence against overfilling, whatever the code above does.
    CheckConstraint("used_l >= 0 AND used_l <= capacity_l", name="fill_within_capacity"),
    CheckConstraint("capacity_l > 0", name="positive_capacity"),
)

container_stages = Table(
    "container_stages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("container_id", ForeignKey("containers.id"), nullable=False, index=True),
    Column("stage", stored_enum(Stage), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("actor", String(100), nullable=False),
)
