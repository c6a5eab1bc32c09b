"""SQL storage of the pricing terms: rate, commission, tariffs."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from domain.pricing import Category, Tariff
from storage import orm


class SqlPricingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.changed = False  # a term was added: the unit of work bumps their version on commit

    def _latest(self, table: Table, column: str) -> tuple[Decimal, datetime] | None:
        query = select(table.c[column], table.c.set_at).order_by(table.c.id.desc()).limit(1)
        row = self.session.execute(query).first()
        return None if row is None else (row[0], row[1])

    def current_rate(self) -> tuple[Decimal, datetime] | None:
        return self._latest(orm.exchange_rates, "rate")

    def current_commission(self) -> tuple[Decimal, datetime] | None:
        return self._latest(orm.commission_rates, "pct")

    def current_tariff(self, category: Category) -> Tariff | None:
        table = orm.tariffs
        query = (
            select(table.c.client_per_cbm, table.c.real_per_cbm, table.c.set_at)
            .where(table.c.category == category)
            .order_by(table.c.id.desc())
            .limit(1)
        )
        row = self.session.execute(query).first()
        return None if row is None else Tariff(category, row[0], row[1], row[2])

    def add_rate(self, rate: Decimal, actor: str, now: datetime) -> None:
        self.changed = True
        self.session.execute(insert(orm.exchange_rates).values(rate=rate, set_at=now, set_by=actor))

    def add_commission(self, pct: Decimal, actor: str, now: datetime) -> None:
        self.changed = True
        self.session.execute(insert(orm.commission_rates).values(pct=pct, set_at=now, set_by=actor))

    def add_tariff(self, tariff: Tariff, actor: str) -> None:
        self.changed = True
        self.session.execute(
            insert(orm.tariffs).values(
                category=tariff.category,
                client_per_cbm=tariff.client_per_cbm,
                real_per_cbm=tariff.real_per_cbm,
                set_at=tariff.set_at,
                set_by=actor,
            )
        )
