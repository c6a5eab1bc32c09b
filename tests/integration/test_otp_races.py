"""One-time codes raced by many real Redis clients at once: every limit holds.

Each thread has its own client, as separate chats served by separate processes would.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from bot.services.otp import OtpService
from domain.errors import OtpError, OtpInvalid, OtpLocked
from storage.kv import make_redis
from storage.otp_store import RedisOtpStore
from tests.conftest import REDIS_URL
from tests.flows.conftest import FakeSms

pytestmark = pytest.mark.skipif(not REDIS_URL, reason="TEST_REDIS_URL not set (scripts/test)")
KEY = b"k" * 32
NOW = datetime(2026, 11, 25, 10, tzinfo=UTC)
PHONE = "+224620123456"


class LockedSms(FakeSms):
    """The fake SMS sender, safe to call from many threads."""

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()

    def send(self, phone: str, text: str) -> None:
        with self.lock:
            super().send(phone, text)


def service(sms: FakeSms) -> OtpService:
    return OtpService(RedisOtpStore(make_redis(REDIS_URL)), sms, KEY, lambda: NOW)


def race(calls: list[Callable[[], None]]) -> list[object]:
    """Run every call in its own thread, all released at once; return what each raised."""
    outcomes: list[object] = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(n: int) -> None:
        start.wait()
        try:
            calls[n]()
        except OtpError as error:
            outcomes[n] = error

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.fixture(autouse=True)
def clean_redis():
    make_redis(REDIS_URL).flushdb()
    yield
    make_redis(REDIS_URL).flushdb()


def test_fifty_guesses_from_ten_chats_get_five_tries_then_the_right_code_is_refused():
    sms = LockedSms()
    service(sms).send(PHONE, "telegram:1", "fr")
    code = sms.last_code(PHONE)
    wrong = "000000" if code != "000000" else "111111"
    chats = [service(sms) for _ in range(10)]
    outcomes = race([lambda n=n: chats[n % 10].verify(PHONE, wrong) for n in range(50)])
    lefts = sorted(o.attempts_left for o in outcomes if isinstance(o, OtpInvalid))
    assert lefts == [1, 2, 3, 4]  # each evaluated guess saw its own budget: 5 in all
    assert all(isinstance(o, OtpInvalid | OtpLocked) for o in outcomes)
    with pytest.raises(OtpLocked):
        service(sms).verify(PHONE, code)


def test_fifty_sends_for_one_phone_send_one_sms():
    sms = LockedSms()
    services = [service(sms) for _ in range(50)]
    race([lambda n=n: services[n].send(PHONE, f"telegram:{n % 10}", "fr") for n in range(50)])
    assert len(sms.sent) == 1


def test_fifty_sends_from_one_chat_to_many_phones_send_one_sms():
    sms = LockedSms()
    services = [service(sms) for _ in range(50)]
    phones = [f"+2246201234{n:02d}" for n in range(50)]
    race([lambda n=n: services[n].send(phones[n], "telegram:1", "fr") for n in range(50)])
    assert len(sms.sent) == 1
