"""Traders and the chats they write from."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Table, UniqueConstraint

from domain.traders import Language
from storage.tables.schema import metadata, stored_enum
from storage.types import UtcDateTime

traders = Table(
    "traders",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(80), nullable=False),
    Column("phone", String(20), nullable=False, unique=True),
    Column("language", stored_enum(Language), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)

channel_identities = Table(
    "channel_identities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(20), nullable=False),
    Column("user_ref", String(100), nullable=False),
    Column("trader_id", ForeignKey("traders.id"), nullable=False, index=True),
    Column("linked_at", UtcDateTime, nullable=False),
    UniqueConstraint("channel", "user_ref", name="uq_channel_identities_channel_user_ref"),
)
