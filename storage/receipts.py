"""Payment receipts in SQL (Core, no mapping: a receipt is a frozen record of a payment)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from domain.receipts import Receipt, ReceiptKind
from storage import orm
from storage.db import upsert_for

TABLE = orm.payment_receipts
FIELDS = (
    "order_id", "payment_key", "kind", "amount_gnf", "remaining_due_gnf", "reference",
    "paid_at", "token", "created_at", "expires_at",
)  # fmt: skip


def _receipt(row: Row) -> Receipt:
    values = {name: getattr(row, name) for name in FIELDS}
    return Receipt(**{**values, "kind": ReceiptKind(row.kind)}, id=row.id)


class SqlReceiptRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _one(self, *conditions: ColumnElement[bool], for_update: bool = False) -> Receipt | None:
        query = select(TABLE).where(*conditions).order_by(TABLE.c.id.desc()).limit(1)
        if for_update:
            query = query.with_for_update()
        row = self.session.execute(query).first()
        return None if row is None else _receipt(row)

    def add(self, receipt: Receipt) -> Receipt:
        """Insert unless this payment has its receipt already (a retry, a second approver
        racing): ON CONFLICT DO NOTHING, then the one in force is read back."""
        insert_for = upsert_for(self.session)
        values = {name: getattr(receipt, name) for name in FIELDS}
        statement = insert_for(TABLE).values(**{**values, "kind": receipt.kind.value})
        self.session.execute(statement.on_conflict_do_nothing(index_elements=["payment_key"]))
        kept = self._one(TABLE.c.payment_key == receipt.payment_key)
        assert kept is not None
        return kept

    def get(self, receipt_id: int) -> Receipt | None:
        return self._one(TABLE.c.id == receipt_id)

    def by_token(self, token: str) -> Receipt | None:
        return self._one(TABLE.c.token == token)

    def latest_for_order(self, order_id: int, *, for_update: bool = False) -> Receipt | None:
        return self._one(TABLE.c.order_id == order_id, for_update=for_update)

    def save(self, receipt: Receipt) -> None:
        statement = (
            update(TABLE)
            .where(TABLE.c.id == receipt.id)
            .values(token=receipt.token, expires_at=receipt.expires_at)
        )
        self.session.execute(statement)
