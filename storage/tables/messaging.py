"""Messages in and out: the inbox, the inbound queue, delivery statuses, the outbox."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table, Text, UniqueConstraint, text

from storage.tables.schema import metadata
from storage.types import UtcDateTime

processed_messages = Table(
    "processed_messages",
    metadata,
    Column("channel", String(20), primary_key=True),
    Column("message_id", String(100), primary_key=True),
    Column("at", UtcDateTime, nullable=False, index=True),
    Column("replies", Text, nullable=True),  # JSON of what was answered, replayed on a retry
)

# The rows still to handle, for the claims' partial indexes (0011_pending_index).
INBOUND_DUE = text("status IN ('pending', 'working')")
OUTBOX_DUE = text("status IN ('pending', 'sending')")

# Inbound webhook messages, stored before they are acknowledged and handled by a worker, so
# slow work never blocks the webhook and nothing is lost when it fails. A message is claimed
# by one owner at a time (a lease), and only when no earlier message of its sender is
# unfinished (0012_inbound_sender).
inbound_queue = Table(
    "inbound_queue",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(20), nullable=False),
    Column("message_id", String(100), nullable=False),
    Column("payload", Text, nullable=False),
    Column("status", String(10), nullable=False),  # pending, working, done, failed
    Column("attempts", Integer, nullable=False),  # claims so far
    Column("received_at", UtcDateTime, nullable=False),
    Column("next_attempt_at", UtcDateTime, nullable=False),
    Column("last_error", Text, nullable=True),
    Column("sender", String(100), nullable=True),  # WhatsApp's From; NULL: no order kept
    Column("lease_owner", String(32), nullable=True),  # the claim token holding the lease
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
    # The claim's "no earlier unfinished message of this sender" (0012_inbound_sender).
    Index(
        "ix_inbound_queue_sender_due",
        "channel",
        "sender",
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
