"""One message of a chat at a time, and each message once: the per-chat lock is taken
first, then the inbox of handled message ids is read (like aiogram's FSM middleware).

The inbox is the one idempotency layer: the handled mark and the replies are one row, one
write. A redelivered or retried message id (a Twilio retry, a WhatsApp worker that died
after the engine, a Telegram update fetched twice) gets the stored replies again, never
silence, and the flow does not run twice.

The window left: a flow commits its own unit of work, and the mark is written just after
(the conversation state, in Redis, is saved in between). A crash in between, a few
milliseconds, lets a retry run the flow again. The effects that matter do not double even
then (an order is placed once per quote shown, `request_key`; a second proof for an order
being checked is refused), but that retry's answer is computed afresh and may differ from
the lost one (e.g. "this button is no longer valid" instead of the order number).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import ExitStack
from datetime import datetime

from bot.engine.events import Inbound, Reply
from bot.engine.replay import from_data, to_data
from bot.messages import t
from domain.ports import Locks, UnitOfWork

log = logging.getLogger(__name__)


class MessageGate:
    def __init__(
        self, locks: Locks, uow_factory: Callable[[], UnitOfWork], clock: Callable[[], datetime]
    ) -> None:
        self.locks = locks
        self.uow_factory = uow_factory
        self.clock = clock

    def run(self, lock: str, event: Inbound, handle: Callable[[], list[Reply]]) -> list[Reply]:
        """`handle()` under `lock`; a message id handled before gets its replies again.
        Only a lock that stays busy is "busy": a TimeoutError raised by `handle()` is a
        failure like any other and goes up."""
        with ExitStack() as held:
            try:
                held.enter_context(self.locks.hold(lock))
            except TimeoutError:
                log.warning("%s busy, message %s deferred", lock, event.message_id)
                return [Reply(t("busy"))]
            return self._once(event, handle)

    def _once(self, event: Inbound, handle: Callable[[], list[Reply]]) -> list[Reply]:
        if not event.message_id:
            return handle()
        stored = self._stored(event)
        if stored is not None:
            log.info("message %s:%s already handled: replayed", event.channel, event.message_id)
            return [from_data(data) for data in stored]
        replies = handle()
        self._mark(event, replies)
        return replies

    def _stored(self, event: Inbound) -> list[dict] | None:
        with self.uow_factory() as uow:
            return uow.inbox.replies(event.channel, event.message_id)

    def _mark(self, event: Inbound, replies: list[Reply]) -> None:
        with self.uow_factory() as uow:
            uow.inbox.mark(
                event.channel, event.message_id, self.clock(), [to_data(r) for r in replies]
            )
            uow.commit()
