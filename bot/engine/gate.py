"""One message of a chat at a time, and each message once: the per-chat lock is taken
first, then the inbox of handled message ids is read (like aiogram's FSM middleware).

The inbox is the one idempotency layer: the handled mark and the replies are one row, one
write. A redelivered or retried message id (a Twilio retry, a WhatsApp worker that died
after the engine, a Telegram update fetched twice) gets the stored replies again, never
silence, and the flow does not run twice.

The conversation state is saved only after the mark (`after`): a crash between a flow's
commit and the mark leaves the state as it was, so the retry runs the same step again on the
same state and computes the same answer; the effects do not double (an order is placed once
per quote shown, `request_key`; a second proof for an order being checked is refused). A
crash between the mark and the state save replays the stored replies and leaves the chat
one step behind, where the same input gives the same idempotent result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from datetime import datetime

from bot.engine.events import ChatBusy, Inbound, Reply
from bot.engine.replay import from_data, to_data
from bot.text.messages import t
from domain.ports import JsonDict, Locks, UnitOfWork

log = logging.getLogger(__name__)


class MessageGate:
    def __init__(
        self, locks: Locks, uow_factory: Callable[[], UnitOfWork], clock: Callable[[], datetime]
    ) -> None:
        self.locks = locks
        self.uow_factory = uow_factory
        self.clock = clock

    def run(
        self,
        lock: str | AbstractContextManager[object],
        event: Inbound,
        handle: Callable[[], list[Reply]],
        after: Callable[[], None] = lambda: None,
        lang: Callable[[], str] = lambda: "fr",
    ) -> list[Reply]:
        """`attempt`, or "busy" (said in `lang()`, the sender's language) when the lock
        stays busy."""
        try:
            return self.attempt(lock, event, handle, after)
        except ChatBusy:
            return [Reply(t("busy", lang()), lang=lang())]

    def attempt(
        self,
        lock: str | AbstractContextManager[object],
        event: Inbound,
        handle: Callable[[], list[Reply]],
        after: Callable[[], None] = lambda: None,
    ) -> list[Reply]:
        """`handle()` under `lock` (a name for `Locks`, or a context manager that locks on
        entering: a held conversation), then the mark, then `after()` (the state save); a
        message id handled before gets its replies again. Only a lock that stays busy is
        ChatBusy: a TimeoutError raised by `handle()` is a failure like any other and goes
        up."""
        with ExitStack() as held:
            try:
                held.enter_context(self.locks.hold(lock) if isinstance(lock, str) else lock)
            except TimeoutError:
                log.warning("%s busy, message %s deferred", lock, event.message_id)
                raise ChatBusy(str(lock)) from None
            return self._once(event, handle, after)

    def _once(
        self, event: Inbound, handle: Callable[[], list[Reply]], after: Callable[[], None]
    ) -> list[Reply]:
        stored = self._stored(event) if event.message_id else None
        if stored is not None:
            log.info("message %s:%s already handled: replayed", event.channel, event.message_id)
            return [from_data(data) for data in stored]
        replies = handle()
        if event.message_id:
            self._mark(event, replies)
        after()
        return replies

    def _stored(self, event: Inbound) -> list[JsonDict] | None:
        with self.uow_factory() as uow:
            return uow.inbox.replies(event.channel, event.message_id)

    def _mark(self, event: Inbound, replies: list[Reply]) -> None:
        with self.uow_factory() as uow:
            uow.inbox.mark(
                event.channel, event.message_id, self.clock(), [to_data(r) for r in replies]
            )
            uow.commit()
