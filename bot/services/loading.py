"""Orders loaded: when a container leaves collecte, its measured orders are on board."""

from __future__ import annotations

from datetime import datetime

from domain.containers import Container
from domain.orders import OrderStatus
from domain.ports.unit_of_work import UnitOfWork

MEASURED = frozenset({OrderStatus.RECEIVED, OrderStatus.ADJUSTED})


def load_orders(uow: UnitOfWork, container: Container, actor: str, now: datetime) -> int:
    """Every order of `container` measured at the warehouse and not awaiting the trader's
    answer becomes loaded, each audited; returns how many. Paid orders never measured keep
    following their container, and a contested one waits for its answer."""
    loaded = 0
    for order in uow.orders.for_container(container.stored_id):
        if order.status not in MEASURED:
            continue
        receipt = uow.warehouse.for_order(order.stored_id)
        if receipt is not None and receipt.awaiting_answer:
            continue
        order.move_to(OrderStatus.LOADED, now)
        uow.audit.record(actor, "load_order", {"order": order.number, "code": container.code}, now)
        loaded += 1
    return loaded
