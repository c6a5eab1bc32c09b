"""The money under contention on real PostgreSQL: no double credit, no credit spent twice,
no overfill by a re-measure. Threads on separate connections start together (a barrier).

SQLite serialises every writer, so passing there proves nothing: these run on PostgreSQL only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.services import containers as container_service
from bot.services import ledger as ledger_service
from bot.services import proofs as proof_service
from bot.services import warehouse as receipt_service
from bot.services.warehouse import ReceiptRequest
from domain.errors import DomainError
from domain.ledger import EntryKind, LedgerEntry
from domain.orders import OrderStatus
from domain.warehouse import NoRoomForMeasure
from storage.db import make_engine, make_session_factory
from storage.uow import SqlUnitOfWork
from tests.conftest import NOW, PG_URL
from tests.integration.helpers import PNG, order, ready, trader

pytestmark = pytest.mark.postgres
THREADS = 12


@pytest.fixture
def uow_factory(pg_engine):
    from tests.conftest import _truncate

    _truncate(pg_engine)
    engine = make_engine(PG_URL)  # its own pool: one connection per thread
    session_factory = make_session_factory(engine)
    yield lambda: SqlUnitOfWork(session_factory)
    engine.dispose()


def race(count: int, work: Callable[[int], object]) -> list[object]:
    """Run `work(i)` in `count` threads released together; each outcome or its DomainError."""
    barrier = threading.Barrier(count)

    def run(i: int) -> object:
        barrier.wait()
        try:
            return work(i)
        except DomainError as expected:
            return expected

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def paid(uow_factory, trader_id: int, volume_l: int = 3000, **extra) -> int:
    placed = order(uow_factory(), trader_id, NOW, volume_l=volume_l, **extra).order
    proof = proof_service.submit_proof(uow_factory(), trader_id, placed.id, PNG, None, NOW).proof
    proof_service.approve_proof(uow_factory(), proof.id, "admin", NOW)
    return placed.id


def test_the_same_credit_from_many_connections_is_one_entry(uow_factory):
    ready(uow_factory(), NOW)
    trader_id = trader(uow_factory(), NOW).id

    def credit(_: int) -> bool:
        uow = uow_factory()
        with uow:
            entry = LedgerEntry(trader_id, 2_500_000, EntryKind.ADJUSTMENT, "refund:42", NOW)
            written = uow.ledger.add(entry)
            uow.commit()
            return written

    assert sorted(race(THREADS, credit)) == [False] * (THREADS - 1) + [True]
    with uow_factory() as uow:
        assert len(uow.ledger.entries(trader_id)) == 1
        assert uow.ledger.balance(trader_id) == 2_500_000


def test_one_smaller_measure_recorded_by_many_admins_credits_once(uow_factory):
    ready(uow_factory(), NOW)
    trader_id = trader(uow_factory(), NOW).id
    order_id = paid(uow_factory, trader_id)

    def receive(i: int):
        request = ReceiptRequest(order_id, 2500, f"admin {i}")
        return receipt_service.record_receipt(uow_factory(), request, NOW)

    outcomes = race(THREADS, receive)
    assert sum(not isinstance(o, DomainError) for o in outcomes) == 1
    with uow_factory() as uow:
        assert uow.ledger.balance(trader_id) == 2_500_000
        assert len(uow.ledger.entries(trader_id)) == 1
        assert uow.containers.get(1).used_l == 2500
        assert uow.orders.get(order_id).status is OrderStatus.ADJUSTED


def test_a_credit_is_never_spent_twice_by_orders_placed_at_once(uow_factory):
    """Each order in its own container, so nothing but the trader's lock orders them."""
    ready(uow_factory(), NOW)
    trader_id = trader(uow_factory(), NOW).id
    with uow_factory() as uow:
        uow.ledger.add(LedgerEntry(trader_id, 30_000_000, EntryKind.ADJUSTMENT, "gift", NOW))
        codes = [container_service.open_container(uow, NOW, "admin").code for _ in range(THREADS)]
        uow.commit()

    def place(i: int):  # 1 CBM of textile: 12 500 000 + 625 000 + 5 000 000
        return order(uow_factory(), trader_id, NOW, volume_l=1000, container_code=codes[i]).order.id

    ids = race(THREADS, place)
    with uow_factory() as uow:
        used = [-sum(e.amount_gnf for e in uow.ledger.for_order(i)) for i in ids]
        assert uow.ledger.balance(trader_id) == 30_000_000 - sum(used) >= 0
        assert sorted(used, reverse=True)[:2] == [18_125_000, 11_875_000]  # all, then the rest
        assert sum(1 for u in used if u) == 2
        for order_id in ids:
            order_ = uow.orders.get(order_id)
            money = ledger_service.money_of(uow, order_)
            assert money.due_now_gnf == 18_125_000 - money.credit_used_gnf
            assert (order_.status is OrderStatus.PAID) == (money.due_now_gnf == 0)


