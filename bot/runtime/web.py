"""The web process: the Flask app (WhatsApp's webhooks, Telegram's in webhook mode, the
receipts' pages) on the shared infrastructure."""

from __future__ import annotations

from typing import Any

from bot.runtime.infrastructure import Services
from bot.runtime.worker import build_worker, sender_limit
from bot.settings import Settings


def build_web(services: Services, *, embedded: bool = True) -> Any:
    """The Flask app (WhatsApp's webhooks, Telegram's in webhook mode) and, `embedded`, its
    WhatsApp inbound worker, not started; None when the `worker` process runs it instead,
    or without WhatsApp. Not embedded, the web process only stores and acknowledges."""
    from webhooks.app import WebhookDeps, create_app
    from webhooks.inbound_store import InboundStore

    settings = services.settings
    whatsapp = settings.whatsapp_enabled and settings.public_base_url
    if not whatsapp and not settings.telegram_webhook_url:
        raise ValueError(
            "the web process needs WhatsApp (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, "
            "TWILIO_WHATSAPP_FROM, PUBLIC_BASE_URL) or TELEGRAM_WEBHOOK_URL"
        )
    worker = build_worker(services) if whatsapp and embedded else None
    inbound = (
        worker.store
        if worker
        else InboundStore(services.uow_factory, services.clock, limit=sender_limit(services))
    )
    secret = settings.telegram_webhook_token() if settings.telegram_webhook_url else None
    deps = WebhookDeps(
        _twilio_validator(settings) if whatsapp else None,
        settings.public_base_url or "",
        inbound if whatsapp else None,
        services.uow_factory,
        services.clock,
        services.health,
        secret,
    )
    app = create_app(deps)
    install_receipt_routes(services, app)
    return app, worker


def _twilio_validator(settings: Settings) -> Any:
    from twilio.request_validator import RequestValidator

    token = settings.twilio_auth_token
    if token is None:
        raise ValueError("TWILIO_AUTH_TOKEN is required to check the webhooks' signatures")
    return RequestValidator(token.get_secret_value())


def install_receipt_routes(services: Services, app: Any) -> None:
    """The receipts' verification page and PDF links (issue 14), on the web app."""
    from webhooks.receipts import ReceiptRoutesDeps, install

    settings = services.settings
    routes = ReceiptRoutesDeps(
        services.uow_factory,
        services.clock,
        services.hits,
        settings.public_base_url or "",
        settings.receipt_requests_per_minute,
        settings.secret_key_bytes(),
    )
    install(app, routes, settings.proxy_hops)
