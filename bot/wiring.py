"""The composition root: builds settings and services once per entry point.

Nothing here runs at import time; `build()` opens what the process needs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.notify import ChannelNotifier
from bot.services.otp import OtpService
from bot.settings import Settings
from domain.otp import OtpPolicy
from storage.db import make_engine, make_session_factory
from storage.kv import RedisConversationStore, RedisLocks, RedisOtpStore, make_redis
from storage.migrate import upgrade
from storage.uow import SqlUnitOfWork

if TYPE_CHECKING:
    from collections.abc import Callable

    from bot.admin.desk import AdminDesk
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
    notifier: ChannelNotifier
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
    uow_factory = lambda: SqlUnitOfWork(session_factory)  # noqa: E731
    return Services(
        settings=settings,
        uow_factory=uow_factory,
        conversations=RedisConversationStore(redis_client),
        otps=RedisOtpStore(redis_client),
        locks=RedisLocks(redis_client),
        sms=sms or make_sms(settings),
        notifier=ChannelNotifier(uow_factory, senders={}, admin=None),
    )


def make_otp(services: Services) -> OtpService:
    return OtpService(
        services.otps,
        services.sms,
        services.settings.secret_key_bytes(),
        services.clock,
        services.otp_policy,
    )


def build_engine(services: Services) -> Engine:
    from bot.admin.cards import proof_card
    from bot.engine.core import Engine
    from bot.trader_api import TraderApi

    def post_proof_to_admins(proof_id: int) -> None:
        card = proof_card(services.uow_factory(), proof_id, "fr")
        if card is not None:
            services.notifier.to_admins(card)

    api = TraderApi(services.uow_factory, services.settings, services.clock, post_proof_to_admins)
    return Engine(
        api=api,
        otp=make_otp(services),
        settings=services.settings,
        conversations=services.conversations,
        locks=services.locks,
        uow_factory=services.uow_factory,
        clock=services.clock,
    )


def build_desk(services: Services) -> AdminDesk:
    from bot.admin.desk import AdminDesk

    return AdminDesk(
        uow_factory=services.uow_factory,
        settings=services.settings,
        otp=make_otp(services),
        store=services.conversations,
        locks=services.locks,
        notifier=services.notifier,
        clock=services.clock,
    )
