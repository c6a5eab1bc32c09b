"""The WhatsApp worker and its queue: a lease kept while a long message is handled, a worker
whose lease ran out sends nothing more, a message that kills its worker each time is given
up, a busy chat puts the message back, and a failed commit loses no delivery-log entry."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.engine.events import Reply
from bot.text.messages import t
from storage import orm
from storage.uow import SqlUnitOfWork
from tests.channels.test_whatsapp import TRADER, WhatsAppWorld, fake_twilio, wa
from tests.channels.test_whatsapp_failures import WorkerDied, inbound_rows, post
from tests.flows.conftest import BusyConversations
from webhooks.inbound import LEASE, MAX_ATTEMPTS, InboundWorker

_fixtures = (fake_twilio, wa)  # the WhatsApp world's fixtures, used here too
REPLIES = ["un", "deux", "trois"]


class Answers:
    """An engine that answers every message with the same replies; `then` runs inside it."""

    def __init__(self, then=lambda: None) -> None:
        self.then, self.calls = then, 0

    def attempt(self, event):
        self.calls += 1
        self.then()
        return [Reply(text) for text in REPLIES]


class SlowSender:
    """The real sender, with `before` run before each piece goes (a slow Twilio)."""

    def __init__(self, sender, before) -> None:
        self.sender, self.before = sender, before

    def deliver(self, to: str, piece: Reply) -> None:
        self.before()
        self.sender.deliver(to, piece)

    def __getattr__(self, name: str):
        return getattr(self.sender, name)


def second_worker(wa: WhatsAppWorld, engine) -> InboundWorker:
    first = wa.worker
    return InboundWorker(
        uow_factory=first.uow_factory,
        engine=engine,
        sender=first.sender,
        recent=first.recent,
        media_auth=first.media_auth,
        clock=first.clock,
        lease=first.lease,
    )


def test_a_message_handled_longer_than_its_lease_is_not_taken_by_another_worker(wa, time_machine):
    other = second_worker(wa, Answers())

    def slow_send() -> None:  # each send takes most of a lease; the other worker polls
        time_machine.shift(LEASE * 0.7)
        assert other.run_once() is False

    wa.worker.engine = Answers()
    wa.worker.sender = SlowSender(wa.worker.sender, slow_send)
    post(wa, "bonjour", "SM" + "1" * 32)
    wa.drain()
    assert wa.fake.bodies(TRADER) == REPLIES  # each once, in order
    assert [row.status for row in inbound_rows(wa)] == ["done"]


def test_a_worker_whose_lease_ran_out_sends_nothing_and_changes_nothing(wa, time_machine):
    other = second_worker(wa, Answers())

    def stall_past_the_lease() -> None:  # the other worker takes over and answers
        time_machine.shift(LEASE + timedelta(seconds=1))
        assert other.run_once() is True
        other.flush()

    wa.worker.engine = Answers(stall_past_the_lease)
    post(wa, "bonjour", "SM" + "2" * 32)
    wa.drain()
    assert wa.fake.bodies(TRADER) == REPLIES  # from the new holder only
    [row] = inbound_rows(wa)
    assert (row.status, row.attempts, row.last_error, row.lease_owner) == ("done", 2, None, None)


def test_a_message_that_kills_its_worker_each_time_is_given_up_and_the_next_answered(
    wa, time_machine
):
    engine = wa.worker.engine

    class Dies:
        calls = 0

        def attempt(self, event):
            self.calls += 1
            raise WorkerDied

    dies = wa.worker.engine = Dies()
    post(wa, "bonjour", "SM" + "3" * 32)
    post(wa, "bonjour", "SM" + "4" * 32)  # the same trader's next message waits its turn
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(WorkerDied):
            wa.worker.run_once()
        time_machine.shift(LEASE + timedelta(seconds=1))  # the dead worker's lease runs out
    wa.worker.engine = engine
    wa.drain()
    assert dies.calls == MAX_ATTEMPTS  # not run a sixth time
    lost, answer = wa.fake.bodies(TRADER)
    assert lost == t("wa.message_lost", "fr")
    assert "quel est votre nom" in answer  # the next message, answered after the give-up
    first, second = inbound_rows(wa)
    assert (first.status, first.attempts) == ("failed", MAX_ATTEMPTS + 1)
    assert second.status == "done"
    with wa.services.uow_factory() as uow:
        query = select(orm.outbox.c.template).where(orm.outbox.c.template.like("admin.%"))
        assert list(uow.session.scalars(query)) == ["admin.inbound_failed"]  # alerted once


def test_a_busy_chat_puts_the_message_back_instead_of_answering_busy(wa, time_machine):
    engine = wa.worker.engine
    conversations = engine.conversations
    engine.conversations = BusyConversations(conversations)
    post(wa, "bonjour", "SM" + "5" * 32)
    wa.drain()
    assert wa.fake.bodies(TRADER) == []  # no "busy" text
    [row] = inbound_rows(wa)
    assert (row.status, row.last_error) == ("pending", "busy")
    engine.conversations = conversations  # the chat is free again
    time_machine.shift(timedelta(seconds=5))
    wa.drain()
    [answer] = wa.fake.bodies(TRADER)
    assert "quel est votre nom" in answer
    assert [row.status for row in inbound_rows(wa)] == ["done"]


class CommitFails(SqlUnitOfWork):
    def commit(self) -> None:
        raise ConnectionError("the database went away at the commit")


def test_a_failed_commit_keeps_the_sends_to_record_with_the_next(wa, time_machine):
    services, failing, armed = wa.services, [], []

    def factory():
        real = services.uow_factory()
        return CommitFails(real.session_factory) if failing and failing.pop() else real

    def before_a_send() -> None:  # once a piece went: the next transaction fails, once
        if wa.fake.messages(TRADER) and not armed:
            armed.append(True)
            failing.append(True)

    wa.worker.uow_factory = factory
    wa.worker.engine = Answers()
    wa.worker.sender = SlowSender(wa.worker.sender, before_a_send)
    post(wa, "bonjour", "SM" + "6" * 32)
    wa.drain()
    time_machine.shift(timedelta(seconds=10))  # the retry
    wa.drain()
    sent = len(wa.fake.messages(TRADER))
    assert sent >= len(REPLIES)
    with services.uow_factory() as uow:
        table = orm.outbound_status
        logged = uow.session.scalar(select(func.count()).where(table.c.recipient == TRADER))
    assert logged == sent  # every send has its delivery-log entry
