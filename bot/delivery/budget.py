"""The dispatcher's limiter on a budget shared by processes (domain.ports.SendBudget).

Telegram allows a bot 30 messages per second whoever sends them. The live replies of the
`bot` process go through PTB's own limiter (bot.channels.telegram) and keep priority: the
bulk sends of every outbox dispatcher (announcements, notifications) share at most
max − reserve per second (27 of 30 by default), so however many `worker` processes run,
10 % of the rate is always left to the replies and none of them is ever starved.

With TELEGRAM_PAID_BROADCAST the bulk sends are paid ones (`allow_paid_broadcast`), which
Telegram counts apart from the free 30/s (as PTB's limiter does): their budget is then
TELEGRAM_PAID_MAX_PER_SECOND, and the replies keep the whole free rate.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from domain.ports import SendBudget

RESERVE_PERCENT = 10  # of Telegram's limit, kept for the live replies


def bulk_rate(max_per_second: int, reserve_percent: int = RESERVE_PERCENT) -> int:
    """What the bulk sends may use of `max_per_second`: the rest is the replies' (30 → 27)."""
    reserve = -(-max_per_second * reserve_percent // 100)  # rounded up
    return max(1, max_per_second - reserve)


class SharedRateLimiter:
    """`wait(chat)` returns once a slot of the shared budget is taken for `chat` and its
    time has come. The budget keeps the time (Redis's clock, one for every process): this
    process's clock is never asked, only how long to wait; `sleep` is injected by tests."""

    def __init__(self, budget: SendBudget, sleep: Callable[[float], None] = time.sleep) -> None:
        self.budget = budget
        self.sleep = sleep

    def wait(self, chat: str) -> None:
        while True:
            slot = self.budget.take(chat)
            if slot.taken:
                if slot.at > slot.now:
                    self.sleep(slot.at - slot.now)  # until the slot reserved
                return
            self.sleep(max(slot.at - slot.now, 0.001))  # the chat's second is not over
