"""Sending and checking one-time codes: the store enforces the limits, each in one step.

A send reserves its slot before the SMS goes out (so two racing sends cannot both pass the
limits), gives the slot back if the SMS fails, and only then puts the new code in force:
the code in force is never replaced by one that was not delivered.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.text.messages import t
from domain.otp import OtpPolicy, OtpScope, generate_code, hash_code
from domain.ports.otp import OtpStore, SmsSender


class OtpService:
    """Codes for one namespace ("trader", "admin"): nothing done in one touches another."""

    def __init__(
        self,
        store: OtpStore,
        sms: SmsSender,
        secret_key: bytes,
        clock: Callable[[], datetime],
        policy: OtpPolicy | None = None,
        namespace: str = "trader",
    ) -> None:
        self.store = store
        self.sms = sms
        self.secret_key = secret_key
        self.clock = clock
        self.policy = policy or OtpPolicy()
        self.namespace = namespace

    def _scope(self, phone: str) -> OtpScope:
        return OtpScope(self.namespace, phone)

    def send(self, phone: str, chat: str, lang: str) -> None:
        """Send a new code to `phone`; OtpRateLimited when the phone or the chat asked too
        often (or the phone's guesses are locked), DeliveryFailed when the SMS failed."""
        scope, now = self._scope(phone), self.clock()
        token = self.store.reserve_send(scope, chat, now, self.policy)
        code = generate_code()
        try:
            self.sms.send(phone, t("sms.code", lang, code=code))
        except Exception:  # re-raised: a send that failed must not count
            self.store.release_send(scope, chat, token)
            raise
        code_hash = hash_code(self.secret_key, scope.subject, code)
        self.store.put_code(scope, token, code_hash, now, self.policy)

    def verify(self, phone: str, code: str) -> None:
        """Raise OtpExpired, OtpInvalid or OtpLocked unless `code` is right; spends the code."""
        scope = self._scope(phone)
        candidate = hash_code(self.secret_key, scope.subject, code.strip())
        self.store.try_code(scope, candidate, self.clock(), self.policy)
