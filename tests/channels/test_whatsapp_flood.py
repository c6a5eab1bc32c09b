"""One WhatsApp number flooding the bot: its first messages of a minute are answered, the
rest acknowledged to Twilio but neither stored nor answered, and the sender told once."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from domain.errors import CounterUnavailable
from storage import orm
from storage.db import make_engine, make_session_factory
from storage.hit_counter import RedisHitCounter
from storage.kv import make_redis
from storage.uow import SqlUnitOfWork
from tests.channels.test_whatsapp import TRADER, WhatsAppWorld
from tests.conftest import NOW
from tests.fakes.twilio_api import FakeTwilio
from webhooks.inbound_store import InboundStore, SenderLimit

TOO_MANY = "Vous m'envoyez beaucoup de messages d'un coup"
OTHER = "whatsapp:+224620654321"


@pytest.fixture
def fake():
    fake = FakeTwilio().start()
    yield fake
    fake.stop()


def stored(services) -> int:
    with services.uow_factory() as uow:
        return uow.session.scalar(select(func.count()).select_from(orm.inbound_queue))


def test_a_flood_is_acknowledged_but_only_the_first_messages_of_a_minute_are_handled(
    fake, tmp_path
):
    wa = WhatsAppWorld(fake, tmp_path, whatsapp_sender_max_per_minute=3)
    for n in range(3):
        wa.say(f"bonjour {n}")  # asserts Twilio got a 200 each time
    answered = len(fake.bodies(TRADER))
    assert answered >= 3 and stored(wa.services) == 3
    for n in range(4):
        wa.say(f"encore {n}")  # acknowledged: Twilio must not retry them
    bodies = fake.bodies(TRADER)[answered:]
    assert stored(wa.services) == 3
    assert len(bodies) == 1 and TOO_MANY in bodies[0]  # told once, nothing else answered
    wa.say("bonjour", sender=OTHER)  # another number, the same minute: not affected
    assert stored(wa.services) == 4 and fake.bodies(OTHER)


def test_one_sender_racing_from_many_threads_stores_exactly_the_limit_and_is_told_once(
    db_url, redis_client
):
    engine = make_engine(db_url)
    factory = make_session_factory(engine)
    store = InboundStore(
        lambda: SqlUnitOfWork(factory),
        lambda: NOW,
        limit=SenderLimit(RedisHitCounter(redis_client), per_minute=5),
    )
    start = threading.Barrier(20)

    def send(n: int) -> None:
        start.wait()
        store.enqueue({"MessageSid": f"SM{n:032d}", "From": TRADER, "Body": "x"})

    threads = [threading.Thread(target=send, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with SqlUnitOfWork(factory) as uow:
        queued = uow.session.scalar(select(func.count()).select_from(orm.inbound_queue))
        notices = uow.session.scalars(
            select(orm.outbox.c.template).where(orm.outbox.c.recipient == TRADER)
        ).all()
    engine.dispose()
    assert queued == 5
    assert notices == ["wa.too_many"]


def test_the_next_minute_the_sender_is_heard_again(db_url, redis_client):
    engine = make_engine(db_url)
    factory = make_session_factory(engine)
    now = [NOW]
    store = InboundStore(
        lambda: SqlUnitOfWork(factory),
        lambda: now[0],
        limit=SenderLimit(RedisHitCounter(redis_client), per_minute=1),
    )
    form = {"From": TRADER, "Body": "x"}
    assert store.enqueue({**form, "MessageSid": "SM1"})
    assert not store.enqueue({**form, "MessageSid": "SM2"})
    now[0] += timedelta(seconds=60)
    assert store.enqueue({**form, "MessageSid": "SM3"})
    engine.dispose()


class DeadCounter:
    """A HitCounter whose Redis does not answer."""

    def hit(self, key: str, window_s: int, now) -> int:
        raise CounterUnavailable("connection refused")


def test_with_the_counter_down_every_message_is_still_stored(uow, session_factory):
    store = InboundStore(
        lambda: SqlUnitOfWork(session_factory), lambda: NOW, limit=SenderLimit(DeadCounter(), 1)
    )
    for n in range(3):
        assert store.enqueue({"MessageSid": f"SM{n}", "From": TRADER, "Body": "x"})


def test_a_dead_redis_is_reported_as_an_unavailable_counter():
    counter = RedisHitCounter(make_redis("redis://127.0.0.1:1/0"))
    with pytest.raises(CounterUnavailable):
        counter.hit("k", 60, NOW)