def test_larger_measures_at_once_never_overfill_the_container(uow_factory):
    """Twelve orders of 3 CBM in a 40 CBM container, each measured at 3.5 CBM at once: only
    the re-reservations that fit succeed (4 CBM were left), the rest change nothing."""
    ready(uow_factory(), NOW, capacity_l=40_000)
    trader_id = trader(uow_factory(), NOW).id
    ids = [paid(uow_factory, trader_id, capacity_l=40_000) for _ in range(THREADS)]

    def receive(i: int):
        request = ReceiptRequest(ids[i], 3500, f"admin {i}")
        return receipt_service.record_receipt(uow_factory(), request, NOW)

    outcomes = race(THREADS, receive)
    done = [o for o in outcomes if not isinstance(o, DomainError)]
    assert len(done) == 8 and all(
        isinstance(o, NoRoomForMeasure) for o in outcomes if o not in done
    )
    with uow_factory() as uow:
        container = uow.containers.get(1)
        held = sum(o.volume_l for o in uow.orders.for_container(1) if o.holds_volume)
        assert container.used_l == held == 40_000 == container.capacity_l
        assert container.stage.value == "mer"  # filled by the re-measures: it left collecte
        waiting = [uow.orders.get(i) for i in ids if uow.warehouse.for_order(i) is None]
        assert len(waiting) == 4 and all(o.status is OrderStatus.PAID for o in waiting)


def test_accepting_one_measure_from_many_chats_moves_it_once(uow_factory):
    ready(uow_factory(), NOW)
    trader_id = trader(uow_factory(), NOW).id
    order_id = paid(uow_factory, trader_id)
    with uow_factory() as uow:
        uow.ledger.add(LedgerEntry(trader_id, 500_000, EntryKind.ADJUSTMENT, "gift", NOW))
        uow.commit()
    recorded = receipt_service.record_receipt(
        uow_factory(), ReceiptRequest(order_id, 3400, "admin"), NOW
    )

    def accept(_: int):
        return receipt_service.answer(uow_factory(), trader_id, recorded.receipt.id, True, NOW)

    outcomes = race(THREADS, accept)
    assert sum(not isinstance(o, DomainError) for o in outcomes) == 1
    with uow_factory() as uow:
        assert uow.ledger.balance(trader_id) == 0  # the 500 000 credit taken once
        order_ = uow.orders.get(order_id)
        assert ledger_service.remaining_due(uow, order_) == 2_000_000 - 500_000
        assert order_.status is OrderStatus.ADJUSTED


def test_the_books_balance_after_the_races(uow_factory):
    test_a_credit_is_never_spent_twice_by_orders_placed_at_once(uow_factory)
    with uow_factory() as uow:
        assert ledger_service.books_problems(uow, uow.ledger.traders()) == []
        uow.ledger.add(LedgerEntry(1, -(10**9), EntryKind.ADJUSTMENT, "overdraw", NOW))
        assert ledger_service.books_problems(uow, [1]) == ["trader 1: balance -1000000000"]
