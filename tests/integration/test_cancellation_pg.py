"""A container cancelled under contention on real PostgreSQL: ten orders (some paid, some
not), cancelled twice and by two admins at once, with the same use case production runs.
Each paid order is credited exactly once, the volume released, each trader told once."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.services import balances
from bot.services import cancellation as service
from domain.containers import Stage
from domain.errors import DomainError, InvalidInput
from domain.ledger import EntryKind, LedgerEntry
from domain.orders import OrderStatus
from tests.conftest import NOW
from tests.integration import test_ledger_pg
from tests.integration.helpers import order, ready, trader
from tests.integration.test_ledger_pg import paid, race

uow_factory = test_ledger_pg.uow_factory  # its fixture: one connection per thread

pytestmark = pytest.mark.postgres
TOTAL_3_CBM = 28_125_000  # 3 CBM of textile at 10 000 ¥ with the default terms


def ten_orders(uow_factory) -> tuple[list[int], list[int], list[int]]:
    """Five traders, two orders each: the first paid, the second only reserved."""
    ready(uow_factory(), NOW)
    traders, paid_ids, unpaid_ids = [], [], []
    for n in range(5):
        trader_id = trader(uow_factory(), NOW, phone=f"+22462012340{n}").id
        traders.append(trader_id)
        paid_ids.append(paid(uow_factory, trader_id))
        unpaid_ids.append(order(uow_factory(), trader_id, NOW).order.id)
    return traders, paid_ids, unpaid_ids


def cancel(uow_factory, actor: str = "admin"):
    return service.cancel_container(uow_factory(), "TD-2026-01", "faillite", actor, NOW, 76_000)


def check_cancelled_once(uow_factory, traders, paid_ids, unpaid_ids) -> None:
    with uow_factory() as uow:
        container = uow.containers.by_code("TD-2026-01")
        assert container.stage is Stage.ANNULE and container.used_l == 0
        for order_id in paid_ids + unpaid_ids:
            assert uow.orders.get(order_id).status is OrderStatus.CANCELLED
        for trader_id in traders:
            entries = [e for e in uow.ledger.entries(trader_id) if e.kind is EntryKind.CANCELLATION]
            assert [e.amount_gnf for e in entries] == [TOTAL_3_CBM]  # the paid order, once
            assert uow.ledger.balance(trader_id) == TOTAL_3_CBM
        told = [r for r in _outbox(uow) if r.template == "credit_card"]
        assert sorted(r.recipient for r in told) == sorted(f"+22462012340{n}" for n in range(5))
        assert [c.code for c in uow.containers.open_for_orders()] == ["TD-2026-02"]


def _outbox(uow):
    from sqlalchemy import text

    return list(uow.session.execute(text("SELECT recipient, template FROM outbox")))


def test_cancelled_twice_credits_once_and_tells_once(uow_factory):
    traders, paid_ids, unpaid_ids = ten_orders(uow_factory)
    seen = service.preview(uow_factory(), "TD-2026-01")
    assert seen.credited_gnf == 5 * TOTAL_3_CBM and len(seen.affected) == 5
    done = cancel(uow_factory)
    assert done.credited_gnf == 5 * TOTAL_3_CBM and done.opened == "TD-2026-02"
    with pytest.raises(DomainError):
        cancel(uow_factory)  # a retry, or the button pressed again
    check_cancelled_once(uow_factory, traders, paid_ids, unpaid_ids)


def test_two_admins_at_once_cancel_once(uow_factory):
    traders, paid_ids, unpaid_ids = ten_orders(uow_factory)
    outcomes = race(8, lambda i: cancel(uow_factory, f"admin {i}"))
    assert sum(not isinstance(o, DomainError) for o in outcomes) == 1
    check_cancelled_once(uow_factory, traders, paid_ids, unpaid_ids)


def test_orders_placed_while_it_is_cancelled_are_cancelled_or_go_to_the_next_one(uow_factory):
    """A reservation racing the cancellation is either seen and cancelled with the others,
    or refused by the cancelled container: none is left active in it."""
    traders, *_ = ten_orders(uow_factory)

    def work(i: int):
        if i == 0:
            return cancel(uow_factory)
        return order(uow_factory(), traders[i % 5], NOW, container_code="TD-2026-01").order.id

    race(6, work)
    with uow_factory() as uow:
        container = uow.containers.by_code("TD-2026-01")
        assert container.stage is Stage.ANNULE and container.used_l == 0
        assert not [o for o in uow.orders.for_container(container.id) if o.holds_volume]


def test_a_refund_request_through_to_paid_once(uow_factory):
    traders, *_ = ten_orders(uow_factory)
    cancel(uow_factory)
    request = balances.request_refund(uow_factory(), traders[0], NOW)
    with pytest.raises(InvalidInput):
        balances.request_refund(uow_factory(), traders[0], NOW)  # one open at a time
    outcomes = race(
        6, lambda i: balances.pay_refund(uow_factory(), request.id, "OM-4242", f"admin {i}", NOW)
    )
    assert sum(not isinstance(o, DomainError) for o in outcomes) == 1
    with uow_factory() as uow:
        refunds = [e for e in uow.ledger.entries(traders[0]) if e.kind is EntryKind.REFUND]
        assert [e.amount_gnf for e in refunds] == [-TOTAL_3_CBM]
        assert uow.ledger.balance(traders[0]) == 0
        assert uow.refunds.open_for(traders[0]) is None


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.integers(-(10**9), 10**9).filter(bool)),
        min_size=1,
        max_size=20,
    )
)
def test_no_key_is_ever_applied_twice_and_the_balance_is_the_sum(uow_factory, writes):
    """Writes with repeating keys, each key written by two connections at once: the balance
    is the sum of one amount per key (the first written), and equals Σ entries."""
    ready(uow_factory(), NOW)
    with uow_factory() as uow:
        trader_id = (uow.traders.by_phone("+224620123456") or trader(uow_factory(), NOW)).id
    run = uuid.uuid4().hex[:8]

    def write(amount: int, key: str) -> bool:
        uow = uow_factory()
        with uow:
            added = uow.ledger.add(LedgerEntry(trader_id, amount, EntryKind.ADJUSTMENT, key, NOW))
            uow.commit()
            return added

    applied: dict[str, int] = {}
    for slot, amount in writes:
        key = f"{run}:{slot}"
        outcomes = race(2, lambda _i, a=amount, k=key: write(a, k))
        assert outcomes.count(True) == (0 if key in applied else 1)
        applied.setdefault(key, amount)
    with uow_factory() as uow:
        mine = [e for e in uow.ledger.entries(trader_id) if e.key.startswith(run)]
        assert sorted(e.key for e in mine) == sorted(applied)
        assert sum(e.amount_gnf for e in mine) == sum(applied.values())
        assert uow.ledger.balance(trader_id) == sum(
            e.amount_gnf for e in uow.ledger.entries(trader_id)
        )
