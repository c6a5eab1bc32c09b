"""The SQL unit of work: one session, one transaction, every repository on it."""

from __future__ import annotations

import logging
from typing import Self

from sqlalchemy.orm import Session, sessionmaker

from domain.ports import Versions
from storage.containers import SqlContainerRepository
from storage.content_templates import SqlContentTemplateRepository
from storage.directory import SqlSupplierRepository
from storage.eta import SqlEtaRepository
from storage.housekeeping import SqlAuditLog, SqlHousekeeping
from storage.inbound_queue import SqlInboundQueue
from storage.messaging import SqlDeliveryLog, SqlInbox, SqlOutbox
from storage.money import SqlLedger, SqlRefundRepository, SqlWarehouseReceiptRepository
from storage.orders import SqlOrderRepository
from storage.pricing import SqlPricingRepository
from storage.proofs import SqlProofRepository
from storage.receipts import SqlReceiptRepository
from storage.support import SqlSupportRepository
from storage.traders import SqlTraderRepository

TERMS = "terms"  # the version of the pricing terms (bot/services/terms_cache.py)


log = logging.getLogger(__name__)


class SqlUnitOfWork:
    def __init__(
        self, session_factory: sessionmaker[Session], versions: Versions | None = None
    ) -> None:
        self.session_factory = session_factory
        self.versions = versions

    def __enter__(self) -> Self:
        self.session = self.session_factory()
        self.traders = SqlTraderRepository(self.session)
        self.containers = SqlContainerRepository(self.session)
        self.etas = SqlEtaRepository(self.session)
        self.orders = SqlOrderRepository(self.session)
        self.proofs = SqlProofRepository(self.session)
        self.pricing = SqlPricingRepository(self.session)
        self.audit = SqlAuditLog(self.session)
        self.inbox = SqlInbox(self.session)
        self.inbound = SqlInboundQueue(self.session)
        self.deliveries = SqlDeliveryLog(self.session)
        self.outbox = SqlOutbox(self.session)
        self.housekeeping = SqlHousekeeping(self.session)
        self.content_templates = SqlContentTemplateRepository(self.session)
        self.receipts = SqlReceiptRepository(self.session)
        self.support = SqlSupportRepository(self.session)
        self.ledger = SqlLedger(self.session)
        self.warehouse = SqlWarehouseReceiptRepository(self.session)
        self.refunds = SqlRefundRepository(self.session)
        self.suppliers = SqlSupplierRepository(self.session)
        return self

    def __exit__(self, *exc_info: object) -> None:
        # close() rolls back whatever was not committed and detaches the objects without
        # expiring them, so the values a use case returns stay readable.
        self.session.close()

    def commit(self) -> None:
        """Commit; a change of the pricing terms then bumps their version, so every
        process's cache of them reads them again."""
        self.session.commit()
        if self.pricing.changed:
            self.pricing.changed = False
            if self.versions is not None:
                try:
                    self.versions.bump(TERMS)
                except Exception:  # committed: the caches expire on their own (MAX_AGE_S)
                    log.exception("terms changed but their version could not be bumped")

    def rollback(self) -> None:
        self.session.rollback()
