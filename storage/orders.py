"""SQL storage of orders."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain.errors import (
    DuplicateRequest,
)
from domain.orders import Order, OrderStatus
from storage import orm


class SqlOrderRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, order: Order) -> Order:
        try:
            with self.session.begin_nested():
                self.session.add(order)
        except IntegrityError as exc:
            if "request_key" in str(exc.orig):
                raise DuplicateRequest(order.request_key) from exc
            raise
        return order

    def get(self, order_id: int, *, for_update: bool = False) -> Order | None:
        if for_update:
            return self.session.get(Order, order_id, with_for_update=True, populate_existing=True)
        return self.session.get(Order, order_id)

    def by_request_key(self, request_key: str) -> Order | None:
        query = select(Order).where(orm.orders.c.request_key == request_key)
        return self.session.scalars(query).first()

    def for_trader(self, trader_id: int) -> list[Order]:
        query = (
            select(Order)
            .where(orm.orders.c.trader_id == trader_id)
            .order_by(orm.orders.c.id.desc())
        )
        return list(self.session.scalars(query))

    def for_container(self, container_id: int) -> list[Order]:
        query = (
            select(Order).where(orm.orders.c.container_id == container_id).order_by(orm.orders.c.id)
        )
        return list(self.session.scalars(query))

    def lock_for_container(self, container_id: int) -> list[Order]:
        """Every order of a container, locked until commit (in id order, like every other
        order lock) and read as committed: the first read of these rows in the session."""
        query = (
            select(Order)
            .where(orm.orders.c.container_id == container_id)
            .order_by(orm.orders.c.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        return list(self.session.scalars(query))

    def reserved_before(self, moment: datetime, limit: int = 1000) -> list[Order]:
        """Reservations still waiting for a proof, made before `moment`."""
        query = (
            select(Order)
            .where(orm.orders.c.status == OrderStatus.RESERVED, orm.orders.c.created_at <= moment)
            .order_by(orm.orders.c.id)
            .limit(limit)
        )
        return list(self.session.scalars(query))

    def created_between(self, start: datetime, end: datetime) -> list[Order]:
        table = orm.orders
        query = select(Order).where(table.c.created_at >= start, table.c.created_at < end)
        return list(self.session.scalars(query))

    def due_to_expire(self, now: datetime, limit: int = 500) -> list[int]:
        query = (
            select(orm.orders.c.id)
            .where(orm.orders.c.status == OrderStatus.RESERVED, orm.orders.c.expires_at <= now)
            .order_by(orm.orders.c.expires_at)
            .limit(limit)
        )
        return list(self.session.scalars(query))
