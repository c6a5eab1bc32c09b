"""One-time codes: random, stored only as an HMAC, short-lived, few tries, few sends."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from domain.errors import OtpExpired, OtpInvalid, OtpLocked, OtpRateLimited

CODE_DIGITS = 6


@dataclass(frozen=True)
class OtpPolicy:
    lifetime: timedelta = timedelta(minutes=5)
    max_attempts: int = 5
    resend_cooldown: timedelta = timedelta(seconds=30)
    send_window: timedelta = timedelta(minutes=15)
    max_sends_per_window: int = 3


def generate_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def hash_code(secret_key: bytes, subject: str, code: str) -> str:
    """HMAC of the code bound to its subject (a phone), so a hash is useless elsewhere."""
    return hmac.new(secret_key, f"{subject}:{code}".encode(), hashlib.sha256).hexdigest()


def recent_sends(sends: list[float], now: datetime, policy: OtpPolicy) -> list[float]:
    """The sends still inside the window, if one more is allowed now; else OtpRateLimited."""
    ts = now.timestamp()
    recent = [s for s in sends if ts - s < policy.send_window.total_seconds()]
    if recent:
        cooldown_left = policy.resend_cooldown.total_seconds() - (ts - max(recent))
        if cooldown_left > 0:
            raise OtpRateLimited(int(cooldown_left) + 1)
    if len(recent) >= policy.max_sends_per_window:
        window_left = policy.send_window.total_seconds() - (ts - min(recent))
        raise OtpRateLimited(int(window_left) + 1)
    return recent


@dataclass
class OtpChallenge:
    """The stored side of a code: its hash, when it was issued, tries used, recent sends."""

    subject: str
    code_hash: str = ""
    issued_at: float = 0.0
    attempts: int = 0
    sends: list[float] = field(default_factory=list)

    def issue(self, secret_key: bytes, now: datetime, policy: OtpPolicy) -> str:
        """Make a new code if the send limits allow it; return the plain code to send."""
        recent = recent_sends(self.sends, now, policy)
        code = generate_code()
        self.code_hash = hash_code(secret_key, self.subject, code)
        self.issued_at = now.timestamp()
        self.attempts = 0
        self.sends = [*recent, now.timestamp()]
        return code

    def verify(self, secret_key: bytes, code: str, now: datetime, policy: OtpPolicy) -> None:
        """Raise unless `code` is the live code; a success spends the code."""
        if not self.code_hash:
            raise OtpExpired()
        if now.timestamp() - self.issued_at > policy.lifetime.total_seconds():
            raise OtpExpired()
        if self.attempts >= policy.max_attempts:
            raise OtpLocked()
        candidate = hash_code(secret_key, self.subject, code.strip())
        if not hmac.compare_digest(candidate, self.code_hash):
            self.attempts += 1
            left = policy.max_attempts - self.attempts
            if left <= 0:
                raise OtpLocked()
            raise OtpInvalid(left)
        self.code_hash = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "subject": self.subject,
            "code_hash": self.code_hash,
            "issued_at": self.issued_at,
            "attempts": self.attempts,
            "sends": self.sends,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> OtpChallenge:
        return cls(
            subject=str(data["subject"]),
            code_hash=str(data.get("code_hash", "")),
            issued_at=float(data.get("issued_at", 0.0)),  # type: ignore[arg-type]
            attempts=int(data.get("attempts", 0)),  # type: ignore[call-overload]
            sends=[float(s) for s in data.get("sends", [])],  # type: ignore[union-attr]
        )
