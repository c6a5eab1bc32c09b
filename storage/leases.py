"""Rows leased to one owner (the outbox's sends, the inbound queue's messages): only the owner
renews the lease or records the outcome, one conditional UPDATE each, so a worker whose lease
ran out changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Table, select, update
from sqlalchemy.orm import Session

from storage.results import changed


@dataclass(frozen=True)
class Leases:
    """The leases of `table`, whose rows in hand have the status `working`."""

    table: Table
    working: str

    def held(self, owner: str) -> tuple[ColumnElement[bool], ...]:
        return self.table.c.lease_owner == owner, self.table.c.status == self.working

    def renew(self, session: Session, item_ids: list[int], owner: str, until: datetime) -> set[int]:
        """Extend the lease of the rows `owner` still holds; returns their ids."""
        if not item_ids:
            return set()
        mine = (self.table.c.id.in_(item_ids), *self.held(owner))
        session.execute(update(self.table).where(*mine).values(next_attempt_at=until))
        return set(session.scalars(select(self.table.c.id).where(*mine)))

    def update_held(
        self, session: Session, item_id: int, owner: str, values: dict[str, object]
    ) -> bool:
        """One UPDATE of a row, by its lease holder only; False (nothing changed) otherwise."""
        statement = update(self.table).where(self.table.c.id == item_id, *self.held(owner))
        return changed(session.execute(statement.values(**values))) == 1
