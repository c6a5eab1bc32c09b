"""The Telegram budget shared by processes (issue 12): dispatchers in separate threads, each
with its own Redis connection (as separate processes), reserve their sends from one budget in
Redis; counted per 1 s window of the server's clock, they never exceed the rate together.

No timed assertion, and no real waiting: the limiters' sleeps only count, and the send times
counted are the slots the budget gave out, in the Redis server's time (TIME, read in the
script): the slots of a burst are reserved ahead of that clock, each 1/rate after the last."""

from __future__ import annotations

import itertools
import threading
import time
import uuid
from bisect import bisect_left
from collections.abc import Callable

import pytest

from bot.delivery.budget import SharedRateLimiter, bulk_rate
from bot.delivery.dispatch import RateLimiter
from storage.kv import make_redis
from storage.send_budget import RedisSendBudget
from tests.conftest import REDIS_URL
from tests.unit.budget_process import RATE, Recorded, VirtualTime, dispatcher

US = 1_000_000


def busiest_second(times: list[float]) -> int:
    """The most sends in any 1 s window [t, t + 1), counted in whole microseconds."""
    ticks = sorted(round(t * US) for t in times)
    return max(bisect_left(ticks, tick + US) - n for n, tick in enumerate(ticks))


def run_together(limiters: list, stamps: list[Callable[[], float]], per_thread: int) -> list[float]:
    """Each limiter in a thread of its own waits before `per_thread` sends to distinct chats;
    returns every send's time (the thread's `stamp` once its limiter let it go)."""
    sent: list[float] = []
    guard = threading.Lock()
    go = threading.Barrier(len(limiters))

    def dispatcher(n: int) -> None:
        go.wait()
        for m in range(per_thread):
            limiters[n].wait(f"{n}-{m}")
            with guard:
                sent.append(stamps[n]())

    threads = [threading.Thread(target=dispatcher, args=(n,)) for n in range(len(limiters))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return sent


def client_like(redis_client):
    """Another connection to the same Redis: each "process" has its own."""
    return make_redis(REDIS_URL if "Fake" not in type(redis_client).__name__ else None)


def shared(
    redis_client, processes: int, name: str, per_chat_s: float = 1.0, sleep=None
) -> tuple[list[SharedRateLimiter], list[Recorded]]:
    """A limiter per "process" on one budget, its sleeps virtual unless `sleep` is given."""
    budgets = [
        Recorded(RedisSendBudget(client_like(redis_client), name, {"bulk": RATE}, per_chat_s))
        for _ in range(processes)
    ]
    limiters = [SharedRateLimiter(b, sleep or VirtualTime().sleep) for b in budgets]
    return limiters, budgets


def test_the_bulk_rate_keeps_a_tenth_for_live_replies():
    assert bulk_rate(30) == 27
    assert bulk_rate(1000) == 900
    assert bulk_rate(25) == 22
    assert bulk_rate(1) == 1


@pytest.mark.parametrize("processes", [2, 3])
def test_dispatchers_sharing_the_budget_never_exceed_it_in_any_second(redis_client, processes):
    limiters, budgets = shared(redis_client, processes, "bot-1")
    sent = run_together(limiters, [b.last for b in budgets], per_thread=60)
    assert len(sent) == 60 * processes  # nobody starved, nothing skipped
    assert busiest_second(sent) == RATE  # the whole budget used, never more


def test_processes_whose_clocks_differ_never_exceed_it_in_any_second_of_the_server(
    redis_client,
):
    """The defect: the budget used to take the time from each caller, so a process whose
    clock ran a second ahead found the slots of the first one's burst "past" and sent its own
    burst in the same second: 54 sends in one second of real time. The budget now reads the
    server's clock; whatever the processes' clocks say (here a second apart, as their sleeps),
    counted in the server's time, a burst after a burst keeps to the rate."""
    behind, ahead = VirtualTime(0.0), VirtualTime(1.0)
    one = Recorded(RedisSendBudget(client_like(redis_client), "skew", {"bulk": RATE}, 1.0))
    other = Recorded(RedisSendBudget(client_like(redis_client), "skew", {"bulk": RATE}, 1.0))
    for budget, clock in ((one, behind), (other, ahead)):
        limiter = SharedRateLimiter(budget, clock.sleep)
        for m in range(RATE):
            limiter.wait(f"{clock()}-{m}")
    assert busiest_second(one.slots + other.slots) == RATE


def test_limiters_of_their_own_would_send_the_rate_once_per_process():
    """What the shared budget replaces: a limiter per process lets N processes send N × the
    rate (the count the test above keeps at the rate)."""
    clocks = [VirtualTime(), VirtualTime()]
    limiters = [RateLimiter(RATE, 1.0, clock, clock.sleep) for clock in clocks]
    assert busiest_second(run_together(limiters, clocks, per_thread=60)) == 2 * RATE


def test_one_chat_gets_one_message_per_spacing_across_processes(redis_client):
    """Really waiting (0.2 s a message: the chat's spacing is the budget's setting)."""
    limiters, budgets = shared(redis_client, 2, "bot-2", per_chat_s=0.2, sleep=time.sleep)
    for m in range(4):  # the two processes alternate on the same chat
        limiters[m % 2].wait("42")
    sent = sorted(budgets[0].slots + budgets[1].slots)
    assert len(sent) == 4 and all(b - a >= 0.2 for a, b in itertools.pairwise(sent))


def test_bots_have_budgets_of_their_own(redis_client):
    one, a = shared(redis_client, 1, "bot-a")
    other, b = shared(redis_client, 1, "bot-b")
    sent = run_together(one + other, [a[0].last, b[0].last], per_thread=RATE)
    assert busiest_second(sent) > RATE  # neither waited for the other


def test_the_budget_of_a_bot_follows_its_settings():
    from bot.runtime.infrastructure import telegram_budget
    from bot.settings import Settings

    def budget(live: bool = False, **values) -> RedisSendBudget:
        settings = Settings(_env_file=None, telegram_bot_token="123:secret", **values)
        return telegram_budget(settings, make_redis(None), live)

    assert budget().rates == {"all": 30, "bulk": 27} and budget().per_chat_us == US
    assert budget().keys == [
        "td:send_budget:{telegram:123}:all",
        "td:send_budget:{telegram:123}:bulk",
    ]
    assert budget(telegram_max_per_second=20).rates == {"all": 20, "bulk": 18}
    assert budget(telegram_paid_broadcast=True).rates == {"paid": 1000}
    paid = budget(telegram_paid_broadcast=True, telegram_paid_max_per_second=300)
    assert paid.rates == {"paid": 300}
    for values in ({}, {"telegram_paid_broadcast": True}):  # the replies: the whole free rate
        assert budget(True, **values).rates == {"all": 30} and budget(True).per_chat_us == 0


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
