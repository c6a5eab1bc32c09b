"""Payment receipts (PDF), reachable by token."""

from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, Column, ForeignKey, Integer, String, Table

from storage.tables.schema import metadata
from storage.types import UtcDateTime

# Issue 14 — PDF receipts: one per approved payment (payment_key), reachable from outside
# only through its unguessable token, for 30 days (expires_at).
payment_receipts = Table(
    "payment_receipts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", ForeignKey("orders.id"), nullable=False, index=True),
    Column("payment_key", String(64), nullable=False, unique=True),  # e.g. proof:12
    Column("kind", String(20), nullable=False),  # full, deposit, balance
    Column("amount_gnf", BigInteger, nullable=False),
    Column("remaining_due_gnf", BigInteger, nullable=False),
    Column("reference", String(64), nullable=True),
    Column("paid_at", UtcDateTime, nullable=False),
    Column("token", String(64), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    CheckConstraint("amount_gnf >= 0 AND remaining_due_gnf >= 0", name="non_negative_amounts"),
)
