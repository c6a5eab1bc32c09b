"""The supplier directory: admins add, change, remove and import suppliers; traders read a
category's list, five at a time. What traders read holds a supplier's own contact and
nothing of ours (no price, no margin, no other trader)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain import suppliers as rules
from domain.errors import DuplicateRequest, InvalidInput, NotFound
from domain.ports.unit_of_work import UnitOfWork
from domain.suppliers import Contact, Supplier, SupplierCategory


@dataclass(frozen=True)
class Draft:
    """A supplier as typed by an admin or read from a CSV line."""

    name: str
    city: str
    category: SupplierCategory
    contact: Contact
    note: str = ""
    recommended: bool = False

    def build(self, now: datetime, photo: bytes | None = None) -> Supplier:
        return Supplier(
            self.name, self.city, self.category, now, self.contact.phone, self.contact.wechat,
            self.note, self.recommended, photo,
        )  # fmt: skip


@dataclass(frozen=True)
class SupplierView:
    """What a trader reads of a supplier."""

    name: str
    city: str
    phone: str | None
    wechat: str | None
    note: str
    recommended: bool
    photo: bytes | None

    @classmethod
    def of(cls, s: Supplier) -> SupplierView:
        return cls(s.name, s.city, s.phone, s.wechat, s.note, s.recommended, s.photo)


@dataclass(frozen=True)
class Page:
    category: SupplierCategory
    number: int
    total: int
    suppliers: list[SupplierView]
    has_next: bool


def _add(uow: UnitOfWork, supplier: Supplier) -> Supplier:
    try:
        return uow.suppliers.add(supplier)
    except DuplicateRequest:
        raise InvalidInput("supplier_duplicate", name=supplier.name, city=supplier.city) from None


def add(
    uow: UnitOfWork, draft: Draft, actor: str, now: datetime, photo: bytes | None = None
) -> Supplier:
    with uow:
        supplier = _add(uow, draft.build(now, photo))
        uow.audit.record(actor, "supplier_add", {"id": supplier.id, "name": supplier.name}, now)
        uow.commit()
        return supplier


def import_drafts(uow: UnitOfWork, drafts: list[Draft], actor: str, now: datetime) -> int:
    """All the lines or none: a duplicate (in the file or in the directory) changes nothing."""
    keys = [rules.identity_key(d.name, d.city) for d in drafts]
    twice = rules.duplicates(keys)
    if twice:
        raise InvalidInput("supplier_duplicate_in_file", name=twice[0].split("|")[0])
    with uow:
        for draft in drafts:
            _add(uow, draft.build(now))
        uow.audit.record(actor, "supplier_import", {"count": len(drafts)}, now)
        uow.commit()
        return len(drafts)


def _found(uow: UnitOfWork, supplier_id: int) -> Supplier:
    supplier = uow.suppliers.get(supplier_id)
    if supplier is None:
        raise NotFound("supplier", supplier_id)
    return supplier


FIELDS = ("nom", "ville", "categorie", "contact", "note", "recommande")


def change(
    uow: UnitOfWork, supplier_id: int, field: str, value: object, actor: str, now: datetime
) -> Supplier:
    """Change one field (`FIELDS`); InvalidInput for a bad value or a duplicate."""
    with uow:
        supplier = _found(uow, supplier_id)
        if field in ("nom", "ville"):
            supplier.rename(**{"name" if field == "nom" else "city": str(value)})
        elif field == "categorie":
            supplier.category = SupplierCategory(str(value))
        elif field == "contact":
            supplier.set_contact(_contact(value))
        elif field == "note":
            supplier.note = rules.clean_text(str(value), rules.MAX_NOTE, "supplier_note", 0)
        else:
            supplier.recommended = bool(value)
        try:
            uow.suppliers.save(supplier)
        except DuplicateRequest:
            raise InvalidInput(
                "supplier_duplicate", name=supplier.name, city=supplier.city
            ) from None
        uow.audit.record(actor, "supplier_change", {"id": supplier_id, "field": field}, now)
        uow.commit()
        return supplier


def _contact(value: object) -> Contact:
    if not isinstance(value, Contact):
        raise TypeError(f"a supplier's contact is a Contact, not {value!r}")
    return value


def remove(uow: UnitOfWork, supplier_id: int, actor: str, now: datetime) -> Supplier:
    with uow:
        supplier = _found(uow, supplier_id)
        uow.suppliers.remove(supplier)
        uow.audit.record(actor, "supplier_remove", {"id": supplier_id, "name": supplier.name}, now)
        uow.commit()
        return supplier


def page(uow: UnitOfWork, category: SupplierCategory, number: int) -> Page:
    with uow:
        total = uow.suppliers.count(category)
        offset, limit, has_next = rules.page_bounds(total, number)
        found = [SupplierView.of(s) for s in uow.suppliers.page(category, offset, limit)]
        return Page(category, number, total, found, has_next)


def categories(uow: UnitOfWork) -> dict[SupplierCategory, int]:
    """The categories that have suppliers, with how many."""
    with uow:
        return uow.suppliers.counts()


def listing(uow: UnitOfWork, category: SupplierCategory | None) -> list[Supplier]:
    """For the admins: every supplier (of a category), with its id."""
    with uow:
        chosen = [category] if category else list(SupplierCategory)
        return [s for c in chosen for s in uow.suppliers.page(c, 0, 1000)]
