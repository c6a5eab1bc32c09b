"""Orders as a CSV document (UTF-8 with BOM, so spreadsheet programs read the accents)."""

from __future__ import annotations

import csv
import io

from domain.containers import Container
from domain.orders import Order
from domain.ports.unit_of_work import UnitOfWork
from domain.traders import Trader

COLUMNS = [
    "numero",
    "date",
    "commercant",
    "telephone",
    "conteneur",
    "categorie",
    "volume_cbm",
    "prix_cny",
    "taux",
    "marchandises_gnf",
    "commission_gnf",
    "logistique_gnf",
    "total_gnf",
    "cout_reel_gnf",
    "marge_gnf",
    "statut",
]


def orders_csv(uow: UnitOfWork) -> tuple[int, bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(COLUMNS)
    count = 0
    with uow:
        traders: dict[int, Trader | None] = {}
        for container in uow.containers.list_all():
            for order in uow.orders.for_container(container.stored_id):
                if order.trader_id not in traders:
                    traders[order.trader_id] = uow.traders.get(order.trader_id)
                writer.writerow(_row(order, traders[order.trader_id], container))
                count += 1
    return count, buffer.getvalue().encode("utf-8-sig")


def _row(order: Order, trader: Trader | None, container: Container) -> list[object]:
    """One order; a trader the database no longer knows leaves the trader cells empty."""
    return [
        order.number,
        order.created_at.isoformat(),
        trader.name if trader else "",
        trader.phone if trader else "",
        container.code,
        order.category.value,
        f"{order.volume_l / 1000:.3f}",
        f"{order.price_fen / 100:.2f}",
        str(order.rate),
        order.goods_gnf,
        order.commission_gnf,
        order.logistics_gnf,
        order.total_gnf,
        order.real_cost_gnf,
        order.margin_gnf,
        order.status.value,
    ]
