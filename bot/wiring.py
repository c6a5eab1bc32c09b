"""The composition root: builds settings and services once per entry point.

Nothing here runs at import time; `build()` opens what the process needs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.settings import Settings
from domain.otp import OtpPolicy
from storage.db import make_engine, make_session_factory
from storage.kv import RedisConversationStore, RedisLocks, RedisOtpStore, make_redis
from storage.migrate import upgrade
from storage.uow import SqlUnitOfWork

if TYPE_CHECKING:
    from collections.abc import Callable

    from bot.engine.core import Engine
    from domain.ports import SmsSender, UnitOfWork

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
    sms: SmsSender
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
        upgrade(settings.database_url)
    session_factory = make_session_factory(make_engine(settings.database_url))
    redis_client = make_redis(settings.redis_url)
    return Services(
        settings=settings,
        uow_factory=lambda: SqlUnitOfWork(session_factory),
        conversations=RedisConversationStore(redis_client),
        otps=RedisOtpStore(redis_client),
        locks=RedisLocks(redis_client),
        sms=sms or make_sms(settings),
    )


def build_engine(services: Services) -> Engine:
    from bot.engine.core import Engine
    from bot.services.otp import OtpService
    from bot.trader_api import TraderApi

    return Engine(
        api=TraderApi(services.uow_factory, services.settings, services.clock),
        otp=OtpService(
            services.otps,
            services.sms,
            services.settings.secret_key_bytes(),
            services.clock,
            services.otp_policy,
        ),
        settings=services.settings,
        conversations=services.conversations,
        locks=services.locks,
        uow_factory=services.uow_factory,
        clock=services.clock,
    )
