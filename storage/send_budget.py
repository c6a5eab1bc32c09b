"""The SendBudget port on Redis: one sending rate shared by every process of a bot.

Telegram counts a bot's messages per second across all of its connections, so the live
replies and the outbox dispatchers of N `worker` processes reserve their slots in one place
in Redis instead of keeping a limiter each (issue 12; bot.delivery.budget). Every
reservation is one call of storage/send_budget.lua (atomic), which fakeredis[lua] runs too
in the embedded default.

Slots of a budget are spaced by 1/rate, rounded up to the microsecond: any 1 s window holds
at most `rate` of them. Times are the Redis server's (TIME, read in the script), so processes
whose clocks disagree still share one timeline (their own clocks are never asked).

A bot's keys share one hash tag, `{bot}`: the script's keys are in one Redis Cluster slot.
They live about a second, so the rename (they were `td:send_budget:name…`) needs no
migration: old and new processes of a rolling upgrade would each keep a budget for a second.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import redis

from domain.errors import SendBudgetUnavailable
from domain.ports import SendSlot

SCRIPT = (Path(__file__).parent / "send_budget.lua").read_text(encoding="utf-8")
US = 1_000_000


class RedisSendBudget:
    """A slot of each of the bot's budgets `rates` at once (a name: its sends per second, e.g.
    {"all": 30, "bulk": 27}: at most 30 in any 1 s window counting every sender of `all`, 27
    of them this kind), and one per `per_chat_s` seconds to a chat."""

    def __init__(
        self,
        client: redis.Redis,
        bot: str,
        rates: Mapping[str, int],
        per_chat_s: float = 0.0,
        prefix: str = "td",
    ) -> None:
        self.client = client
        self.rates = dict(rates)
        self.tag = f"{prefix}:send_budget:{{{bot}}}"  # the hash tag: one cluster slot
        self.keys = [f"{self.tag}:{name}" for name in rates]
        self.intervals_us = [-(-US // rate) for rate in rates.values()]  # rounded up
        self.per_chat_us = round(per_chat_s * US)
        self.script = client.register_script(SCRIPT)

    def take(self, chat: str) -> SendSlot:
        """A slot reserved (send at `at`), or not (the chat has had its message: ask again at
        `at`); `at` and `now` in the server's seconds. SendBudgetUnavailable when Redis is
        out of reach (a DeliveryFailed: the outbox retries later)."""
        keys = [f"{self.tag}:chat:{chat}", *self.keys]
        args = [self.per_chat_us, *self.intervals_us]
        try:
            taken, at_us, now_us = self.script(keys=keys, args=args)
        except (redis.ConnectionError, redis.TimeoutError) as error:
            raise SendBudgetUnavailable(str(error)) from error
        return SendSlot(int(taken) == 1, int(at_us) / US, int(now_us) / US)
