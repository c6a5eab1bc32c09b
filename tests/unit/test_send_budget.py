"""The Telegram budget shared by processes (issue 12): dispatchers in separate threads, each
with its own Redis connection and its own clock (as separate processes), reserve their sends
from one budget in Redis; counted per 1 s window, they never exceed the rate together.

Times are virtual (no timed assertion): each "process" has its own clock, moved only by its
limiter's waits, and the send times counted are the slots the budget gave out."""

from __future__ import annotations

import itertools
import threading
import uuid
from bisect import bisect_left

import pytest

from bot.delivery.budget import SharedRateLimiter, bulk_rate
from bot.delivery.dispatch import RateLimiter
from storage.kv import make_redis
from storage.send_budget import RedisSendBudget
from tests.conftest import REDIS_URL
from tests.unit.budget_process import RATE, VirtualTime, dispatcher

US = 1_000_000


def busiest_second(times: list[float]) -> int:
    """The most sends in any 1 s window [t, t + 1), counted in whole microseconds."""
    ticks = sorted(round(t * US) for t in times)
    return max(bisect_left(ticks, tick + US) - n for n, tick in enumerate(ticks))


def run_together(limiters: list, clocks: list[VirtualTime], per_thread: int) -> list[float]:
    """Each limiter in a thread of its own waits before `per_thread` sends to distinct chats;
    returns every send's time (the thread's clock once its limiter let it go)."""
    sent: list[float] = []
    guard = threading.Lock()
    go = threading.Barrier(len(limiters))

    def dispatcher(n: int) -> None:
        go.wait()
        for m in range(per_thread):
            limiters[n].wait(f"{n}-{m}")
            with guard:
                sent.append(clocks[n]())

    threads = [threading.Thread(target=dispatcher, args=(n,)) for n in range(len(limiters))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return sent


def client_like(redis_client):
    """Another connection to the same Redis: each "process" has its own."""
    return make_redis(REDIS_URL if "Fake" not in type(redis_client).__name__ else None)


def shared(redis_client, clocks: list[VirtualTime], name: str) -> list[SharedRateLimiter]:
    return [
        SharedRateLimiter(
            RedisSendBudget(client_like(redis_client), name, RATE, 1.0), clock, clock.sleep
        )
        for clock in clocks
    ]


def test_the_bulk_rate_keeps_a_tenth_for_live_replies():
    assert bulk_rate(30) == 27
    assert bulk_rate(1000) == 900
    assert bulk_rate(25) == 22
    assert bulk_rate(1) == 1


@pytest.mark.parametrize("processes", [2, 3])
def test_dispatchers_sharing_the_budget_never_exceed_it_in_any_second(redis_client, processes):
    clocks = [VirtualTime() for _ in range(processes)]
    sent = run_together(shared(redis_client, clocks, "bot-1"), clocks, per_thread=60)
    assert len(sent) == 60 * processes  # nobody starved, nothing skipped
    assert busiest_second(sent) == RATE  # the whole budget used, never more


def test_limiters_of_their_own_would_send_the_rate_once_per_process():
    """What the shared budget replaces: a limiter per process lets N processes send N × the
    rate (the count the test above keeps at the rate)."""
    clocks = [VirtualTime(), VirtualTime()]
    limiters = [RateLimiter(RATE, 1.0, clock, clock.sleep) for clock in clocks]
    assert busiest_second(run_together(limiters, clocks, per_thread=60)) == 2 * RATE


def test_one_chat_gets_one_message_a_second_across_processes(redis_client):
    clocks = [VirtualTime(), VirtualTime()]
    limiters = shared(redis_client, clocks, "bot-2")
    sent: list[float] = []
    for m in range(6):  # the two processes alternate on the same chat
        limiters[m % 2].wait("42")
        sent.append(clocks[m % 2]())
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(sent))


def test_bots_have_budgets_of_their_own(redis_client):
    clocks = [VirtualTime(), VirtualTime()]
    one = shared(redis_client, clocks[:1], "bot-a") + shared(redis_client, clocks[1:], "bot-b")
    sent = run_together(one, clocks, per_thread=RATE)
    assert max(sent) == pytest.approx((RATE - 1) / RATE, abs=1e-3)  # neither waited for the other


def test_the_budget_of_a_bot_follows_its_settings():
    from bot.runtime.wiring import telegram_budget
    from bot.settings import Settings

    def budget(**values) -> RedisSendBudget:
        settings = Settings(_env_file=None, telegram_bot_token="123:secret", **values)
        return telegram_budget(settings, make_redis(None))

    assert budget().per_second == 27 and budget().key == "td:send_budget:telegram:123"
    assert budget(telegram_max_per_second=20).per_second == 18
    assert budget(telegram_paid_broadcast=True).per_second == 1000
    paid = budget(telegram_paid_broadcast=True, telegram_paid_max_per_second=300)
    assert paid.per_second == 300


def test_processes_sharing_the_budget_never_exceed_it_in_any_second():
    """The same with real processes on the real Redis (fakeredis lives in one process); each
    imports only what a dispatcher needs (tests/unit/budget_process.py)."""
    import multiprocessing

    if not REDIS_URL:
        pytest.skip("TEST_REDIS_URL not set: run the suite with scripts/test")
    name = f"bot-{uuid.uuid4().hex}"
    spawn = multiprocessing.get_context("spawn")
    results = spawn.Queue()
    workers = [
        spawn.Process(target=dispatcher, args=(REDIS_URL, name, n, 60, results)) for n in range(3)
    ]
    for worker in workers:
        worker.start()
    sent = [t for _ in workers for t in results.get(timeout=120)]
    for worker in workers:
        worker.join(30)
    assert len(sent) == 180 and busiest_second(sent) == RATE
