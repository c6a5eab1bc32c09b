"""The supplier directory, by category, a page at a time (issue 15)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.services import suppliers as supplier_service
from domain.ports.unit_of_work import UnitOfWork
from domain.suppliers import SupplierCategory


@dataclass(frozen=True)
class Directory:
    uow: Callable[[], UnitOfWork]

    def supplier_page(self, category: SupplierCategory, number: int) -> supplier_service.Page:
        return supplier_service.page(self.uow(), category, number)

    def supplier_categories(self) -> dict[SupplierCategory, int]:
        return supplier_service.categories(self.uow())
