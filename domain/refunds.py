"""Refund requests: a trader asks their credit back; an admin pays it by mobile money and
records the payment's reference. The ledger records the refund as a negative entry, once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from domain.errors import InvalidInput
from domain.ledger import check_positive_amount
from domain.stored import Stored

MAX_REFERENCE = 64
NUMBER_PREFIX = "R"


class RefundStatus(StrEnum):
    REQUESTED = "requested"
    PAID = "paid"


@dataclass(eq=False)
class RefundRequest(Stored):
    trader_id: int
    amount_gnf: int
    requested_at: datetime
    status: RefundStatus = RefundStatus.REQUESTED
    reference: str | None = None  # the mobile-money reference of the payment
    paid_at: datetime | None = None
    paid_by: str | None = None
    id: int | None = field(default=None)

    def __post_init__(self) -> None:
        check_positive_amount(self.amount_gnf)

    @property
    def number(self) -> str:
        if self.id is None:
            raise ValueError("a refund request has a number once stored")
        return format_number(self.id)

    def mark_paid(self, reference: str, actor: str, now: datetime) -> None:
        if self.status is not RefundStatus.REQUESTED:
            raise InvalidInput("refund_already_paid", number=self.number)
        self.status = RefundStatus.PAID
        self.reference = clean_reference(reference)
        self.paid_by = actor
        self.paid_at = now


def clean_reference(text: str) -> str:
    """A mobile-money reference: 3 to 64 letters, digits, dashes, dots, slashes."""
    reference = text.strip()
    allowed = all(ch.isascii() and (ch.isalnum() or ch in "-_./") for ch in reference)
    if not 3 <= len(reference) <= MAX_REFERENCE or not allowed:
        raise InvalidInput("unreadable_reference")
    return reference


def format_number(refund_id: int) -> str:
    return f"{NUMBER_PREFIX}{refund_id}"


def parse_number(text: str) -> int:
    """'R12', 'r12', '12' -> 12; InvalidInput otherwise."""
    cleaned = text.strip().upper().removeprefix(NUMBER_PREFIX)
    if not (cleaned.isascii() and cleaned.isdigit()) or not 1 <= len(cleaned) <= 9:
        raise InvalidInput("unreadable_refund")
    return int(cleaned)
