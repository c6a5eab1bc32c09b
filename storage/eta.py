"""Containers' estimated arrival dates: the current one is a column of `containers`, every
change is a row of `container_eta_changes` (never updated, never deleted)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Column,
    ColumnElement,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from domain.containers import Container, Stage
from domain.eta import EtaChange
from storage.orm import containers, metadata
from storage.results import changed, inserted_id
from storage.types import UtcDateTime

container_eta_changes = Table(
    "container_eta_changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("container_id", ForeignKey("containers.id"), nullable=False, index=True),
    Column("old_eta", Date, nullable=True),
    Column("new_eta", Date, nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(100), nullable=False),
    Column("at", UtcDateTime, nullable=False, index=True),
)


def _change_of(row: Row) -> EtaChange:
    return EtaChange(
        row.container_id, row.old_eta, row.new_eta, row.reason, row.actor, row.at, row.id
    )


class SqlEtaRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def change(self, container: Container, seen: date | None, change: EtaChange) -> bool:
        """One conditional UPDATE: two admins confirming from the same date move it once."""
        still_seen = containers.c.eta.is_(None) if seen is None else containers.c.eta == seen
        moved = self.session.execute(
            update(containers)
            .where(containers.c.id == container.id, containers.c.stage != Stage.LIVRE, still_seen)
            .values(eta=change.new)
        )
        self.session.refresh(container)
        if changed(moved) != 1:
            return False
        result = self.session.execute(
            insert(container_eta_changes).values(
                container_id=container.id,
                old_eta=seen,
                new_eta=change.new,
                reason=change.reason,
                actor=change.actor,
                at=change.at,
            )
        )
        change.id = inserted_id(result)
        return True

    def _changes(self, *conditions: ColumnElement[bool]) -> list[EtaChange]:
        table = container_eta_changes
        query = select(table).where(*conditions).order_by(table.c.id)
        return [_change_of(row) for row in self.session.execute(query)]

    def history(self, container_id: int) -> list[EtaChange]:
        return self._changes(container_eta_changes.c.container_id == container_id)

    def since(self, moment: datetime) -> list[EtaChange]:
        return self._changes(container_eta_changes.c.at >= moment)
