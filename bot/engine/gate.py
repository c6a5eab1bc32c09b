"""One message of a chat at a time, and each message once: the per-chat lock is taken
first, then the inbox of handled message ids is read (like aiogram's FSM middleware)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from bot.engine.events import Inbound, Reply
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
        """`handle()` under `lock`, unless this message id was handled before."""
        try:
            with self.locks.hold(lock):
                if event.message_id and self._seen(event):
                    log.info("message %s:%s already handled", event.channel, event.message_id)
                    return []
                replies = handle()
                if event.message_id:
                    self._mark(event)
                return replies
        except TimeoutError:
            log.warning("%s busy, message %s deferred", lock, event.message_id)
            return [Reply(t("busy"))]

    def _seen(self, event: Inbound) -> bool:
        with self.uow_factory() as uow:
            return uow.inbox.seen(event.channel, event.message_id)

    def _mark(self, event: Inbound) -> None:
        with self.uow_factory() as uow:
            uow.inbox.mark(event.channel, event.message_id, self.clock())
            uow.commit()
