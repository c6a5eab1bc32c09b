"""What sends: each configured channel's sender, handed to the outbox dispatcher, and the
dispatcher with its rate limits."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from bot.delivery.budget import SharedRateLimiter, bulk_rate
from bot.runtime.infrastructure import Services
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.delivery.dispatch import Dispatcher

# The outbox's Telegram rate at the default limit (30/s, 10 % kept for live replies): 27.
TELEGRAM_PER_SECOND = bulk_rate(30)


def connect_channels(services: Services, telegram_sender: Any = None) -> Any:
    """Give the dispatcher a door to each configured channel; returns the WhatsApp sender.

    `telegram_sender` is the running bot's own; elsewhere (the web process) a push sender.
    """
    settings = services.settings
    if telegram_sender is None and settings.telegram_bot_token is not None:
        from bot.channels.telegram_push import TelegramPushSender

        telegram_sender = TelegramPushSender(settings)
    if telegram_sender is not None:
        services.channels.senders["telegram"] = telegram_sender
        if settings.admin_chat_id is not None:
            services.channels.admin = (telegram_sender, str(settings.admin_chat_id))
    if not settings.whatsapp_enabled:
        return None
    from webhooks.whatsapp_sender import WhatsAppSender

    def record_sent(sid: str, to: str, status: str) -> None:
        with services.uow_factory() as uow:
            uow.deliveries.sent(sid, to, status, services.clock())
            uow.commit()

    base = settings.public_base_url
    client = _twilio_client(settings)
    sender = WhatsAppSender(
        client,
        settings.whatsapp_sender(),
        services.recent,
        template_sid=settings.whatsapp_template_notification,
        status_callback=f"{base.rstrip('/')}/webhooks/whatsapp/status" if base else None,
        on_sent=record_sent,
        interactive=whatsapp_templates(services, client),
        media_base=base,
    )
    services.channels.senders["whatsapp"] = sender
    return sender


def _twilio_client(settings: Settings) -> Any:
    from webhooks.twilio_rest import make_client

    return make_client(*settings.twilio_credentials(), settings.twilio_api_base_url)


def whatsapp_templates(services: Services, client: Any = None) -> Any:
    """The WhatsApp buttons' Content templates, or None when WhatsApp or its buttons are off."""
    settings = services.settings
    if not (settings.whatsapp_enabled and settings.whatsapp_interactive):
        return None
    from webhooks.whatsapp_interactive import TwilioContentTemplates

    client = client or _twilio_client(settings)
    return TwilioContentTemplates(client, services.uow_factory, services.clock)


def build_dispatcher(services: Services) -> Dispatcher:
    from bot.delivery.dispatch import Dispatcher, Limiter, RateLimiter

    telegram = SharedRateLimiter(services.telegram_budget)  # the admin chat is Telegram
    limits: dict[str, Limiter] = {
        "telegram": telegram,
        "admin": telegram,
        "whatsapp": RateLimiter(services.settings.whatsapp_max_per_second),
    }
    base = services.settings.public_base_url
    key = services.settings.secret_key_bytes()
    lease = timedelta(seconds=services.settings.outbox_lease_seconds)
    return Dispatcher(
        services.uow_factory, services.channels, services.clock, limits, base, key, lease
    )
