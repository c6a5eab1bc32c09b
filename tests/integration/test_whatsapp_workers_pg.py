"""Several WhatsApp workers on one real PostgreSQL: each trader's messages go through the
engine one at a time and in the order they came, each answered once (the README's "one
worker only" is gone)."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select

from bot.engine.events import Reply
from storage import orm
from tests.conftest import PG_URL, REDIS_URL, _truncate
from tests.fakes.twilio_api import FakeTwilio
from tests.flows.conftest import make_app
from webhooks.inbound import InboundWorker

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not (PG_URL and REDIS_URL), reason="needs PostgreSQL and Redis"),
]
SID, TOKEN = "AC" + "7" * 32, "workers-token"
TRADERS, MESSAGES, WORKERS = 3, 6, 4


class Recording:
    """An engine that notes when it starts and ends each message, and echoes it."""

    def __init__(self, events: list, lock: threading.Lock) -> None:
        self.events, self.lock = events, lock

    def attempt(self, event):
        with self.lock:
            self.events.append(("start", event.user_ref, event.text))
        time.sleep(0.005)  # a moment in hand, for the other workers to claim meanwhile
        with self.lock:
            self.events.append(("end", event.user_ref, event.text))
        return [Reply(f"re {event.text}")]


@pytest.fixture
def world(pg_engine):
    _truncate(pg_engine)
    fake = FakeTwilio(auth=(SID, TOKEN)).start()
    app = make_app(
        PG_URL,  # type: ignore[arg-type]
        redis_url=REDIS_URL,
        twilio_account_sid=SID,
        twilio_auth_token=TOKEN,
        twilio_api_base_url=fake.base_url,
        twilio_whatsapp_from="whatsapp:+14155238886",
        public_base_url="https://wa.example.org",
        whatsapp_interactive=False,
    )
    yield app.services, fake
    fake.stop()


def workers(services, engine, count: int) -> list[InboundWorker]:
    from bot.runtime.wiring import build_worker

    built = [build_worker(services) for _ in range(count)]
    for worker in built:
        worker.engine = engine
    return built


def unfinished(services) -> int:
    table = orm.inbound_queue
    with services.uow_factory() as uow:
        query = select(func.count()).where(table.c.status.in_(("pending", "working")))
        return uow.session.scalar(query)


def test_several_workers_answer_each_trader_in_order_once(world):
    services, fake = world
    events: list[tuple[str, str, str]] = []
    crew = workers(services, Recording(events, threading.Lock()), WORKERS)
    for trader in range(TRADERS):  # one trader's messages after the other's
        for n in range(MESSAGES):
            form = {"MessageSid": f"SM{trader}{n:030d}", "From": f"whatsapp:+22462000{trader}"}
            assert crew[0].enqueue({**form, "Body": f"m{n}", "NumMedia": "0"})

    threads = [  # the production loop, polling often
        threading.Thread(target=worker.serve_forever, kwargs={"idle_s": 0.01}) for worker in crew
    ]
    for thread in threads:
        thread.start()
    give_up_at = time.monotonic() + 120  # a safety net, not a measure: never hang the suite
    while unfinished(services) and time.monotonic() < give_up_at:
        time.sleep(0.02)
    for worker, thread in zip(crew, threads, strict=True):
        worker.stop()
        thread.join()
    for trader in range(TRADERS):
        address = f"whatsapp:+22462000{trader}"
        seen = [(kind, text) for kind, who, text in events if who == address]
        assert seen == [(kind, f"m{n}") for n in range(MESSAGES) for kind in ("start", "end")]
        assert fake.bodies(address) == [f"re m{n}" for n in range(MESSAGES)]
