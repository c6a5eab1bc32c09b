"""The supplier directory in SQL: one supplier per name and city (a UNIQUE key)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain.errors import DuplicateRequest
from domain.suppliers import Supplier, SupplierCategory
from storage import orm


class SqlSupplierRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, supplier: Supplier) -> Supplier:
        try:
            with self.session.begin_nested():
                self.session.add(supplier)
        except IntegrityError as exc:
            raise DuplicateRequest(supplier.name_key) from exc
        return supplier

    def save(self, supplier: Supplier) -> None:
        """Write a changed supplier; DuplicateRequest when it now names another one."""
        try:
            with self.session.begin_nested():
                self.session.flush([supplier])
        except IntegrityError as exc:
            raise DuplicateRequest(supplier.name_key) from exc

    def get(self, supplier_id: int) -> Supplier | None:
        return self.session.get(Supplier, supplier_id)

    def remove(self, supplier: Supplier) -> None:
        self.session.delete(supplier)
        self.session.flush()

    def count(self, category: SupplierCategory) -> int:
        table = orm.suppliers
        query = select(func.count()).where(table.c.category == category)
        return int(self.session.scalar(query) or 0)

    def page(self, category: SupplierCategory, offset: int, limit: int) -> list[Supplier]:
        """Recommended suppliers first, then by name."""
        table = orm.suppliers
        query = (
            select(Supplier)
            .where(table.c.category == category)
            .order_by(table.c.recommended.desc(), table.c.name_key, table.c.id)
            .offset(offset)
            .limit(limit)
        )
        return list(self.session.scalars(query))

    def counts(self) -> dict[SupplierCategory, int]:
        table = orm.suppliers
        query = select(table.c.category, func.count()).group_by(table.c.category)
        return {SupplierCategory(category): n for category, n in self.session.execute(query)}
