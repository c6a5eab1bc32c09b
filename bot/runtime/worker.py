"""WhatsApp's inbound worker: stored webhook messages through the engine to the sender (the
`worker` process's, or the web process's when it runs it embedded)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.runtime.engines import build_engine
from bot.runtime.infrastructure import Services
from bot.runtime.senders import connect_channels


def sender_limit(services: Services) -> Any:
    """How many WhatsApp messages one sender may store a minute (the webhook's flood cap)."""
    from webhooks.inbound_store import SenderLimit

    return SenderLimit(services.hits, services.settings.whatsapp_sender_max_per_minute)


def build_worker(services: Services) -> Any:
    """The channels' senders connected (for the dispatcher too) and the WhatsApp inbound
    worker, not started (None without WhatsApp)."""
    from webhooks.inbound import InboundWorker
    from webhooks.media import TWILIO_API_BASE, MediaAccess

    settings = services.settings
    sender = connect_channels(services)
    if sender is None:
        return None
    sid, token = settings.twilio_credentials()
    return InboundWorker(
        uow_factory=services.uow_factory,
        engine=build_engine(services),
        sender=sender,
        recent=services.recent,
        media_auth=MediaAccess(sid, token, settings.twilio_api_base_url or TWILIO_API_BASE),
        clock=services.clock,
        lease=timedelta(seconds=settings.whatsapp_inbound_lease_seconds),
        limit=sender_limit(services),
    )
