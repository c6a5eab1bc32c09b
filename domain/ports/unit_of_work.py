"""The unit of work: one transaction and every repository on it."""

from __future__ import annotations

from typing import Protocol, Self

from domain.ports.messaging import (
    ContentTemplateRepository,
    DeliveryLog,
    Housekeeping,
    InboundQueue,
    Inbox,
    Outbox,
)
from domain.ports.repositories import (
    AuditLog,
    ContainerRepository,
    EtaRepository,
    Ledger,
    OrderRepository,
    PricingRepository,
    ProofRepository,
    ReceiptRepository,
    RefundRepository,
    SupplierRepository,
    TraderRepository,
    WarehouseReceiptRepository,
)
from domain.support import SupportRepository


class UnitOfWork(Protocol):
    """One transaction and the repositories on it. The repositories are read-only
    properties: an implementation may give narrower types (a mutable attribute would
    have to match exactly)."""

    @property
    def traders(self) -> TraderRepository: ...
    @property
    def containers(self) -> ContainerRepository: ...
    @property
    def etas(self) -> EtaRepository: ...
    @property
    def orders(self) -> OrderRepository: ...
    @property
    def proofs(self) -> ProofRepository: ...
    @property
    def pricing(self) -> PricingRepository: ...
    @property
    def audit(self) -> AuditLog: ...
    @property
    def inbox(self) -> Inbox: ...
    @property
    def inbound(self) -> InboundQueue: ...
    @property
    def deliveries(self) -> DeliveryLog: ...
    @property
    def outbox(self) -> Outbox: ...
    @property
    def housekeeping(self) -> Housekeeping: ...
    @property
    def content_templates(self) -> ContentTemplateRepository: ...
    @property
    def receipts(self) -> ReceiptRepository: ...
    @property
    def support(self) -> SupportRepository: ...
    @property
    def ledger(self) -> Ledger: ...
    @property
    def warehouse(self) -> WarehouseReceiptRepository: ...
    @property
    def refunds(self) -> RefundRepository: ...
    @property
    def suppliers(self) -> SupplierRepository: ...

    def __enter__(self) -> Self: ...
    def __exit__(self, *exc_info: object) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
