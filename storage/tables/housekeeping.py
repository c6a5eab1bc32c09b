"""The audit log."""

from __future__ import annotations

from sqlalchemy import Column, Integer, String, Table, Text

from storage.tables.schema import metadata
from storage.types import UtcDateTime

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UtcDateTime, nullable=False, index=True),
    Column("actor", String(100), nullable=False),
    Column("action", String(50), nullable=False),
    Column("detail", Text, nullable=False),
)
