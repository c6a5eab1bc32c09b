"""The supplier directory."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Column, Integer, LargeBinary, String, Table

from domain.suppliers import SupplierCategory
from storage.tables.schema import metadata, stored_enum
from storage.types import UtcDateTime

# Issue 15 — the supplier directory: one supplier per name and city (name_key).
suppliers = Table(
    "suppliers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(80), nullable=False),
    Column("city", String(40), nullable=False),
    Column("category", stored_enum(SupplierCategory), nullable=False, index=True),
    Column("phone", String(20), nullable=True),
    Column("wechat", String(20), nullable=True),
    Column("note", String(200), nullable=False),
    Column("recommended", Boolean, nullable=False),
    Column("photo", LargeBinary, nullable=True),
    Column("name_key", String(130), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
    CheckConstraint("phone IS NOT NULL OR wechat IS NOT NULL", name="has_contact"),
)
