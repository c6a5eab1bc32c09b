"""SQL implementations of the ledger, the warehouse receipts and the refund requests."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Row, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain.errors import DuplicateRequest
from domain.ledger import EntryKind, LedgerEntry
from domain.refunds import RefundRequest, RefundStatus
from domain.warehouse import WarehouseReceipt
from storage import orm
from storage.db import upsert_for
from storage.results import changed


class SqlLedger:
    def __init__(self, session: Session) -> None:
        self.session = session

    def lock_trader(self, trader_id: int) -> None:
        """Take the trader's row lock until commit: one trader's credit is spent by one
        transaction at a time (SQLite serialises writers anyway). FOR NO KEY UPDATE, so the
        foreign-key checks of entries written meanwhile do not wait for it."""
        table = orm.traders
        query = select(table.c.id).where(table.c.id == trader_id)
        self.session.execute(query.with_for_update(key_share=True))

    def add(self, entry: LedgerEntry) -> bool:
        """Append an entry once: INSERT … ON CONFLICT (key) DO NOTHING. False when an entry
        with this key exists (written before, or by a concurrent transaction)."""
        insert_for = upsert_for(self.session)
        statement = insert_for(orm.ledger_entries).on_conflict_do_nothing(index_elements=["key"])
        values = {
            "trader_id": entry.trader_id,
            "order_id": entry.order_id,
            "amount_gnf": entry.amount_gnf,
            "kind": entry.kind,
            "key": entry.key,
            "note": entry.note[:200],
            "at": entry.at,
        }
        return changed(self.session.execute(statement, [values])) == 1

    def balance(self, trader_id: int) -> int:
        table = orm.ledger_entries
        query = select(func.coalesce(func.sum(table.c.amount_gnf), 0))
        return int(self.session.scalar(query.where(table.c.trader_id == trader_id)) or 0)

    def _entries(self, *conditions: ColumnElement[bool]) -> list[LedgerEntry]:
        table = orm.ledger_entries
        query = select(table).where(*conditions).order_by(table.c.id)
        return [_entry(row) for row in self.session.execute(query)]

    def entries(self, trader_id: int) -> list[LedgerEntry]:
        return self._entries(orm.ledger_entries.c.trader_id == trader_id)

    def for_order(self, order_id: int) -> list[LedgerEntry]:
        return self._entries(orm.ledger_entries.c.order_id == order_id)

    def traders(self) -> list[int]:
        """Every trader with at least one entry."""
        table = orm.ledger_entries
        return list(self.session.scalars(select(table.c.trader_id).distinct()))


def _entry(row: Row[Any]) -> LedgerEntry:
    kind = EntryKind(row.kind)
    return LedgerEntry(row.trader_id, row.amount_gnf, kind, row.key, row.at, row.order_id, row.note)


class SqlWarehouseReceiptRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, receipt: WarehouseReceipt) -> WarehouseReceipt:
        """One receipt per order: a second one is a DuplicateRequest."""
        try:
            with self.session.begin_nested():
                self.session.add(receipt)
        except IntegrityError as exc:
            raise DuplicateRequest(f"receipt of order {receipt.order_id}") from exc
        return receipt

    def get(self, receipt_id: int, *, for_update: bool = False) -> WarehouseReceipt | None:
        if for_update:
            return self.session.get(
                WarehouseReceipt, receipt_id, with_for_update=True, populate_existing=True
            )
        return self.session.get(WarehouseReceipt, receipt_id)

    def for_order(self, order_id: int) -> WarehouseReceipt | None:
        table = orm.warehouse_receipts
        query = select(WarehouseReceipt).where(table.c.order_id == order_id)
        return self.session.scalars(query).first()


class SqlRefundRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, request: RefundRequest) -> RefundRequest:
        self.session.add(request)
        self.session.flush()
        return request

    def get(self, refund_id: int, *, for_update: bool = False) -> RefundRequest | None:
        if for_update:
            return self.session.get(
                RefundRequest, refund_id, with_for_update=True, populate_existing=True
            )
        return self.session.get(RefundRequest, refund_id)

    def _requested(self, *conditions: ColumnElement[bool]) -> list[RefundRequest]:
        table = orm.refund_requests
        query = (
            select(RefundRequest)
            .where(table.c.status == RefundStatus.REQUESTED, *conditions)
            .order_by(table.c.id)
        )
        return list(self.session.scalars(query))

    def open_for(self, trader_id: int) -> RefundRequest | None:
        found = self._requested(orm.refund_requests.c.trader_id == trader_id)
        return found[0] if found else None

    def open(self) -> list[RefundRequest]:
        return self._requested()
