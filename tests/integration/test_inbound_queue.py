"""The inbound queue's claims: one owner per message (only it renews, saves or finishes),
and one sender's messages one at a time, in order, while different senders' go side by side.
On SQLite and PostgreSQL; several workers race on real PostgreSQL."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from storage import orm
from storage.db import make_session_factory
from storage.uow import SqlUnitOfWork
from tests.conftest import NOW, _truncate

LEASE = timedelta(minutes=2)


def enqueue(uow, sid: str, sender: str | None) -> None:
    with uow:
        assert uow.inbound.enqueue("whatsapp", sid, {"MessageSid": sid}, NOW, sender)
        uow.commit()


def claim(uow, owner: str, now=NOW) -> str | None:
    """The MessageSid `owner` claims, if any."""
    with uow:
        claimed = uow.inbound.claim(now, LEASE, "whatsapp", owner)
        uow.commit()
    return None if claimed is None else claimed[2]["MessageSid"]


def finish(uow, sid: str, owner: str, status: str = "done", retry_at=None) -> bool:
    with uow:
        item_id = uow.session.scalar(
            select(orm.inbound_queue.c.id).where(orm.inbound_queue.c.message_id == sid)
        )
        done = uow.inbound.finish(item_id, owner, status, retry_at=retry_at)
        uow.commit()
    return done


def row(uow, sid: str):
    with uow:
        table = orm.inbound_queue
        return uow.session.execute(select(table).where(table.c.message_id == sid)).one()


def test_only_the_lease_holder_may_renew_save_or_finish_a_message(uow):
    enqueue(uow, "m1", "whatsapp:+1")
    assert claim(uow, "holder") == "m1"
    item_id = row(uow, "m1").id
    with uow:
        assert uow.inbound.finish(item_id, "thief", "failed", "not mine") is False
        assert uow.inbound.renew([item_id], "thief", NOW + 2 * LEASE) == set()
        assert uow.inbound.save_payload(item_id, "thief", {"_sent": 9}, NOW + LEASE) is False
        uow.commit()
    stored = row(uow, "m1")
    assert (stored.status, stored.lease_owner, stored.last_error) == ("working", "holder", None)
    assert stored.next_attempt_at == NOW + LEASE and '"_sent"' not in stored.payload
    with uow:
        assert uow.inbound.renew([item_id], "holder", NOW + 2 * LEASE) == {item_id}
        assert uow.inbound.save_payload(item_id, "holder", {"_sent": 1}, NOW + 3 * LEASE)
        uow.commit()
    assert row(uow, "m1").next_attempt_at == NOW + 3 * LEASE


def test_a_lapsed_lease_passes_to_the_next_claim_and_the_old_holder_changes_nothing(uow):
    enqueue(uow, "m1", "whatsapp:+1")
    assert claim(uow, "first") == "m1"
    assert claim(uow, "second", NOW + LEASE / 2) is None  # still leased
    assert claim(uow, "second", NOW + LEASE) == "m1"  # the lease ran out
    assert finish(uow, "m1", "first", "failed") is False  # the stale worker's outcome
    assert (row(uow, "m1").status, row(uow, "m1").attempts) == ("working", 2)
    assert finish(uow, "m1", "second") is True
    assert (row(uow, "m1").status, row(uow, "m1").lease_owner) == ("done", None)


def test_one_senders_next_message_waits_for_the_one_before_it(uow):
    for sid, sender in [("a1", "A"), ("a2", "A"), ("b1", "B"), ("t1", None), ("t2", None)]:
        enqueue(uow, sid, sender)
    assert claim(uow, "w1") == "a1"
    assert claim(uow, "w2") == "b1"  # not a2: a1 is still in hand
    assert claim(uow, "w3") == "t1"  # without a sender, no order is kept
    assert claim(uow, "w4") == "t2"
    assert claim(uow, "w5") is None
    assert finish(uow, "a1", "w1", "pending", retry_at=NOW + LEASE)  # to be retried later
    assert claim(uow, "w5", NOW + LEASE / 4) is None  # a2 still waits for it
    assert claim(uow, "w6", NOW + LEASE) == "a1"
    assert finish(uow, "a1", "w6", "failed")
    assert claim(uow, "w7", NOW + LEASE) == "a2"  # finished (even failed): the next one


@pytest.fixture
def pg_uow_factory(pg_engine):
    _truncate(pg_engine)
    factory = make_session_factory(pg_engine)
    return lambda: SqlUnitOfWork(factory)


SENDERS, PER_SENDER, WORKERS = 4, 10, 6


@pytest.mark.postgres
def test_racing_workers_answer_each_sender_in_order_and_senders_side_by_side(pg_uow_factory):
    """Six workers claim at the same moment, in rounds: each holds what it claimed until all
    have claimed, then finishes it. Each round takes exactly one message of every sender
    (never two of one, never none of one), the oldest left: strictly in order, side by side."""
    for n in range(PER_SENDER):
        for s in range(SENDERS):
            enqueue(pg_uow_factory(), f"s{s}-{n:02d}", f"whatsapp:+{s}")
    rounds: list[list[str]] = [[] for _ in range(PER_SENDER + 1)]
    finished: list[bool] = []
    claimed, done = threading.Barrier(WORKERS, timeout=60), threading.Barrier(WORKERS, timeout=60)

    def work(owner: str) -> None:
        for this_round in rounds:
            sid = claim(pg_uow_factory(), owner)  # all six at once
            if sid is not None:
                this_round.append(sid)
            claimed.wait()
            if sid is not None:
                finished.append(finish(pg_uow_factory(), sid, owner))
            done.wait()

    threads = [threading.Thread(target=work, args=(f"w{n}",)) for n in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = [[f"s{s}-{n:02d}" for s in range(SENDERS)] for n in range(PER_SENDER)]
    assert [sorted(taken) for taken in rounds] == [*expected, []]
    assert finished == [True] * SENDERS * PER_SENDER
