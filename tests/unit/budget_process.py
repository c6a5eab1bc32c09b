"""One dispatcher "process" of test_send_budget.py, started with multiprocessing's spawn: a
module of its own so that the new interpreter imports only the budget, not the test suite
(pytest, SQLAlchemy and the fixtures cost it ~0.8 s of CPU, issue 13)."""

from __future__ import annotations

from multiprocessing.queues import Queue

from bot.delivery.budget import SharedRateLimiter
from storage.kv import make_redis
from storage.send_budget import RedisSendBudget

RATE = 27


class VirtualTime:
    """One process's monotonic seconds, moved only by its limiter's waits."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def dispatcher(url: str, name: str, n: int, sends: int, results: Queue[list[float]]) -> None:
    """Its own connection, its own clock: the times of its `sends` slots go to `results`."""
    clock = VirtualTime()
    limiter = SharedRateLimiter(
        RedisSendBudget(make_redis(url), name, RATE, 1.0), clock, clock.sleep
    )
    sent = []
    for m in range(sends):
        limiter.wait(f"{n}-{m}")
        sent.append(clock())
    results.put(sent)
