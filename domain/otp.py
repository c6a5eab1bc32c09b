"""One-time codes: random, stored only as an HMAC, short-lived, few tries, few sends.

The domain names the policy and the pure pieces (the code, its hash); the OtpStore port
enforces the policy, each check and its change in one atomic step (storage/otp.lua),
so that no two processes can both spend the last try or the last send.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

CODE_DIGITS = 6


@dataclass(frozen=True)
class OtpPolicy:
    """How long a code lives, how many wrong guesses and sends are allowed.

    - `max_attempts` wrong guesses lock the code in force; a resend does not reset that
      count while the code is alive (the count ends with a success or when the code expires).
    - `max_wrong_per_window` wrong guesses per phone in `wrong_window`, whatever the codes.
    - sends: one per `resend_cooldown` and `max_sends_per_window` per `send_window`, both
      per phone AND per chat.
    """

    lifetime: timedelta = timedelta(minutes=5)
    max_attempts: int = 5
    max_wrong_per_window: int = 10
    wrong_window: timedelta = timedelta(hours=1)
    resend_cooldown: timedelta = timedelta(seconds=30)
    send_window: timedelta = timedelta(minutes=15)
    max_sends_per_window: int = 3


@dataclass(frozen=True)
class OtpScope:
    """Whose code: one phone in one namespace ("trader", "admin"), never shared between them."""

    namespace: str
    phone: str

    @property
    def subject(self) -> str:
        return f"{self.namespace}:{self.phone}"


def generate_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def hash_code(secret_key: bytes, subject: str, code: str) -> str:
    """HMAC of the code bound to its subject (namespace and phone): useless elsewhere."""
    return hmac.new(secret_key, f"{subject}:{code}".encode(), hashlib.sha256).hexdigest()
