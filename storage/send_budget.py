"""The SendBudget port on Redis: one sending rate shared by every process of a bot.

Telegram counts a bot's messages per second across all of its connections, so the outbox
dispatchers of N `worker` processes reserve their slots in one place in Redis instead of
keeping a limiter each (issue 12). Every reservation is one call of storage/send_budget.lua
(atomic), which fakeredis[lua] runs too in the embedded default.

Slots are spaced by 1/rate, rounded up to the microsecond: any 1 s window holds at most
`per_second` of them. Times are the Redis server's (TIME, read in the script), so processes
whose clocks disagree still share one timeline (their own clocks are never asked).

A bot's keys share one hash tag, `{name}`: the script's keys are in one Redis Cluster slot.
They live about a second, so the rename (they were `td:send_budget:name…`) needs no
migration: old and new processes of a rolling upgrade would each keep a budget for a second.
"""

from __future__ import annotations

from pathlib import Path

import redis

from domain.ports import SendSlot

SCRIPT = (Path(__file__).parent / "send_budget.lua").read_text(encoding="utf-8")
US = 1_000_000


class RedisSendBudget:
    """At most `per_second` sends in any 1 s window for `name` (e.g. one Telegram bot), and
    one per `per_chat_s` seconds to a chat."""

    def __init__(
        self,
        client: redis.Redis,
        name: str,
        per_second: int,
        per_chat_s: float = 0.0,
        prefix: str = "td",
    ) -> None:
        self.client = client
        self.per_second = per_second
        self.interval_us = -(-US // per_second)  # rounded up: never more than the rate
        self.per_chat_us = round(per_chat_s * US)
        self.key = f"{prefix}:send_budget:{{{name}}}"  # the hash tag: one cluster slot
        self.script = client.register_script(SCRIPT)

    def take(self, chat: str) -> SendSlot:
        """A slot reserved (send at `at`), or not (the chat has had its message: ask again at
        `at`); `at` and `now` in the server's seconds."""
        keys = [f"{self.key}:chat:{chat}", self.key]
        args = [self.per_chat_us, self.interval_us]
        taken, at_us, now_us = self.script(keys=keys, args=args)
        return SendSlot(int(taken) == 1, int(at_us) / US, int(now_us) / US)
