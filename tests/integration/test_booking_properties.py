"""Random sequences of orders, cancels and expiries through the use cases on SQLite:
the container never overfills and `used` always equals the volume of active orders."""

from __future__ import annotations

import contextlib
import tempfile
import uuid
from datetime import timedelta
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from bot.services import orders as order_service
from bot.services.defaults import load_defaults
from domain.errors import ContainerClosed, ContainerFull, IllegalTransition, InvalidInput
from domain.pricing import Category
from storage.db import make_engine, make_session_factory
from storage.uow import SqlUnitOfWork
from tests.conftest import NOW, migrated_sqlite
from tests.integration.helpers import trader

CAPACITY_L = 10_000


class Bookings(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        url = migrated_sqlite(Path(self.folder.name) / "p.db")
        self.engine = make_engine(url)
        factory = make_session_factory(self.engine)
        self.uow = lambda: SqlUnitOfWork(factory)
        load_defaults(self.uow(), NOW, CAPACITY_L)
        self.trader_id = trader(self.uow(), NOW).id
        self.now = NOW
        self.placed: list[int] = []

    @rule(volume=st.integers(min_value=-5, max_value=12_000), next_one=st.booleans())
    def order(self, volume: int, next_one: bool) -> None:
        request = order_service.OrderRequest(
            self.trader_id, Category.DIVERS, volume, 100_000, uuid.uuid4().hex
        )
        try:
            placement = order_service.place_order(
                self.uow(), request, self.now, reservation=timedelta(hours=48),
                capacity_l=CAPACITY_L,
            )  # fmt: skip
            self.placed.append(placement.order.id)
        except (ContainerFull, ContainerClosed):
            assert volume > 0
        except InvalidInput:
            assert volume <= 0

    @rule(pick=st.integers(min_value=0, max_value=50))
    def cancel(self, pick: int) -> None:
        if self.placed:
            order_id = self.placed[pick % len(self.placed)]
            with contextlib.suppress(IllegalTransition):
                order_service.cancel_order(self.uow(), self.trader_id, order_id, self.now)

    @rule(hours=st.integers(min_value=1, max_value=60))
    def time_passes(self, hours: int) -> None:
        self.now += timedelta(hours=hours)
        order_service.expire_due(self.uow(), self.now)

    @invariant()
    def books_balance(self) -> None:
        with self.uow() as uow:
            for container in uow.containers.list_all():
                active = [o for o in uow.orders.for_container(container.id) if o.holds_volume]
                assert container.used_l == sum(o.volume_l for o in active)
                assert 0 <= container.used_l <= container.capacity_l
            assert uow.containers.open_for_orders()  # ordering never stops

    def teardown(self) -> None:
        self.engine.dispose()
        self.folder.cleanup()


Bookings.TestCase.settings = settings(max_examples=25, stateful_step_count=20, deadline=None)
TestBookings = Bookings.TestCase
