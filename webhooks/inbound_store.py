"""The webhook's side of the WhatsApp inbound queue: store and acknowledge, nothing else.

Kept apart from webhooks/inbound.py (the worker: engine, media, Twilio's REST client), so
that the web process imports only what it runs (issue 12).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from domain.ports import UnitOfWork

CHANNEL = "whatsapp"


class InboundStore:
    """The webhook's side: the message stored, one INSERT; a worker of this process woken."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        clock: Callable[[], datetime],
        wake: threading.Event | None = None,
    ) -> None:
        self.uow_factory = uow_factory
        self.clock = clock
        self.wake = wake

    def enqueue(self, form: dict[str, str]) -> bool:
        """Store the message with its sender (the worker answers one sender's messages in
        order); False if this MessageSid was stored before (a replay)."""
        with self.uow_factory() as uow:
            sid, sender = form.get("MessageSid", ""), form.get("From") or None
            stored = uow.inbound.enqueue(CHANNEL, sid, form, self.clock(), sender)
            uow.commit()
        if self.wake is not None:
            self.wake.set()
        return stored
