"""Payment receipts: one per approved payment, verifiable for 30 days through a token.

The token is the only way to a receipt from outside (the QR code's verification page, the
PDF link WhatsApp fetches): unguessable, and once expired it names nothing, exactly like a
token that never existed.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from domain.errors import InvalidInput
from domain.stored import Stored

VALIDITY = timedelta(days=30)
TOKEN_BYTES = 32
# secrets.token_urlsafe(32): 43 characters of the URL-safe base64 alphabet.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")


class ReceiptKind(StrEnum):
    """What the payment paid: the whole order, a deposit, the balance, or the difference of a
    larger warehouse measure (the same kinds as domain.proofs.ProofKind)."""

    FULL = "full"
    DEPOSIT = "deposit"
    BALANCE = "balance"
    DIFFERENCE = "difference"  # a larger warehouse measure, accepted then paid


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_token(text: str) -> bool:
    """Whether `text` has the shape of a token (anything else is looked up nowhere)."""
    return _TOKEN.fullmatch(text) is not None


@dataclass(eq=False)
class Receipt(Stored):
    """What a payment paid, frozen at approval; the order's figures come from the order."""

    order_id: int
    payment_key: str  # the payment it acknowledges, e.g. "proof:12": one receipt each
    kind: ReceiptKind
    amount_gnf: int
    remaining_due_gnf: int
    reference: str | None
    paid_at: datetime
    token: str
    created_at: datetime
    expires_at: datetime
    id: int | None = field(default=None)

    @classmethod
    def issue(
        cls,
        order_id: int,
        payment_key: str,
        amount_gnf: int,
        now: datetime,
        *,
        kind: ReceiptKind = ReceiptKind.FULL,
        remaining_due_gnf: int = 0,
        reference: str | None = None,
    ) -> Receipt:
        if amount_gnf < 0 or remaining_due_gnf < 0:
            raise InvalidInput("negative_amount")
        return cls(
            order_id=order_id,
            payment_key=payment_key,
            kind=kind,
            amount_gnf=amount_gnf,
            remaining_due_gnf=remaining_due_gnf,
            reference=reference,
            paid_at=now,
            token=new_token(),
            created_at=now,
            expires_at=now + VALIDITY,
        )

    def is_valid(self, now: datetime) -> bool:
        return now < self.expires_at

    def renew(self, now: datetime) -> None:
        """A receipt asked for again after it expired: a new token, 30 more days; the old
        links stay dead."""
        self.token = new_token()
        self.expires_at = now + VALIDITY

    @property
    def number(self) -> str:
        if self.id is None:
            raise ValueError("a receipt has a number once stored")
        return f"R{self.id:05d}"
