"""The composition root: builds settings and services once per entry point.

Nothing here runs at import time; `build()` opens what the process needs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.delivery.budget import SharedRateLimiter, bulk_rate
from bot.delivery.notify import Channels
from bot.services.otp import OtpService
from bot.settings import Settings
from domain.otp import OtpPolicy
from storage.db import make_engine, make_session_factory, ping
from storage.hit_counter import RedisHitCounter
from storage.kv import (
    RedisConversationStore,
    RedisLocks,
    RedisRecentContacts,
    RedisVersions,
    make_redis,
)
from storage.otp_store import RedisOtpStore
from storage.send_budget import RedisSendBudget
from storage.uow import SqlUnitOfWork

if TYPE_CHECKING:
    from collections.abc import Callable

    from bot.admin.desk import AdminDesk
    from bot.delivery.dispatch import Dispatcher
    from bot.flows.engine import Engine
    from domain.ports import SmsSender, UnitOfWork

log = logging.getLogger(__name__)
# The outbox's Telegram rate at the default limit (30/s, 10 % kept for live replies): 27.
TELEGRAM_PER_SECOND = bulk_rate(30)


def utc_now() -> datetime:
    return datetime.now(UTC)


class ConsoleSms:
    """SMS_PROVIDER=console: the text goes to the log instead of a phone."""

    def send(self, phone: str, text: str) -> None:
        log.warning("SMS to %s: %s", phone, text)


@dataclass
class Services:
    settings: Settings
    uow_factory: Callable[[], UnitOfWork]
    conversations: RedisConversationStore
    otps: RedisOtpStore
    locks: RedisLocks
    recent: RedisRecentContacts
    sms: SmsSender
    channels: Channels
    health: Callable[[], dict[str, str]]
    hits: RedisHitCounter
    versions: RedisVersions
    telegram_budget: RedisSendBudget
    telegram_live_budget: RedisSendBudget
    clock: Callable[[], datetime] = utc_now
    otp_policy: OtpPolicy = field(default_factory=OtpPolicy)


def make_sms(settings: Settings) -> SmsSender:
    if settings.sms_provider == "console":
        return ConsoleSms()
    if settings.sms_provider == "twilio":
        from webhooks.twilio_rest import TwilioSms, make_client

        sid, token, sender = (
            settings.twilio_account_sid,
            settings.twilio_auth_token,
            settings.twilio_sms_from,
        )
        if not (sid and token and sender):
            raise ValueError(
                "SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_SMS_FROM"
            )
        client = make_client(sid, token.get_secret_value(), settings.twilio_api_base_url)
        return TwilioSms(client, sender)
    raise ValueError(f"unknown SMS_PROVIDER={settings.sms_provider!r} (console or twilio)")


def build(settings: Settings, *, migrate: bool = True, sms: SmsSender | None = None) -> Services:
    if migrate:
        from storage.migrate import upgrade  # alembic: only in the processes that migrate

        upgrade(settings.database_url)
    db_engine = make_engine(settings.database_url)
    session_factory = make_session_factory(db_engine)
    redis_client = make_redis(settings.redis_url)
    versions = RedisVersions(redis_client)
    uow_factory = lambda: SqlUnitOfWork(session_factory, versions)  # noqa: E731
    return Services(
        settings=settings,
        uow_factory=uow_factory,
        conversations=RedisConversationStore(
            redis_client, lock_timeout_s=settings.lock_timeout_seconds
        ),
        otps=RedisOtpStore(redis_client),
        locks=RedisLocks(redis_client, timeout_s=settings.lock_timeout_seconds),
        recent=RedisRecentContacts(redis_client),
        sms=sms or make_sms(settings),
        channels=Channels(),
        health=lambda: check_health(db_engine, redis_client),
        hits=RedisHitCounter(redis_client),
        versions=versions,
        telegram_budget=telegram_budget(settings, redis_client),
        telegram_live_budget=telegram_budget(settings, redis_client, live=True),
    )


def telegram_budget(settings: Settings, redis_client: Any, live: bool = False) -> RedisSendBudget:
    """Telegram's sends, all processes together, in Redis per bot (bot.delivery.budget): a
    live reply takes a slot of the bot's whole rate; an outbox send takes one of the whole
    rate and of the bulk share (the rest is the replies' reserve), or of the paid broadcasts'
    rate, and one message a second per chat."""
    token = settings.telegram_bot_token
    bot_id = token.get_secret_value().split(":")[0] if token else "none"  # public, not secret
    name, whole = f"telegram:{bot_id}", settings.telegram_max_per_second
    if live:
        return RedisSendBudget(redis_client, name, {"all": whole})
    if settings.telegram_paid_broadcast:
        rates = {"paid": settings.telegram_paid_max_per_second}
    else:
        rates = {"all": whole, "bulk": bulk_rate(whole)}
    return RedisSendBudget(redis_client, name, rates, per_chat_s=1.0)


def check_health(db_engine: Any, redis_client: Any) -> dict[str, str]:
    """Reachability of the database and Redis, for GET /health."""
    result = {}
    try:
        ping(db_engine)
        result["database"] = "ok"
    except Exception as error:
        log.warning("health: database unreachable: %s", error)
        result["database"] = "unreachable"
    try:
        redis_client.ping()
        result["redis"] = "ok"
    except Exception as error:
        log.warning("health: redis unreachable: %s", error)
        result["redis"] = "unreachable"
    return result


def make_otp(services: Services, namespace: str = "trader") -> OtpService:
    """Codes in `namespace`: "trader" for registration, "admin" for admin sessions, so that
    nothing done in one can delay or burn a code of the other."""
    return OtpService(
        services.otps,
        services.sms,
        services.settings.secret_key_bytes(),
        services.clock,
        services.otp_policy,
        namespace,
    )


def build_engine(services: Services) -> Engine:
    from bot.flows.engine import Engine
    from bot.services.terms_cache import TermsCache
    from bot.services.trader_api import TraderApi

    api = TraderApi(
        services.uow_factory, services.settings, services.clock, TermsCache(services.versions)
    )
    return Engine(
        api=api,
        otp=make_otp(services),
        settings=services.settings,
        conversations=services.conversations,
        locks=services.locks,
        uow_factory=services.uow_factory,
        clock=services.clock,
    )


def build_desk(services: Services, admin_chat: str | None = None) -> AdminDesk:
    """The desk of one admin chat: ADMIN_CHAT_ID by default (the console names its own)."""
    from bot.admin.desk import AdminDesk

    if admin_chat is None:
        admin_chat = str(services.settings.admin_chat_id or "")
    return AdminDesk(
        uow_factory=services.uow_factory,
        settings=services.settings,
        otp=make_otp(services, namespace="admin"),
        admin_chat=admin_chat,
        store=services.conversations,
        locks=services.locks,
        clock=services.clock,
    )


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
    inbound = worker.store if worker else InboundStore(services.uow_factory, services.clock)
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
    )


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
