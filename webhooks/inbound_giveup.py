"""What the WhatsApp worker says when it gives a message up: a sentence to the trader (in
their language), an alert to the admins (once per message)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from bot.engine.events import Reply
from bot.services.notifications import notify_admins
from bot.text.messages import t
from domain.errors import DeliveryFailed
from domain.ports import JsonDict, UnitOfWork
from webhooks.inbound_store import CHANNEL
from webhooks.whatsapp_sender import WhatsAppSender

log = logging.getLogger(__name__)


def tell(sender: WhatsAppSender, address: str, key: str, lang: str) -> None:
    """The catalogue's `key` to the trader; a failed send is logged, not raised."""
    try:
        sender.reply(address, Reply(t(key, lang), lang=lang))
    except DeliveryFailed:
        log.warning("could not tell %s %s", address, key)


def alert_admins(
    uow_factory: Callable[[], UnitOfWork],
    now: datetime,
    form: JsonDict,
    attempts: int,
    error: str,
) -> None:
    """The admins told the message was dropped, once per message (the outbox key)."""
    sid = form.get("MessageSid", "")
    values = {"channel": CHANNEL, "message": sid, "attempts": attempts, "error": error[:200]}
    with uow_factory() as uow:
        notify_admins(uow, f"inbound-failed:{sid}", "admin.inbound_failed", values, now)
        uow.commit()
