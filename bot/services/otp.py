"""Sending and checking one-time codes: limits per phone and per chat, hashes in Redis."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.messages import t
from domain.otp import OtpChallenge, OtpPolicy, recent_sends
from domain.ports import OtpStore, SmsSender


class OtpService:
    def __init__(
        self,
        store: OtpStore,
        sms: SmsSender,
        secret_key: bytes,
        clock: Callable[[], datetime],
        policy: OtpPolicy | None = None,
    ) -> None:
        self.store = store
        self.sms = sms
        self.secret_key = secret_key
        self.clock = clock
        self.policy = policy or OtpPolicy()

    @property
    def _ttl_s(self) -> int:
        return int(self.policy.send_window.total_seconds())

    def _load(self, subject: str) -> OtpChallenge:
        data = self.store.load(subject)
        return OtpChallenge(subject) if data is None else OtpChallenge.from_dict(data)

    def send(self, phone: str, chat: str, lang: str) -> None:
        """Send a new code to `phone`; OtpRateLimited when the phone or the chat asked too often."""
        now = self.clock()
        chat_key = f"chat:{chat}"
        chat_sends = recent_sends(self._sends_of(chat_key), now, self.policy)
        challenge = self._load(phone)
        code = challenge.issue(self.secret_key, now, self.policy)
        # Sent first, recorded after: a code the provider refused was never delivered, so it
        # neither counts against the limits nor replaces the code in force.
        self.sms.send(phone, t("sms.code", lang, code=code))
        self.store.save(phone, challenge.to_dict(), self._ttl_s)
        self.store.save(chat_key, {"sends": [*chat_sends, now.timestamp()]}, self._ttl_s)

    def _sends_of(self, key: str) -> list[float]:
        data = self.store.load(key) or {}
        return [float(s) for s in data.get("sends", [])]  # type: ignore[union-attr]

    def verify(self, phone: str, code: str) -> None:
        """Raise OtpExpired, OtpInvalid or OtpLocked unless `code` is right; spends the code."""
        challenge = self._load(phone)
        try:
            challenge.verify(self.secret_key, code, self.clock(), self.policy)
        finally:
            self.store.save(phone, challenge.to_dict(), self._ttl_s)
