"""The orders CSV: one row per order, whatever the repositories answer."""

from __future__ import annotations

import csv
import io

from bot.admin.export import COLUMNS, orders_csv
from domain.containers import Container
from domain.orders import Order
from tests.unit.test_orders import new_order


class _Containers:
    def __init__(self, containers: list[Container]) -> None:
        self.containers = containers

    def list_all(self) -> list[Container]:
        return self.containers


class _Orders:
    def __init__(self, orders: list[Order]) -> None:
        self.orders = orders

    def for_container(self, container_id: int) -> list[Order]:
        return [o for o in self.orders if o.container_id == container_id]


class _NoTraders:
    """The port's `get` may answer None: a trader the database no longer knows."""

    def get(self, trader_id: int) -> None:
        return None


class FakeExportUnitOfWork:
    def __init__(self, containers: list[Container], orders: list[Order]) -> None:
        self.containers = _Containers(containers)
        self.orders = _Orders(orders)
        self.traders = _NoTraders()

    def __enter__(self) -> FakeExportUnitOfWork:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass


def test_an_order_whose_trader_is_unknown_is_exported_with_empty_trader_cells():
    order = new_order(id=7, container_id=3)
    uow = FakeExportUnitOfWork([Container("TD-2026-01", id=3)], [order])
    count, content = orders_csv(uow)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert count == 1 and rows[0] == COLUMNS
    trader = dict(zip(COLUMNS, rows[1], strict=True))
    assert (trader["numero"], trader["commercant"], trader["telephone"]) == ("C00007", "", "")
    assert trader["conteneur"] == "TD-2026-01"
