"""Tables, and the imperative mapping of the domain's entities onto them.

Money is BigInteger GNF (a full container bills billions), volumes are integer litres,
prices integer fen, rates exact strings: no float anywhere.
"""

from __future__ import annotations

import threading

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import registry

from domain.containers import Container, Stage
from domain.ledger import EntryKind
from domain.orders import Order, OrderStatus
from domain.pricing import Category
from domain.proofs import PaymentProof, ProofKind, ProofStatus
from domain.refunds import RefundRequest, RefundStatus
from domain.suppliers import Supplier, SupplierCategory
from domain.traders import ChannelIdentity, Language, Trader
from domain.warehouse import ReceiptStatus, WarehouseReceipt
from storage.types import DecimalText, UtcDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _enum(cls: type) -> Enum:
    return Enum(
        cls,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


traders = Table(
    "traders",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(80), nullable=False),
    Column("phone", String(20), nullable=False, unique=True),
    Column("language", _enum(Language), nullable=False),
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

containers = Table(
    "containers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(20), nullable=False, unique=True),
    Column("capacity_l", Integer, nullable=False),
    Column("used_l", Integer, nullable=False),
    Column("stage", _enum(Stage), nullable=False, index=True),
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
    Column("stage", _enum(Stage), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("actor", String(100), nullable=False),
)

orders = Table(
    "orders",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("trader_id", ForeignKey("traders.id"), nullable=False, index=True),
    Column("container_id", ForeignKey("containers.id"), nullable=False, index=True),
    Column("request_key", String(64), nullable=False, unique=True),
    Column("category", _enum(Category), nullable=False),
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
    Column("status", _enum(OrderStatus), nullable=False),
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
    Column("status", _enum(ProofStatus), nullable=False, index=True),
    Column("reason", Text, nullable=True),
    Column("submitted_at", UtcDateTime, nullable=False),
    Column("decided_at", UtcDateTime, nullable=True),
    Column("decided_by", String(100), nullable=True),
    Column("version", Integer, nullable=False),
    Column("kind", _enum(ProofKind), nullable=False, server_default=ProofKind.FULL.value),
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
    Column("category", _enum(Category), nullable=False),
    Column("client_per_cbm", BigInteger, nullable=False),
    Column("real_per_cbm", BigInteger, nullable=False),
    Column("set_at", UtcDateTime, nullable=False),
    Column("set_by", String(100), nullable=False),
    Index("ix_tariffs_category_set_at", "category", "set_at"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UtcDateTime, nullable=False, index=True),
    Column("actor", String(100), nullable=False),
    Column("action", String(50), nullable=False),
    Column("detail", Text, nullable=False),
)

processed_messages = Table(
    "processed_messages",
    metadata,
    Column("channel", String(20), primary_key=True),
    Column("message_id", String(100), primary_key=True),
    Column("at", UtcDateTime, nullable=False, index=True),
    Column("replies", Text, nullable=True),  # JSON of what was answered, replayed on a retry
)

INBOUND_DUE = text("status IN ('pending', 'working')")
OUTBOX_DUE = text("status IN ('pending', 'sending')")

# Inbound webhook messages, stored before they are acknowledged and handled by a worker, so
# slow work never blocks the webhook and nothing is lost when it fails.
inbound_queue = Table(
    "inbound_queue",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(20), nullable=False),
    Column("message_id", String(100), nullable=False),
    Column("payload", Text, nullable=False),
    Column("status", String(10), nullable=False),  # pending, done, failed
    Column("attempts", Integer, nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
    Column("next_attempt_at", UtcDateTime, nullable=False),
    Column("last_error", Text, nullable=True),
    UniqueConstraint("channel", "message_id", name="uq_inbound_queue_channel_message_id"),
    Index("ix_inbound_queue_status_next_attempt_at", "status", "next_attempt_at"),
    # The claim's own index: the rows still to handle, in order (0011_pending_index).
    Index(
        "ix_inbound_queue_due",
        "channel",
        "id",
        postgresql_where=INBOUND_DUE,
        sqlite_where=INBOUND_DUE,
    ),
)

# Delivery status of messages we sent through a provider (Twilio): statuses only move forward.
outbound_status = Table(
    "outbound_status",
    metadata,
    Column("sid", String(64), primary_key=True),
    Column("recipient", String(100), nullable=False),
    Column("status", String(20), nullable=False),
    Column("error_code", String(20), nullable=True),
    Column("updated_at", UtcDateTime, nullable=False),
)

# Messages to people other than the one who just wrote, written in the same transaction as
# the change that causes them; the dispatcher delivers them. The key makes each one unique.
outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(200), nullable=False, unique=True),
    Column("channel", String(20), nullable=False),  # telegram, whatsapp, console, admin
    Column("recipient", String(100), nullable=False),
    Column("lang", String(5), nullable=False),
    Column("template", String(60), nullable=False),
    Column("payload", Text, nullable=False),
    Column("status", String(10), nullable=False),  # pending, sending, sent, failed
    Column("attempts", Integer, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("next_attempt_at", UtcDateTime, nullable=False),
    Column("sent_at", UtcDateTime, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("lease_owner", String(32), nullable=True),  # the claim token holding the lease
    Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),
    Index("ix_outbox_due", "id", postgresql_where=OUTBOX_DUE, sqlite_where=OUTBOX_DUE),
)

# The Twilio Content SIDs of the WhatsApp interactive templates, one per shape: created once.
whatsapp_content = Table(
    "whatsapp_content",
    metadata,
    Column("key", String(40), primary_key=True),  # e.g. quick-reply-2, list-picker-7
    Column("sid", String(34), nullable=False),  # HX…
    Column("created_at", UtcDateTime, nullable=False),
)

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

# Each trader's money with us, append-only: credits (+) and credit used (-), in GNF. The
# unique key makes every entry idempotent: a credit written twice is one entry.
ledger_entries = Table(
    "ledger_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("trader_id", ForeignKey("traders.id"), nullable=False, index=True),
    Column("order_id", ForeignKey("orders.id"), nullable=True, index=True),
    Column("amount_gnf", BigInteger, nullable=False),
    Column("kind", _enum(EntryKind), nullable=False),
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
    Column("status", _enum(ReceiptStatus), nullable=False),
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
    Column("status", _enum(RefundStatus), nullable=False),
    Column("requested_at", UtcDateTime, nullable=False),
    Column("reference", String(64), nullable=True),
    Column("paid_at", UtcDateTime, nullable=True),
    Column("paid_by", String(100), nullable=True),
    CheckConstraint("amount_gnf > 0", name="positive_refund"),
)

# Issue 15 — the supplier directory: one supplier per name and city (name_key).
suppliers = Table(
    "suppliers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(80), nullable=False),
    Column("city", String(40), nullable=False),
    Column("category", _enum(SupplierCategory), nullable=False, index=True),
    Column("phone", String(20), nullable=True),
    Column("wechat", String(20), nullable=True),
    Column("note", String(200), nullable=False),
    Column("recommended", Boolean, nullable=False),
    Column("photo", LargeBinary, nullable=True),
    Column("name_key", String(130), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
    CheckConstraint("phone IS NOT NULL OR wechat IS NOT NULL", name="has_contact"),
)

mapper_registry = registry(metadata=metadata)
_mapped = False
_mapping_lock = threading.Lock()


def start_mappers() -> None:
    """Map the domain classes onto the tables, once per process (thread-safe)."""
    global _mapped
    with _mapping_lock:
        if not _mapped:
            _map_all()
            _mapped = True


def _map_all() -> None:
    mapper_registry.map_imperatively(Trader, traders)
    mapper_registry.map_imperatively(ChannelIdentity, channel_identities)
    mapper_registry.map_imperatively(Container, containers)
    mapper_registry.map_imperatively(Order, orders, version_id_col=orders.c.version)
    mapper_registry.map_imperatively(
        PaymentProof, payment_proofs, version_id_col=payment_proofs.c.version
    )
    mapper_registry.map_imperatively(WarehouseReceipt, warehouse_receipts)
    mapper_registry.map_imperatively(RefundRequest, refund_requests)
    mapper_registry.map_imperatively(Supplier, suppliers)
