"""The dispatcher's limiter on a budget shared by processes (domain.ports.SendBudget).

Telegram allows a bot 30 messages per second whoever sends them. One budget in Redis holds
them all (`all`, TELEGRAM_MAX_PER_SECOND): every live reply of the `bot` process takes a
slot of it (bot.channels.telegram_limiter), and every bulk send of every outbox dispatcher
(announcements, notifications) takes a slot of it and of the bulk share (`bulk`,
max − reserve: 27 of 30 by default) in the same atomic call. Together they never exceed
the limit, however many processes run; the bulk sends never take more than their share,
so 10 % of the rate is always left to the replies, which wait for at most one slot per
dispatcher ahead of them.

With TELEGRAM_PAID_BROADCAST the bulk sends are paid ones (`allow_paid_broadcast`), which
Telegram counts apart from the free 30/s (as PTB's limiter does): they take from their own
budget (`paid`, TELEGRAM_PAID_MAX_PER_SECOND) only, and the replies keep the whole free rate.
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
            if slot.wait_s:
                self.sleep(slot.wait_s)  # until the slot reserved, or the chat's second is over
            if slot.taken:
                return
