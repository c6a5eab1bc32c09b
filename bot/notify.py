"""Messages to people other than the one who just wrote: traders on their channels, and the
admin chat. Delivery failures are logged, never raised into the action that caused them
(the scheduler's outbox will make them durable)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from bot.engine.events import Reply
from domain.ports import UnitOfWork

log = logging.getLogger(__name__)


class Sender(Protocol):
    def send(self, user_ref: str, reply: Reply) -> None: ...


class Notifier(Protocol):
    def to_trader(self, trader_id: int, reply_for: Callable[[str], Reply]) -> int: ...
    def to_admins(self, reply: Reply) -> bool: ...


class LogSender:
    """Where no channel is configured (no admin chat yet): the message goes to the log."""

    def __init__(self, name: str) -> None:
        self.name = name

    def send(self, user_ref: str, reply: Reply) -> None:
        log.warning("[%s → %s] %s", self.name, user_ref, reply.text)


class ChannelNotifier:
    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        senders: dict[str, Sender],
        admin: tuple[Sender, str] | None,
    ) -> None:
        self.uow_factory = uow_factory
        self.senders = senders
        self.admin = admin

    def to_trader(self, trader_id: int, reply_for: Callable[[str], Reply]) -> int:
        """Tell a trader on every chat they use, in their language; returns chats reached."""
        with self.uow_factory() as uow:
            trader = uow.traders.get(trader_id)
            identities = uow.traders.identities(trader_id)
        if trader is None:
            return 0
        reply = reply_for(trader.language.value)
        reached = 0
        for identity in identities:
            sender = self.senders.get(identity.channel)
            if sender is None:
                continue
            try:
                sender.send(identity.user_ref, reply)
                reached += 1
            except Exception:
                log.exception("could not notify trader %s on %s", trader_id, identity.channel)
        return reached

    def to_admins(self, reply: Reply) -> bool:
        if self.admin is None:
            # Only the headline: the rest of an admin message may carry the margin.
            log.warning("no admin chat configured, not posted: %s", reply.text.splitlines()[0])
            return False
        sender, chat = self.admin
        try:
            sender.send(chat, reply)
            return True
        except Exception:
            log.exception("could not post to the admin chat")
            return False
