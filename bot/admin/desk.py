"""The admin desk: who may act, where, the 2FA session, and routing to commands and buttons.

The desk serves one chat, the admin chat (ADMIN_CHAT_ID: a group of admins, or one admin's
private chat with the bot; the terminal in `console --admin`). Admins are not traders: in
that chat, anyone unknown is asked for their phone (a shared contact, their own, or typed);
a phone listed in ADMIN_PHONES gets an SMS code from the admin OTP namespace, and the code
binds (this user, this chat) to that phone. With ADMIN_REQUIRE_2FA, actions then need a code
verified within ADMIN_SESSION_MINUTES. Anything said to the desk from another chat changes
nothing and shows nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import partial

from bot.admin import commands
from bot.admin.step import AdminIdentity, AdminStep, DeskDeps, parse_command
from bot.engine.choices import typed_choice
from bot.engine.conversation import Conversation
from bot.engine.events import Inbound, Reply
from bot.engine.gate import MessageGate
from bot.services.otp import OtpService
from bot.settings import Settings
from bot.text.messages import code_problem, t
from bot.text.parsing import digits_only
from domain.errors import DeliveryFailed, InvalidInput, OtpError, OtpRateLimited
from domain.phones import mask_phone, normalise_phone
from domain.ports.conversations import ConversationStore
from domain.ports.coordination import Locks
from domain.ports.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)
MAX_REFUSALS = 3  # wrong phones before the desk stops answering a stranger for a while
REFUSED_FOR_S = 3600


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
        admin_chat: str,
    ) -> None:
        self.deps = DeskDeps(uow_factory, settings, clock)
        self.settings = settings
        self.otp = otp
        self.store = store
        self.gate = MessageGate(locks, uow_factory, clock)
        self.clock = clock
        self.admin_chat = admin_chat

    def handle(self, event: Inbound) -> list[Reply]:
        if event.chat_ref != self.admin_chat:  # the channel routes; this is the second wall
            log.warning("admin desk called from chat %r by %s", event.chat_ref, event.user_ref)
            return [Reply(t("admin.elsewhere"))]
        lock = f"admin:{event.channel}:{event.chat_ref}:{event.user_ref}"
        lang = partial(self.language_of, event)
        return self.gate.run(lock, event, lambda: self._handle_locked(event), lang=lang)

    def language_of(self, event: Inbound) -> str:
        """The admin's language, read without the lock (French for someone not identified)."""
        raw = self.store.load(f"admin-identity:{event.channel}", self._ref(event))
        return AdminIdentity.from_dict(raw).lang if raw else "fr"

    # State and identity are kept per (channel, admin chat, user).
    def _ref(self, event: Inbound) -> str:
        return f"{event.chat_ref}:{event.user_ref}"

    def _handle_locked(self, event: Inbound) -> list[Reply]:
        conv = Conversation.from_dict(self.store.load(f"admin:{event.channel}", self._ref(event)))
        admin = self._known_admin(event)
        replies = self._identify(event, conv) if admin is None else self._serve(event, conv, admin)
        offered = [c for r in replies for c in r.choices]
        if offered or replies:
            conv.choices = offered
        self.store.save(f"admin:{event.channel}", self._ref(event), conv.to_dict())
        lang = admin.lang if admin is not None else "fr"
        return [replace(reply, lang=lang) for reply in replies]

    def _known_admin(self, event: Inbound) -> AdminIdentity | None:
        raw = self.store.load(f"admin-identity:{event.channel}", self._ref(event))
        if not raw:
            return None
        admin = AdminIdentity.from_dict(raw)
        if admin.phone not in self.settings.admin_phone_set:  # removed from ADMIN_PHONES
            self.store.clear(f"admin-identity:{event.channel}", self._ref(event))
            return None
        return admin

    def _keep(self, event: Inbound, admin: AdminIdentity) -> None:
        self.store.save(f"admin-identity:{event.channel}", self._ref(event), admin.to_dict())

    # Someone not yet known in this chat
    def _identify(self, event: Inbound, conv: Conversation) -> list[Reply]:
        now = self.clock().timestamp()
        if conv.state == "admin_refused" and now < float(conv.data.get("until", 0)):
            log.info("admin chat: ignoring refused user %s", event.user_ref)
            return []
        if conv.state == "admin_code" and parse_command(event.text)[0] is None:
            code = digits_only(event.text)
            if len(code) == 6:
                return self._verify(event, conv, AdminIdentity(conv.data["phone"], ""))
        phone = self._phone_given(event)
        if conv.state in ("admin_phone", "admin_code") and phone is not None:
            return self._phone_received(event, conv, phone)
        if event.contact_phone and not event.contact_is_own:
            return [Reply(t("reg.not_own_contact"))]
        conv.go("admin_phone", refusals=conv.data.get("refusals", 0))
        return [self._ask_phone(event)]

    def _ask_phone(self, event: Inbound) -> Reply:
        share = t("reg.share_contact") if event.can_share_contact else None
        return Reply(t("admin.identify"), request_contact=share)

    def _phone_given(self, event: Inbound) -> str | None:
        raw = event.contact_phone if event.contact_is_own else None
        raw = raw or (event.text if parse_command(event.text)[0] is None else None)
        try:
            return normalise_phone(raw) if raw else None
        except InvalidInput:
            return None

    def _phone_received(self, event: Inbound, conv: Conversation, phone: str) -> list[Reply]:
        if phone not in self.settings.admin_phone_set:
            refusals = int(conv.data.get("refusals", 0)) + 1
            log.warning("admin chat: %s gave a phone not in ADMIN_PHONES", event.user_ref)
            if refusals >= MAX_REFUSALS:
                conv.go("admin_refused", until=self.clock().timestamp() + REFUSED_FOR_S)
            else:
                conv.go("admin_phone", refusals=refusals)
            return [Reply(t("admin.refused"))]
        return self._send_code(event, conv, phone, "fr")

    def _send_code(self, event: Inbound, conv: Conversation, phone: str, lang: str) -> list[Reply]:
        try:
            self.otp.send(phone, f"admin:{event.channel}:{self._ref(event)}", lang)
        except (OtpRateLimited, DeliveryFailed) as problem:
            return [Reply(code_problem(problem, lang))]
        conv.go("admin_code", phone=phone)
        return [Reply(t("admin.code_sent", lang, phone=mask_phone(phone)))]

    def _verify(self, event: Inbound, conv: Conversation, admin: AdminIdentity) -> list[Reply]:
        try:
            self.otp.verify(admin.phone, digits_only(event.text)[:6])
        except OtpError as problem:
            return [Reply(code_problem(problem, admin.lang))]
        admin.name = admin.name or self._name_for(event, admin.phone)
        admin.verified_at = self.clock().timestamp()
        self._keep(event, admin)
        conv.go("idle")
        with self.deps.uow_factory() as uow:
            detail = {"channel": event.channel, "chat": event.chat_ref, "user": event.user_ref}
            uow.audit.record(f"{admin.name} ({admin.phone})", "admin_login", detail, self.clock())
            uow.commit()
        if not self.settings.admin_require_2fa:
            return [Reply(t("admin.no_2fa", admin.lang))]
        return [Reply(t("admin.session_open", admin.lang, minutes=self._minutes))]

    def _name_for(self, event: Inbound, phone: str) -> str:
        with self.deps.uow_factory() as uow:
            trader = uow.traders.by_phone(phone)
        return (trader.name if trader else "") or event.sender_name[:60] or mask_phone(phone)

    @property
    def _minutes(self) -> int:
        return self.settings.admin_session_minutes

    # A known admin
    def _serve(self, event: Inbound, conv: Conversation, admin: AdminIdentity) -> list[Reply]:
        command, args = parse_command(event.text)
        if command == "admin":
            return self._send_code(event, conv, admin.phone, admin.lang)
        if conv.state == "admin_code" and command is None and not event.choice:
            return self._verify(event, conv, admin)
        if not self._session_live(admin):
            return [Reply(t("admin.login_required", admin.lang))]
        choice = event.choice or (typed_choice(conv.choices, event.text) if not command else None)
        step = AdminStep(self.deps, event, admin, conv, command, args, choice)
        replies = commands.route(step)
        if step.saved:
            self._keep(event, step.saved[-1])
        return replies

    def _session_live(self, admin: AdminIdentity) -> bool:
        if not self.settings.admin_require_2fa:
            return True
        age_s = self.clock().timestamp() - admin.verified_at
        return 0 <= age_s < self._minutes * 60
