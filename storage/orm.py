"""The imperative mapping of the domain's entities onto the tables, and every table by name
(`orm.orders`, `orm.metadata`, ...). The tables live one module per aggregate in
storage/tables/.
"""

from __future__ import annotations

import threading

from sqlalchemy.orm import registry

from domain.containers import Container
from domain.orders import Order
from domain.proofs import PaymentProof
from domain.refunds import RefundRequest
from domain.suppliers import Supplier
from domain.traders import ChannelIdentity, Trader
from domain.warehouse import WarehouseReceipt
from storage.tables.containers import container_stages, containers
from storage.tables.directory import suppliers
from storage.tables.housekeeping import audit_log
from storage.tables.messaging import (
    inbound_queue,
    outbound_status,
    outbox,
    processed_messages,
    whatsapp_content,
)
from storage.tables.money import ledger_entries, refund_requests, warehouse_receipts
from storage.tables.orders import orders
from storage.tables.pricing import commission_rates, exchange_rates, tariffs
from storage.tables.proofs import payment_proofs, unreadable_attachments
from storage.tables.receipts import payment_receipts
from storage.tables.schema import metadata
from storage.tables.traders import channel_identities, traders

__all__ = [
    "audit_log",
    "channel_identities",
    "commission_rates",
    "container_stages",
    "containers",
    "exchange_rates",
    "inbound_queue",
    "ledger_entries",
    "metadata",
    "orders",
    "outbound_status",
    "outbox",
    "payment_proofs",
    "payment_receipts",
    "processed_messages",
    "refund_requests",
    "suppliers",
    "tariffs",
    "traders",
    "unreadable_attachments",
    "warehouse_receipts",
    "whatsapp_content",
]

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
