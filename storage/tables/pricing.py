"""The terms of a quote: rates, commissions and tariffs, each change a new row."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, String, Table

from domain.pricing import Category
from storage.tables.schema import metadata, stored_enum
from storage.types import DecimalText, UtcDateTime

exchange_rates = Table(
    "exchange_rates",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("rate", DecimalText, nullable=False),
    Column("set_at", UtcDateTime, nullable=False),
    Column("set_by", String(100), nullable=False),
)

commission_rates = Table(
    "commission_rates",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("pct", DecimalText, nullable=False),
    Column("set_at", UtcDateTime, nullable=False),
    Column("set_by", String(100), nullable=False),
)

tariffs = Table(
    "tariffs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("category", stored_enum(Category), nullable=False),
    Column("client_per_cbm", BigInteger, nullable=False),
    Column("real_per_cbm", BigInteger, nullable=False),
    Column("set_at", UtcDateTime, nullable=False),
    Column("set_by", String(100), nullable=False),
    Index("ix_tariffs_category_set_at", "category", "set_at"),
)
