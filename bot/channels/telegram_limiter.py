"""The live replies' limiter: PTB's (Telegram's group limit, a RetryAfter retried) whose
every request to a chat also takes a slot of the bot's budget shared in Redis by every
process (bot.delivery.budget), so that live replies and the dispatchers' bulk sends together
keep Telegram's limit. Bulk sends took their slot in the dispatcher already (`budgeted`);
paid broadcasts are counted apart by Telegram and take none here."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from contextvars import ContextVar, copy_context
from typing import Any, TypeVar

from telegram.ext import AIORateLimiter

from domain.errors import SendBudgetUnavailable
from domain.ports import SendBudget

log = logging.getLogger(__name__)
_BUDGETED: ContextVar[bool] = ContextVar("budgeted", default=False)
T = TypeVar("T")


async def budgeted(sending: Coroutine[Any, Any, T]) -> T:
    """`sending`, whose slot of the shared budget was taken by its sender (the dispatcher)."""
    marked = copy_context()
    marked.run(_BUDGETED.set, True)
    return await asyncio.create_task(sending, context=marked)  # the mark stays in there


class SharedLiveLimiter(AIORateLimiter):
    """AIORateLimiter, each attempt of a request to a chat first waiting for a slot of
    `budget` (`sleep`: asyncio's, injected by tests)."""

    def __init__(
        self,
        budget: SendBudget,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        **limits: Any,
    ) -> None:
        super().__init__(**limits)
        self.budget = budget
        self.sleep = sleep

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        chat = data.get("chat_id")
        if chat is not None and not data.get("allow_paid_broadcast") and not _BUDGETED.get():
            callback = self._after_a_slot(callback, str(chat))
        return await super().process_request(
            callback, args, kwargs, endpoint, data, rate_limit_args
        )

    def _after_a_slot(
        self, callback: Callable[..., Coroutine[Any, Any, Any]], chat: str
    ) -> Callable[..., Coroutine[Any, Any, Any]]:
        async def paced(*args: Any, **kwargs: Any) -> Any:
            await self.wait(chat)  # each attempt: a retry is a request Telegram counts too
            return await callback(*args, **kwargs)

        return paced

    async def wait(self, chat: str) -> None:
        """Until a slot is ours; sent on PTB's limit of this process alone while the budget
        is out of reach (a reply, an apology, still goes out during a Redis outage)."""
        while True:
            try:
                slot = await asyncio.to_thread(self.budget.take, chat)  # Redis: off the loop
            except SendBudgetUnavailable as error:
                log.warning("telegram budget unavailable, this process's limit only: %s", error)
                return
            if slot.wait_s:
                await self.sleep(slot.wait_s)
            if slot.taken:
                return
