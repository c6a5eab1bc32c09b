"""Fresh databases and Redis numbers for each measurement, seeded through the production use
cases (as the fault suite does), and the fakes of Twilio and the Bot API with send times."""

from __future__ import annotations

import itertools
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from bench.stack import SECRET_KEY
from bot.runtime.infrastructure import Services, build
from bot.settings import Settings
from storage.kv import make_redis
from tests.fakes import telegram_api, twilio_api
from tests.fakes.server import FakeServer
from tests.fakes.telegram_api import SEND_METHODS, FakeTelegram
from tests.fakes.twilio_api import FakeTwilio
from tests.faults.harness import create_database, drop_database
from tests.faults.seed import ready, traders

PG_URL = os.environ.get("TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "")
_redis_dbs = itertools.cycle(range(1, 16))


class NoDelayServer(FakeServer):
    """The fakes' server without Nagle's algorithm: the fakes write the headers and the body
    apart, and on a kept-alive connection the body would wait for the delayed ACK (40 ms a
    request, which would make the fake, not the bot, the bottleneck)."""

    def get_request(self):
        sock, address = super().get_request()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock, address


telegram_api.FakeServer = twilio_api.FakeServer = NoDelayServer  # type: ignore[misc]


@dataclass
class Stores:
    db_url: str
    redis_url: str
    services: Services


@contextmanager
def fresh_stores(chats: list[tuple[str, str]]) -> Iterator[Stores]:
    """A new migrated database and an empty Redis number, with the defaults loaded and one
    registered trader per (channel, user_ref); both dropped afterwards."""
    db_url = create_database(PG_URL)
    redis_url = urlunsplit(urlsplit(REDIS_URL)._replace(path=f"/{next(_redis_dbs)}"))
    make_redis(redis_url).flushdb()
    settings = Settings(
        _env_file=None, database_url=db_url, redis_url=redis_url, secret_key=SECRET_KEY
    )
    services = build(settings, migrate=False)
    ready(services)
    traders(services, chats)
    try:
        yield Stores(db_url, redis_url, services)
    finally:
        make_redis(redis_url).flushdb()
        drop_database(PG_URL, db_url)


class TimedList(list):
    """The fakes' record of requests, with the time each arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def append(self, item) -> None:
        self.times.append(time.monotonic())
        super().append(item)


def timed_twilio() -> FakeTwilio:
    fake = FakeTwilio().start()
    fake.requests = TimedList()
    return fake


def twilio_replies(fake: FakeTwilio) -> dict[str, list[float]]:
    """Each recipient's message send times, in order."""
    out: dict[str, list[float]] = {}
    requests = fake.requests
    for at, recorded in zip(list(requests.times), list(requests), strict=False):
        if recorded.path.endswith("/Messages.json"):
            out.setdefault(recorded.form.get("To", ""), []).append(at)
    return out


def telegram_sends(fake: FakeTelegram) -> int:
    return sum(1 for call in list(fake.calls) if call.method in SEND_METHODS)
