"""What the shared Telegram budget costs per send (bot.delivery.budget): one Redis call.

Usage: python bench/bench_send_budget.py. Uses TEST_REDIS_URL when set (a real Redis, as
scripts/with-services starts it), else fakeredis. Prints, per send, the wall time and this
process's CPU of: a bare PING (the floor: one round trip), an outbox send's slot (`all` and
`bulk` in one Lua call), a live reply's slot (the same call from the event loop through
asyncio.to_thread, as SharedLiveLimiter does). No waiting: the slots are reserved ahead.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.remove(str(Path(__file__).resolve().parent))  # its telegram.py is not PTB
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.channels.telegram_limiter import SharedLiveLimiter
from storage.kv import make_redis
from storage.send_budget import RedisSendBudget

SENDS = int(os.environ.get("BENCH_SENDS", "5000"))


def per_send(run: Callable[[], None]) -> dict[str, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"wall_us": round(wall / SENDS * 1e6, 1), "cpu_us": round(cpu / SENDS * 1e6, 1)}


async def no_wait(_seconds: float) -> None:
    return None


def main() -> None:
    client = make_redis(os.environ.get("TEST_REDIS_URL"))
    bot = f"bench-{uuid.uuid4().hex[:8]}"
    bulk = RedisSendBudget(client, bot, {"all": 30, "bulk": 27}, per_chat_s=1.0)
    live = SharedLiveLimiter(RedisSendBudget(client, bot, {"all": 30}), no_wait)
    bulk.take("warm")

    def live_sends() -> None:
        async def sends() -> None:
            for n in range(SENDS):
                await live.wait(f"live-{n}")  # chats the outbox did not just write to

        asyncio.run(sends())

    results = {
        "redis": "real" if os.environ.get("TEST_REDIS_URL") else "fakeredis",
        "sends": SENDS,
        "ping (floor)": per_send(lambda: [client.ping() for _ in range(SENDS)] and None),
        "outbox send: slot of all + bulk": per_send(
            lambda: [bulk.take(str(n)) for n in range(SENDS)] and None
        ),
        "live reply: slot of all, via to_thread": per_send(live_sends),
    }
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
