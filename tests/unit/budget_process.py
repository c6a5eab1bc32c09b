"""One dispatcher "process" of test_send_budget.py, started with multiprocessing's spawn: a
module of its own so that the new interpreter imports only the budget, not the test suite
(pytest, SQLAlchemy and the fixtures cost it ~0.8 s of CPU, issue 13). The test module
imports its helpers from here."""

from __future__ import annotations

from multiprocessing.queues import Queue

from bot.delivery.budget import SharedRateLimiter
from domain.ports.coordination import SendBudget, SendSlot
from storage.kv import make_redis
from storage.send_budget import RedisSendBudget

RATE = 27


class VirtualTime:
    """One process's monotonic seconds, moved only by its waits."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


class Recorded:
    """A budget that keeps the time of each slot it gave out (the budget's clock)."""

    def __init__(self, budget: SendBudget) -> None:
        self.budget = budget
        self.slots: list[float] = []

    def take(self, chat: str) -> SendSlot:
        slot = self.budget.take(chat)
        if slot.taken:
            self.slots.append(slot.at)
        return slot

    def last(self) -> float:
        return self.slots[-1]


def dispatcher(url: str, name: str, n: int, sends: int, results: Queue[list[float]]) -> None:
    """One dispatcher process: its own connection, its own clock (its sleeps); the times of
    the slots it was given go to `results`."""
    budget = Recorded(RedisSendBudget(make_redis(url), name, {"bulk": RATE}, 1.0))
    limiter = SharedRateLimiter(budget, VirtualTime().sleep)
    for m in range(sends):
        limiter.wait(f"{n}-{m}")
    results.put(budget.slots)
