"""A Telegram update that kills its worker every time (a poison update: the process dies
before it is marked done) is claimed again when its lease ends, by the restarted bot: without
a limit, it would crash the bot forever, every lease. Like the WhatsApp worker's MAX_ATTEMPTS,
an update claimed more often without an outcome is failed, the admins told once, the sender
asked to send it again, and the updates stored after it are handled."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.channels.telegram_inbox import LEASE, MAX_ATTEMPTS, TelegramInbox
from bot.services.updates import TELEGRAM
from storage import orm
from storage.uow import SqlUnitOfWork
from tests.conftest import NOW


def update(update_id: int) -> dict:
    chat = {"id": 42, "type": "private"}
    return {"update_id": update_id, "message": {"message_id": 1, "date": 0, "chat": chat}}


def store(uow: SqlUnitOfWork, update_id: int) -> None:
    with uow:
        assert uow.inbound.enqueue(TELEGRAM, str(update_id), update(update_id), NOW)
        uow.commit()


def payload(claimed: tuple[int, dict] | None) -> dict | None:
    return None if claimed is None else claimed[1]


def inbox_at(uow: SqlUnitOfWork, now) -> TelegramInbox:
    """A bot (re)started at `now`: an inbox of its own (a new owner), nothing in hand."""
    return TelegramInbox(None, lambda: uow, lambda: now)


def test_an_update_whose_worker_dies_each_time_is_given_up_and_the_next_one_handled(uow):
    store(uow, 1)
    store(uow, 2)
    now = NOW
    for _ in range(MAX_ATTEMPTS):  # each time claimed, then the bot killed before the finish
        assert payload(inbox_at(uow, now)._claim()) == update(1)
        now += LEASE + timedelta(seconds=1)
    restarted = inbox_at(uow, now)
    assert restarted._claim() is None  # given up, not handled a sixth time
    assert payload(restarted._claim()) == update(2)
    with uow:
        table = orm.inbound_queue
        status = uow.session.scalar(select(table.c.status).where(table.c.message_id == "1"))
        outbox = orm.outbox.c
        told = uow.session.execute(select(outbox.key, outbox.recipient, outbox.template)).all()
    assert status == "failed"
    assert sorted(tuple(row) for row in told) == [
        ("inbound-failed:telegram:1", "", "admin.inbound_failed"),
        ("inbound-lost:telegram:1", "42", "wa.message_lost"),  # the trader: send it again
    ]
