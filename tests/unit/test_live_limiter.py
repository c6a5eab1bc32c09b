"""The bot's live replies and the dispatchers' bulk sends share Telegram's limit (issue 12,
then the review of the budget): each live request to a chat takes a slot of the bot's
budget in Redis, the bulk sends a slot of it and of their share, so together they never
exceed TELEGRAM_MAX_PER_SECOND, in any second of the server's clock, whatever the number of
processes. Counted as in tests/unit/test_send_budget.py: the slots given out, no waiting."""

from __future__ import annotations

import asyncio
import threading

import pytest
from telegram.error import RetryAfter

from bot.channels.telegram import live_limiter
from bot.channels.telegram_limiter import SharedLiveLimiter, budgeted
from bot.delivery.budget import SharedRateLimiter
from bot.settings import Settings
from domain.errors import DeliveryFailed
from storage.kv import make_redis
from storage.send_budget import RedisSendBudget
from tests.unit.test_send_budget import Recorded, VirtualTime, busiest_second, client_like


async def no_wait(_seconds: float) -> None:
    await asyncio.sleep(0)


def live_on(redis_client, bot: str = "bot") -> tuple[SharedLiveLimiter, Recorded]:
    budget = Recorded(RedisSendBudget(client_like(redis_client), bot, {"all": 30}))
    limiter = SharedLiveLimiter(
        budget, no_wait, overall_max_rate=0, group_max_rate=0, max_retries=1
    )
    return limiter, budget


async def sent(limiter: SharedLiveLimiter, data: dict, answer=None) -> object:
    async def telegram(*_args: object) -> object:
        return answer() if answer else True

    return await limiter.process_request(telegram, (), {}, "sendMessage", data, None)


def test_the_live_limit_follows_the_setting():
    budget = RedisSendBudget(make_redis(None), "bot", {"all": 30})
    for rate in (30, 100):
        limiter = live_limiter(Settings(telegram_max_per_second=rate), budget)
        assert limiter._base_limiter.max_rate == rate and limiter.budget is budget


def test_retries_a_flood_wait_up_to_three_times():
    budget = RedisSendBudget(make_redis(None), "bot", {"all": 30})
    assert live_limiter(Settings(), budget)._max_retries == 3


def test_live_replies_and_bulk_sends_together_never_exceed_telegrams_limit(redis_client):
    """Two dispatchers (as two workers) send 60 each while the bot replies 60 times."""
    bulk = [
        Recorded(RedisSendBudget(client_like(redis_client), "bot", {"all": 30, "bulk": 27}, 1))
        for _ in range(2)
    ]
    live, replies = live_on(redis_client)
    go = threading.Barrier(3)

    def dispatcher(budget: Recorded) -> None:
        limiter, clock = SharedRateLimiter(budget, VirtualTime().sleep), go.wait()
        for m in range(60):
            limiter.wait(f"{clock}-{m}")

    async def bot() -> None:
        go.wait()
        await asyncio.gather(*(sent(live, {"chat_id": n}) for n in range(60)))

    threads = [threading.Thread(target=dispatcher, args=(b,)) for b in bulk]
    for thread in threads:
        thread.start()
    asyncio.run(bot())
    for thread in threads:
        thread.join(60)
    outbox = bulk[0].slots + bulk[1].slots
    assert len(outbox) == 120 and len(replies.slots) == 60  # nobody starved
    assert busiest_second(outbox + replies.slots) == 30  # Telegram's limit, never more
    assert busiest_second(outbox) <= 27  # the replies' reserve kept


def test_what_took_its_slot_elsewhere_takes_none_here(redis_client):
    """The dispatcher's sends through the bot's own Bot (`budgeted`), paid broadcasts
    (Telegram counts them apart) and calls to no chat take no slot; a reply takes one."""
    live, budget = live_on(redis_client)

    async def calls() -> None:
        await budgeted(sent(live, {"chat_id": 1}))
        await sent(live, {"chat_id": 2, "allow_paid_broadcast": True})
        await sent(live, {})
        assert budget.slots == []
        await sent(live, {"chat_id": 3})

    asyncio.run(calls())
    assert len(budget.slots) == 1


def test_each_attempt_of_a_retried_request_takes_a_slot(redis_client):
    live, budget = live_on(redis_client)
    answers = iter([RetryAfter(0), True])

    def answer() -> object:
        outcome = next(answers)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    assert asyncio.run(sent(live, {"chat_id": 1}, answer)) is True
    assert len(budget.slots) == 2


def test_a_reply_still_goes_out_when_the_budget_is_out_of_reach():
    """Redis down (nothing listens on port 1): the reply is sent on this process's limit;
    the outbox's slot is a DeliveryFailed, retried later, not a bug."""
    down = RedisSendBudget(make_redis("redis://127.0.0.1:1/0"), "bot", {"all": 30})
    with pytest.raises(DeliveryFailed):
        down.take("1")
    live = SharedLiveLimiter(down, no_wait, overall_max_rate=0, group_max_rate=0)
    assert asyncio.run(sent(live, {"chat_id": 1})) is True
