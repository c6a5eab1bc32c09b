"""The doors to each channel, for messages that go to someone other than the one who just
wrote. Those messages are queued in the outbox (bot.services.notifications) and delivered by
the dispatcher (bot.delivery.dispatch) through these senders."""

from __future__ import annotations

import logging
from typing import Protocol

from bot.engine.events import Reply
from bot.services.notifications import ADMIN

log = logging.getLogger(__name__)


class Sender(Protocol):
    def send(self, user_ref: str, reply: Reply) -> str | None:
        """Deliver `reply`; returns the id of the message sent, where the channel gives one
        (a Telegram message id), so that a reply to it can be recognised."""
        ...


class LogSender:
    """Where a channel has no door in this process (the console): the message is logged."""

    def __init__(self, name: str) -> None:
        self.name = name

    def send(self, user_ref: str, reply: Reply) -> str | None:
        log.warning("[%s → %s] %s", self.name, user_ref, reply.text.splitlines()[0])
        return None


class Channels:
    """Senders by channel, and the admin chat (a sender and its chat id)."""

    def __init__(self) -> None:
        self.senders: dict[str, Sender] = {}
        self.admin: tuple[Sender, str] | None = None

    def route(self, channel: str, recipient: str) -> tuple[Sender, str] | None:
        if channel == ADMIN:
            return self.admin
        sender = self.senders.get(channel)
        return None if sender is None else (sender, recipient)

    @property
    def names(self) -> list[str]:
        return [*self.senders, *([ADMIN] if self.admin else [])]
