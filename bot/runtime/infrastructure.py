"""Shared infrastructure, built once per entry point: settings → the database, Redis, the
stores and senders every process uses (`Services`).

Nothing here runs at import time; `build()` opens what the process needs. What each process
builds on top: engines (conversations), senders (channels and the dispatcher), worker
(WhatsApp's inbound worker), web (the Flask app).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bot.delivery.budget import bulk_rate
from bot.delivery.notify import Channels
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

    from domain.ports.otp import SmsSender
    from domain.ports.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)


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
