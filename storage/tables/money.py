"""Money after the order: the ledger, warehouse measures, refunds."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    UniqueConstraint,
)

from domain.ledger import EntryKind
from domain.refunds import RefundStatus
from domain.warehouse import ReceiptStatus
from storage.tables.schema import metadata, stored_enum
from storage.types import UtcDateTime

# Each trader's money with us, append-only: credits (+) and credit used (-), in GNF. The
# unique key makes every entry idempotent: a credit written twice is one entry.
ledger_entries = Table(
    "ledger_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("trader_id", ForeignKey("traders.id"), nullable=False, index=True),
    Column("order_id", ForeignKey("orders.id"), nullable=True, index=True),
    Column("amount_gnf", BigInteger, nullable=False),
    Column("kind", stored_enum(EntryKind), nullable=False),
    Column("key", String(120), nullable=False),
    Column("note", String(200), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    UniqueConstraint("key", name="uq_ledger_entries_key"),
    CheckConstraint("amount_gnf <> 0", name="non_zero_amount"),
)

# Goods measured at the China warehouse: one receipt per order.
warehouse_receipts = Table(
    "warehouse_receipts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", ForeignKey("orders.id"), nullable=False),
    Column("previous_l", Integer, nullable=False),
    Column("measured_l", Integer, nullable=False),
    Column("previous_total_gnf", BigInteger, nullable=False),
    Column("new_total_gnf", BigInteger, nullable=False),
    Column("status", stored_enum(ReceiptStatus), nullable=False),
    Column("cartons", Integer, nullable=True),
    Column("photo", LargeBinary, nullable=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("actor", String(100), nullable=False),
    Column("decided_at", UtcDateTime, nullable=True),
    UniqueConstraint("order_id", name="uq_warehouse_receipts_order_id"),
    CheckConstraint("measured_l > 0", name="positive_measure"),
)

# Issue 15 — refund requests: a trader's credit paid back by mobile money, once.
refund_requests = Table(
    "refund_requests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("trader_id", ForeignKey("traders.id"), nullable=False, index=True),
    Column("amount_gnf", BigInteger, nullable=False),
    Column("status", stored_enum(RefundStatus), nullable=False),
    Column("requested_at", UtcDateTime, nullable=False),
    Column("reference", String(64), nullable=True),
    Column("paid_at", UtcDateTime, nullable=True),
    Column("paid_by", String(100), nullable=True),
    CheckConstraint("amount_gnf > 0", name="positive_refund"),
)
