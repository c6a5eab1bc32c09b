"""Payment proofs, and the files that were not a readable image."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, ForeignKey, Integer, LargeBinary, String, Table, Text

from domain.proofs import ProofKind, ProofStatus
from storage.tables.schema import metadata, stored_enum
from storage.types import UtcDateTime

payment_proofs = Table(
    "payment_proofs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", ForeignKey("orders.id"), nullable=False, index=True),
    Column("content", LargeBinary, nullable=False),
    Column("mime", String(20), nullable=False),
    Column("sha256", String(64), nullable=False, index=True),
    Column("size", Integer, nullable=False),
    Column("reference", String(64), nullable=True, index=True),
    Column("status", stored_enum(ProofStatus), nullable=False, index=True),
    Column("reason", Text, nullable=True),
    Column("submitted_at", UtcDateTime, nullable=False),
    Column("decided_at", UtcDateTime, nullable=True),
    Column("decided_by", String(100), nullable=True),
    Column("version", Integer, nullable=False),
    Column("kind", stored_enum(ProofKind), nullable=False, server_default=ProofKind.FULL.value),
    Column("amount_gnf", BigInteger, nullable=True),
)

# Files a trader sent for an order that are not a readable image: kept for the admins (up to
# the proof cap; beyond it only the size and the refusal are recorded), never dropped.
unreadable_attachments = Table(
    "unreadable_attachments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", ForeignKey("orders.id"), nullable=False, index=True),
    Column("reason", String(20), nullable=False),  # not_an_image, empty, too_large
    Column("size", Integer, nullable=False),
    Column("content", LargeBinary, nullable=True),
    Column("received_at", UtcDateTime, nullable=False),
)
