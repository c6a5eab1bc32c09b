"""Outbox leases belong to the claim that took them: a slow batch keeps its lease, a lost
lease is not acted on by its old holder, and a bug in delivery is not retried like a network
error. Two dispatchers race on real PostgreSQL with a slow sender and an injected clock."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.delivery.dispatch import LEASE, Dispatcher
from bot.delivery.notify import Channels
from bot.engine.events import Reply
from bot.services.announcements import announce
from bot.services.traders import register
from domain.traders import Language
from storage import orm
from storage.db import make_session_factory
from storage.uow import SqlUnitOfWork
from tests.conftest import NOW, _truncate
from tests.integration.helpers import ready

RECIPIENTS = 40


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self):
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class Recorder:
    def __init__(self, sent: list[str], then=lambda: None) -> None:
        self.sent, self.then = sent, then

    def send(self, user_ref: str, reply: Reply) -> None:
        self.sent.append(user_ref)
        self.then()


def dispatcher(uow_factory, clock, sender) -> Dispatcher:
    channels = Channels()
    channels.senders["telegram"] = sender
    return Dispatcher(uow_factory, channels, clock)


def traders(uow_factory, count: int, english: set[int] = frozenset()) -> list[str]:
    ready(uow_factory(), NOW)
    for n in range(count):
        register(
            uow_factory(),
            name=f"T {n}",
            phone=f"+224623{n:06d}",
            channel="telegram",
            user_ref=str(n),
            language=Language.EN if n in english else Language.FR,
            now=NOW,
        )
    return [str(n) for n in range(count)]


@pytest.fixture
def pg_uow_factory(pg_engine):
    _truncate(pg_engine)
    factory = make_session_factory(pg_engine)
    return lambda: SqlUnitOfWork(factory)


@pytest.mark.postgres
def test_a_batch_slower_than_its_lease_is_not_sent_again_by_a_second_dispatcher(pg_uow_factory):
    clock, sent = Clock(), []
    chats = traders(pg_uow_factory, RECIPIENTS)
    announce(pg_uow_factory(), "slow", "all", "Une seule fois", "admin", NOW)
    second = dispatcher(pg_uow_factory, clock, Recorder(sent))

    def thirty_seconds_later() -> None:  # each send is slow; the other dispatcher polls
        clock.advance(30)
        second.run_once()

    first = dispatcher(pg_uow_factory, clock, Recorder(sent, thirty_seconds_later))
    assert first.run_once(limit=RECIPIENTS) == RECIPIENTS  # 20 minutes for a 2-minute lease
    while second.run_once():
        pass
    assert Counter(sent) == Counter(chats)  # each recipient exactly once
    with pg_uow_factory() as uow:
        assert uow.outbox.counts() == {"sent": RECIPIENTS}


@pytest.mark.postgres
def test_a_lease_lost_in_a_stall_is_left_to_its_new_holder(pg_uow_factory):
    clock, sent = Clock(), []
    chats = traders(pg_uow_factory, RECIPIENTS)
    announce(pg_uow_factory(), "stall", "all", "Une seule fois", "admin", NOW)
    second = dispatcher(pg_uow_factory, clock, Recorder(sent))
    stalled = []

    def stall_once() -> None:  # the first send hangs past the lease; the other takes over
        if not stalled:
            stalled.append(1)
            clock.advance(LEASE.total_seconds() + 60)
            second.run_once()

    first = dispatcher(pg_uow_factory, clock, Recorder(sent, stall_once))
    first.run_once(limit=RECIPIENTS)
    counts = Counter(sent)
    assert set(counts) == set(chats)
    assert sum(counts.values()) == RECIPIENTS + 1  # the one send in flight, at most, twice


def test_only_the_lease_holder_may_finish_or_renew_a_row(uow):
    traders(lambda: uow, 1)
    announce(uow, "own", "all", "À moi", "admin", NOW)
    with uow:
        [row] = uow.outbox.claim(NOW, ["telegram"], LEASE, 10, "holder")
        uow.commit()
    with uow:
        assert uow.outbox.claim(NOW, ["telegram"], LEASE, 10, "thief") == []
        assert uow.outbox.finish(row["id"], "thief", "sent", NOW) is False
        assert uow.outbox.renew([row["id"]], "thief", NOW + LEASE) == set()
        uow.commit()
    with uow:
        stored = uow.session.execute(select(orm.outbox)).one()
        assert (stored.status, stored.lease_owner, stored.sent_at) == ("sending", "holder", None)
        assert uow.outbox.renew([row["id"]], "holder", NOW + 2 * LEASE) == {row["id"]}
        assert uow.outbox.finish(row["id"], "holder", "sent", NOW) is True
        uow.commit()
    with uow:
        assert uow.outbox.counts() == {"sent": 1}


def test_a_bug_fails_at_once_apologises_in_their_language_and_alerts_once(session_factory):
    uow_factory = lambda: SqlUnitOfWork(session_factory)  # noqa: E731
    clock = Clock()
    traders(uow_factory, 3, english={1})
    announce(uow_factory(), "bug", "all", "Annonce", "admin", NOW)

    class Buggy:
        def send(self, user_ref: str, reply: Reply) -> None:
            if reply.text.startswith("📢"):
                raise AttributeError("a programming error in a sender")

    assert dispatcher(uow_factory, clock, Buggy()).run_once() == 3
    with uow_factory() as uow:
        rows = uow.session.execute(select(orm.outbox).order_by(orm.outbox.c.id)).all()
    announcements = [r for r in rows if r.template == "notify.announcement"]
    assert [(r.status, r.attempts) for r in announcements] == [("failed", 1)] * 3
    apologies = {r.recipient: r.lang for r in rows if r.template == "bug.notification_sorry"}
    assert apologies == {"0": "fr", "1": "en", "2": "fr"}
    assert [r.template for r in rows].count("admin.bug") == 1  # one alert for the three


def test_a_network_error_is_retried_later_not_failed(session_factory):
    uow_factory = lambda: SqlUnitOfWork(session_factory)  # noqa: E731
    clock = Clock()
    traders(uow_factory, 1)
    announce(uow_factory(), "net", "all", "Annonce", "admin", NOW)

    class Down:
        def send(self, user_ref: str, reply: Reply) -> None:
            raise ConnectionError("network down")

    dispatcher(uow_factory, clock, Down()).run_once()
    with uow_factory() as uow:
        row = uow.session.execute(select(orm.outbox)).one()
    assert (row.status, row.attempts) == ("pending", 1) and row.next_attempt_at > NOW


def test_telegram_refusals_are_failed_deliveries_not_bugs():
    from telegram.error import Forbidden, NetworkError

    from bot.channels.telegram_delivery import telegram_refusals
    from domain.errors import DeliveryFailed

    for error in (NetworkError("reset"), Forbidden("bot was blocked by the user")):
        with pytest.raises(DeliveryFailed), telegram_refusals():
            raise error
