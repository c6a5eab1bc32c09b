"""SQL storage of payment proofs."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, insert, select
from sqlalchemy.orm import Session

from domain.proofs import PaymentProof, ProofStatus, UnreadableAttachment
from storage import orm
from storage.results import inserted_id


class SqlProofRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, proof: PaymentProof) -> PaymentProof:
        self.session.add(proof)
        self.session.flush()
        return proof

    def get(self, proof_id: int, *, for_update: bool = False) -> PaymentProof | None:
        if for_update:
            return self.session.get(
                PaymentProof, proof_id, with_for_update=True, populate_existing=True
            )
        return self.session.get(PaymentProof, proof_id)

    def pending_for_order(self, order_id: int) -> PaymentProof | None:
        table = orm.payment_proofs
        query = select(PaymentProof).where(
            table.c.order_id == order_id, table.c.status == ProofStatus.PENDING
        )
        return self.session.scalars(query).first()

    def _orders_where(self, *conditions: ColumnElement[bool]) -> list[int]:
        table = orm.payment_proofs
        query = select(table.c.order_id).where(*conditions).distinct()
        return sorted(self.session.scalars(query))

    def orders_with_image(self, sha256: str) -> list[int]:
        return self._orders_where(orm.payment_proofs.c.sha256 == sha256)

    def orders_with_reference(self, reference: str) -> list[int]:
        return self._orders_where(orm.payment_proofs.c.reference == reference)

    def paid_for_order(self, order_id: int) -> list[int]:
        """The amounts of the approved payments of an order (a proof from before payment
        kinds counts for the order's total at order time)."""
        proofs, orders = orm.payment_proofs, orm.orders
        amount = func.coalesce(proofs.c.amount_gnf, orders.c.deposit_gnf, orders.c.total_gnf)
        query = (
            select(amount)
            .join(orders, orders.c.id == proofs.c.order_id)
            .where(proofs.c.order_id == order_id, proofs.c.status == ProofStatus.APPROVED)
        )
        return [int(value) for value in self.session.scalars(query)]

    def pending(self) -> list[PaymentProof]:
        table = orm.payment_proofs
        query = (
            select(PaymentProof)
            .where(table.c.status == ProofStatus.PENDING)
            .order_by(table.c.submitted_at)
        )
        return list(self.session.scalars(query))

    def add_attachment(self, attachment: UnreadableAttachment) -> int:
        result = self.session.execute(
            insert(orm.unreadable_attachments).values(
                order_id=attachment.order_id,
                reason=attachment.reason,
                size=attachment.size,
                content=attachment.content,
                received_at=attachment.received_at,
            )
        )
        return inserted_id(result)

    def attachments_for_order(self, order_id: int) -> list[UnreadableAttachment]:
        table = orm.unreadable_attachments
        query = select(table).where(table.c.order_id == order_id).order_by(table.c.id)
        return [
            UnreadableAttachment(row.order_id, row.reason, row.size, row.received_at, row.content)
            for row in self.session.execute(query)
        ]
