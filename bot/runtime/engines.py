"""What answers messages: the trader engine and the admin desk, each with its codes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.runtime.infrastructure import Services
from bot.services.otp import OtpService

if TYPE_CHECKING:
    from bot.admin.desk import AdminDesk
    from bot.flows.engine import Engine


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
    from bot.services.trader_api.api import TraderApi

    api = TraderApi.build(
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
