"""The webhook's side of the WhatsApp inbound queue: store and acknowledge, nothing else.

Kept apart from webhooks/inbound.py (the worker: engine, media, Twilio's REST client), so
that the web process imports only what it runs (issue 12).

One sender may store at most `SenderLimit.per_minute` messages a minute: beyond it, a message
is acknowledged (Twilio must not retry it) but not stored, and the sender is told once in the
minute. A flood from one number (a stuck phone, a script) can neither grow the queue without
bound, which every claim walks past, nor make us pay for a reply to each of its messages.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.delivery.failures import language_of
from bot.services.notifications import notify_chat
from domain.errors import CounterUnavailable
from domain.ports.coordination import HitCounter
from domain.ports.unit_of_work import UnitOfWork

CHANNEL = "whatsapp"
WINDOW_S = 60
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SenderLimit:
    """At most `per_minute` messages of one sender stored in a minute (WHATSAPP_SENDER_MAX_PER
    _MINUTE), counted in Redis: one atomic count per message, shared by every web process."""

    hits: HitCounter
    per_minute: int

    def count(self, sender: str, now: datetime) -> int:
        """This message's rank among the sender's of this minute; 0 when Redis does not
        answer (the cap fails open: a trader's message is never lost to it)."""
        try:
            return self.hits.hit(f"wa-in:{sender}", WINDOW_S, now)
        except CounterUnavailable:
            log.warning("the flood cap's counter did not answer: message stored uncounted")
            return 0


class InboundStore:
    """The webhook's side: the message stored, one INSERT; a worker of this process woken."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        clock: Callable[[], datetime],
        wake: threading.Event | None = None,
        limit: SenderLimit | None = None,
    ) -> None:
        self.uow_factory = uow_factory
        self.clock = clock
        self.wake = wake
        self.limit = limit

    def enqueue(self, form: dict[str, str]) -> bool:
        """Store the message with its sender (the worker answers one sender's messages in
        order); False if this MessageSid was stored before (a replay) or its sender is over
        the limit (dropped, the sender told once a minute)."""
        sid, sender, now = form.get("MessageSid", ""), form.get("From") or None, self.clock()
        if sender is not None and self.limit is not None:
            over = self.limit.count(sender, now) - self.limit.per_minute
            if over > 0:
                log.warning("MessageSid %s dropped: its sender is over the limit this minute", sid)
                if over == 1:  # the first message over: the sender is told, once a minute
                    self._tell_too_many(sender, now)
                return False
        with self.uow_factory() as uow:
            stored = uow.inbound.enqueue(CHANNEL, sid, form, now, sender)
            uow.commit()
        if not stored:
            log.info("replayed MessageSid %s acknowledged", sid)
        if self.wake is not None:
            self.wake.set()
        return stored

    def _tell_too_many(self, sender: str, now: datetime) -> None:
        window = int(now.timestamp()) // WINDOW_S
        with self.uow_factory() as uow:
            lang = language_of(uow, CHANNEL, sender)
            notify_chat(uow, CHANNEL, sender, lang, f"flood:{sender}:{window}", "wa.too_many", now)
            uow.commit()
