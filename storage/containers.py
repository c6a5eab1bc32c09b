"""SQL storage of containers.

The rule lives in domain.containers; the conditional UPDATE here is its enforcement under
concurrency."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from domain.containers import FILLED_STAGE, Container, Stage, check_volume
from domain.errors import ContainerFull, DuplicateRequest, StageTransitionError
from storage import orm
from storage.results import changed


class SqlContainerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, container_id: int) -> Container | None:
        return self.session.get(Container, container_id)

    def by_code(self, code: str) -> Container | None:
        query = select(Container).where(orm.containers.c.code == code.strip().upper())
        return self.session.scalars(query).first()

    def open_for_orders(self) -> list[Container]:
        query = (
            select(Container)
            .where(orm.containers.c.stage == Stage.COLLECTE)
            .order_by(orm.containers.c.id)
        )
        return list(self.session.scalars(query))

    def list_all(self) -> list[Container]:
        return list(self.session.scalars(select(Container).order_by(orm.containers.c.id)))

    def add(self, container: Container) -> Container:
        try:
            with self.session.begin_nested():
                self.session.add(container)
        except IntegrityError as exc:
            raise DuplicateRequest(container.code) from exc
        return container

    def next_sequence(self, year: int) -> int:
        prefix = f"TD-{year}-"
        query = select(func.count()).where(orm.containers.c.code.startswith(prefix))
        return int(self.session.scalar(query) or 0) + 1

    def reserve(self, container: Container, volume_l: int, now: datetime) -> bool:
        """Take volume atomically; returns True when this reservation filled the container.

        The rule is domain.containers' (`Container.check_fits`, `FILLED_STAGE`); this is its
        only enforcement. One conditional UPDATE does the check and the write: on PostgreSQL a
        concurrent reservation of the same row waits for the row lock and then re-evaluates
        the WHERE clause against the committed row (READ COMMITTED), so two bookings can never
        both take the last litres. The CHECK constraint on the table is the backstop. When
        the UPDATE changes nothing, the domain names the refusal from the fresh row.
        """
        check_volume(volume_l)
        table = orm.containers
        new_used = table.c.used_l + volume_l
        fills = new_used == table.c.capacity_l
        statement = (
            update(table)
            .where(
                table.c.id == container.id,
                table.c.stage == Stage.COLLECTE,  # Container.accepts_orders
                new_used <= table.c.capacity_l,  # volume_l <= Container.remaining_l
            )
            .values(
                used_l=new_used,
                stage=case((fills, FILLED_STAGE.value), else_=table.c.stage),
                stage_changed_at=case((fills, now), else_=table.c.stage_changed_at),
            )
            .returning(table.c.used_l, table.c.stage)
        )
        row = self.session.execute(statement).first()
        filled = row is not None and Stage(row.stage) is FILLED_STAGE
        if row is None or filled:
            self.session.refresh(container)  # why it was refused, or its new stage and time
        else:  # what RETURNING gave, without a second read (issue 12)
            set_committed_value(container, "used_l", row.used_l)
        if row is None:
            container.check_fits(volume_l)
            raise ContainerFull(container.remaining_l, container.code)  # freed meanwhile
        return filled

    def release(self, container: Container, volume_l: int) -> None:
        check_volume(volume_l)
        table = orm.containers
        self.session.execute(
            update(table).where(table.c.id == container.id).values(used_l=table.c.used_l - volume_l)
        )
        self.session.refresh(container)

    def cancel(self, container: Container, now: datetime) -> bool:
        """Collecte -> annule, compare-and-set: the first of two admins (or of a retry)
        cancels it; the others change nothing and read False. A reservation in flight holds
        the row until it commits, so the orders read after this see it."""
        table = orm.containers
        result = self.session.execute(
            update(table)
            .where(table.c.id == container.id, table.c.stage == Stage.COLLECTE)
            .values(stage=Stage.ANNULE, stage_changed_at=now)
        )
        self.session.refresh(container)
        return changed(result) == 1

    def advance(self, container: Container, now: datetime) -> Stage:
        """Move to the next stage, compare-and-set so two admins cannot skip a stage."""
        current = container.stage
        target = container.next_stage()
        table = orm.containers
        result = self.session.execute(
            update(table)
            .where(table.c.id == container.id, table.c.stage == current)
            .values(stage=target, stage_changed_at=now)
        )
        self.session.refresh(container)
        if changed(result) != 1:
            raise StageTransitionError(f"{container.code} moved meanwhile")
        return target

    def record_stage(self, container: Container, actor: str, now: datetime) -> None:
        self.session.execute(
            insert(orm.container_stages).values(
                container_id=container.id, stage=container.stage, at=now, actor=actor
            )
        )
