"""Orders, their quote frozen in."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
)

from domain.orders import OrderStatus
from domain.pricing import Category
from storage.tables.schema import metadata, stored_enum
from storage.types import DecimalText, UtcDateTime

orders = Table(
    "orders",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("trader_id", ForeignKey("traders.id"), nullable=False, index=True),
    Column("container_id", ForeignKey("containers.id"), nullable=False, index=True),
    Column("request_key", String(64), nullable=False, unique=True),
    Column("category", stored_enum(Category), nullable=False),
    Column("volume_l", Integer, nullable=False),
    Column("price_fen", BigInteger, nullable=False),
    Column("rate", DecimalText, nullable=False),
    Column("rate_set_at", UtcDateTime, nullable=False),
    Column("commission_pct", DecimalText, nullable=False),
    Column("commission_set_at", UtcDateTime, nullable=False),
    Column("client_tariff", BigInteger, nullable=False),
    Column("real_tariff", BigInteger, nullable=False),
    Column("tariff_set_at", UtcDateTime, nullable=False),
    Column("goods_gnf", BigInteger, nullable=False),
    Column("commission_gnf", BigInteger, nullable=False),
    Column("logistics_gnf", BigInteger, nullable=False),
    Column("total_gnf", BigInteger, nullable=False),
    Column("real_cost_gnf", BigInteger, nullable=False),
    Column("margin_gnf", BigInteger, nullable=False),
    Column("status", stored_enum(OrderStatus), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
    Column("deposit_gnf", BigInteger, nullable=True),  # due at order time; NULL: the total
    CheckConstraint("volume_l > 0", name="positive_volume"),
    CheckConstraint("price_fen >= 0", name="non_negative_price"),
    CheckConstraint("total_gnf = goods_gnf + commission_gnf + logistics_gnf", name="total_is_sum"),
    Index("ix_orders_status_expires_at", "status", "expires_at"),
)
