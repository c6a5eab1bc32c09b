"""The admin desk: who may act, the 2FA session, and routing to commands and buttons.

Being in the admin chat or having the right Telegram id is never enough: the sender must be
a registered trader whose phone is in ADMIN_PHONES, and (with ADMIN_REQUIRE_2FA) hold a
session opened by an SMS code within ADMIN_SESSION_MINUTES.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.engine.conversation import Conversation
from bot.engine.events import Inbound, Reply
from bot.engine.gate import MessageGate
from bot.messages import code_problem, t
from bot.parsing import digits_only
from bot.services.otp import OtpService
from bot.settings import Settings
from domain.errors import DeliveryFailed, OtpError, OtpRateLimited
from domain.phones import mask_phone
from domain.ports import ConversationStore, Locks, UnitOfWork
from domain.traders import Trader

log = logging.getLogger(__name__)


@dataclass
class AdminStep:
    desk: AdminDesk
    event: Inbound
    admin: Trader
    conv: Conversation
    command: str | None
    args: list[str]

    @property
    def lang(self) -> str:
        return self.admin.language.value

    @property
    def actor(self) -> str:
        return f"{self.admin.name} ({self.admin.phone})"

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def reply(self, key: str, **values: object) -> list[Reply]:
        return [Reply(self.t(key, **values))]


def parse_command(text: str) -> tuple[str | None, list[str]]:
    """'/taux@TontineBot 1250' -> ('taux', ['1250'])."""
    words = text.strip().split()
    if not words or not words[0].startswith("/"):
        return None, words
    return words[0][1:].split("@", 1)[0].lower(), words[1:]


class AdminDesk:
    def __init__(
        self,
        *,
        uow_factory: Callable[[], UnitOfWork],
        settings: Settings,
        otp: OtpService,
        store: ConversationStore,
        locks: Locks,
        clock: Callable[[], datetime],
    ) -> None:
        self.uow_factory = uow_factory
        self.settings = settings
        self.otp = otp
        self.store = store
        self.gate = MessageGate(locks, uow_factory, clock)
        self.clock = clock

    def handle(self, event: Inbound) -> list[Reply]:
        lock = f"admin:{event.channel}:{event.user_ref}"
        return self.gate.run(lock, event, lambda: self._handle_locked(event))

    def _handle_locked(self, event: Inbound) -> list[Reply]:
        admin = self._admin(event)
        if admin is None:
            log.warning(
                "admin action refused for %s:%s (%r, %r)",
                event.channel,
                event.user_ref,
                event.text[:40],
                event.choice,
            )
            return [Reply(t("admin.refused"))]
        key = f"admin:{event.channel}"
        conv = Conversation.from_dict(self.store.load(key, event.user_ref))
        command, args = parse_command(event.text)
        step = AdminStep(self, event, admin, conv, command, args)
        replies = self._route(step)
        self.store.save(key, event.user_ref, conv.to_dict())
        return replies

    def _admin(self, event: Inbound) -> Trader | None:
        with self.uow_factory() as uow:
            trader = uow.traders.by_identity(event.channel, event.user_ref)
        if trader is None or trader.phone not in self.settings.admin_phone_set:
            return None
        return trader

    def _route(self, step: AdminStep) -> list[Reply]:
        from bot.admin import commands

        if step.command == "admin":
            return self._login(step)
        if step.conv.state == "admin_code" and step.command is None and not step.event.choice:
            return self._verify(step)
        if not self.session_live(step):
            return step.reply("admin.login_required")
        return commands.route(step)

    # Sessions
    def _session_key(self, step: AdminStep) -> tuple[str, str]:
        return f"admin-session:{step.event.channel}", step.event.user_ref

    def session_live(self, step: AdminStep) -> bool:
        if not self.settings.admin_require_2fa:
            return True
        session = self.store.load(*self._session_key(step)) or {}
        verified_at = float(session.get("verified_at", 0))  # type: ignore[arg-type]
        age_s = self.clock().timestamp() - verified_at
        return 0 <= age_s < self.settings.admin_session_minutes * 60

    def _login(self, step: AdminStep) -> list[Reply]:
        if not self.settings.admin_require_2fa:
            return step.reply("admin.no_2fa")
        chat = f"admin:{step.event.channel}:{step.event.user_ref}"
        try:
            self.otp.send(step.admin.phone, chat, step.lang)
        except (OtpRateLimited, DeliveryFailed) as problem:
            return [Reply(code_problem(problem, step.lang))]
        step.conv.go("admin_code")
        return step.reply("admin.code_sent", phone=mask_phone(step.admin.phone))

    def _verify(self, step: AdminStep) -> list[Reply]:
        try:
            self.otp.verify(step.admin.phone, digits_only(step.event.text)[:6])
        except OtpError as problem:
            return [Reply(code_problem(problem, step.lang))]
        self.store.save(
            *self._session_key(step),
            {"verified_at": self.clock().timestamp()},
        )
        step.conv.go("idle")
        with self.uow_factory() as uow:
            uow.audit.record(
                step.actor, "admin_login", {"channel": step.event.channel}, self.clock()
            )
            uow.commit()
        return step.reply("admin.session_open", minutes=self.settings.admin_session_minutes)
