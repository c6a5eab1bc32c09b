"""One-time codes: where their limits are kept and enforced, and how they reach a phone."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from domain.otp import OtpPolicy, OtpScope


class OtpStore(Protocol):
    """Enforces OtpPolicy: every method checks and changes in one atomic step."""

    def reserve_send(self, scope: OtpScope, chat: str, now: datetime, policy: OtpPolicy) -> str:
        """A send slot for the phone and the chat (a token), or OtpRateLimited."""
        ...

    def release_send(self, scope: OtpScope, chat: str, token: str) -> None:
        """Give back the slot of a send whose SMS failed: it does not count."""
        ...

    def put_code(
        self, scope: OtpScope, token: str, code_hash: str, now: datetime, policy: OtpPolicy
    ) -> bool:
        """Put a delivered code in force, unless a newer send took the slot meanwhile."""
        ...

    def try_code(
        self, scope: OtpScope, candidate_hash: str, now: datetime, policy: OtpPolicy
    ) -> None:
        """Spend one try: a match deletes the code; else OtpExpired, OtpInvalid or OtpLocked."""
        ...


class SmsSender(Protocol):
    def send(self, phone: str, text: str) -> None: ...
