"""Payment proofs: images recognised by their content, size-capped, hashed for duplicates."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from domain.errors import ProofRejected
from domain.stored import Stored

MAX_PROOF_BYTES = 5 * 1024 * 1024
MAX_REFERENCE_LENGTH = 64
MAX_REFERENCE_TEXT = 80  # a longer message is a sentence, not a transaction reference


class ProofKind(StrEnum):
    """What a payment pays: the total at order time, or a deposit then the balance after
    the warehouse measure, or the difference of a larger measure."""

    FULL = "full"
    DEPOSIT = "deposit"
    BALANCE = "balance"
    DIFFERENCE = "difference"

    @property
    def at_order_time(self) -> bool:
        return self in (ProofKind.FULL, ProofKind.DEPOSIT)


class ProofStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


def sniff_image_type(content: bytes) -> str | None:
    """The MIME type of a JPEG, PNG or WebP image judged by its magic bytes, else None."""
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if len(content) >= 12 and content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    return None


def check_image(content: bytes, max_bytes: int = MAX_PROOF_BYTES) -> str:
    """Validate a proof image; return its MIME type or raise ProofRejected."""
    if not content:
        raise ProofRejected("empty")
    if len(content) > max_bytes:
        raise ProofRejected("too_large")
    mime = sniff_image_type(content)
    if mime is None:
        raise ProofRejected("not_an_image")
    return mime


def image_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


MIN_REFERENCE_LENGTH = 6


def normalise_reference(text: str | None) -> str | None:
    """Transaction references compared without case, spaces or punctuation. What does not
    look like one (under 6 letters and digits, or no digit at all: `2`, `merci`, `voici mon
    reçu`) is no reference."""
    if text is None:
        return None
    cleaned = "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())
    if len(cleaned) < MIN_REFERENCE_LENGTH or not any(ch.isdigit() for ch in cleaned):
        return None
    return cleaned[:MAX_REFERENCE_LENGTH]


@dataclass(eq=False)
class PaymentProof(Stored):
    order_id: int
    content: bytes
    mime: str
    sha256: str
    size: int
    submitted_at: datetime
    reference: str | None = None
    status: ProofStatus = ProofStatus.PENDING
    reason: str | None = None
    decided_at: datetime | None = None
    decided_by: str | None = None
    kind: ProofKind = ProofKind.FULL
    amount_gnf: int | None = None  # what this payment should be (None: proofs before kinds)
    id: int | None = field(default=None)

    @classmethod
    def from_upload(
        cls,
        order_id: int,
        content: bytes,
        reference: str | None,
        now: datetime,
        kind: ProofKind = ProofKind.FULL,
        amount_gnf: int | None = None,
    ) -> PaymentProof:
        mime = check_image(content)
        return cls(
            order_id=order_id,
            content=content,
            mime=mime,
            sha256=image_hash(content),
            size=len(content),
            submitted_at=now,
            reference=normalise_reference(reference),
            kind=kind,
            amount_gnf=amount_gnf,
        )

    def decide(self, approved: bool, by: str, now: datetime, reason: str | None = None) -> None:
        if self.status is not ProofStatus.PENDING:
            raise ProofRejected("already_decided")
        self.status = ProofStatus.APPROVED if approved else ProofStatus.REJECTED
        self.reason = reason
        self.decided_by = by
        self.decided_at = now


@dataclass(frozen=True)
class UnreadableAttachment:
    """A file sent for an order that is not a readable image: kept for the admins up to
    the proof cap; beyond it only its size and the refusal are kept (`content` is None)."""

    order_id: int
    reason: str  # not_an_image, empty, too_large
    size: int
    received_at: datetime
    content: bytes | None = None

    @classmethod
    def keep(
        cls, order_id: int, content: bytes | None, reason: str, now: datetime, size: int = 0
    ) -> UnreadableAttachment:
        if content is not None and len(content) > MAX_PROOF_BYTES:
            return cls(order_id, "too_large", len(content), now)
        size = len(content) if content is not None else size
        return cls(order_id, reason, size, now, content)


@dataclass(frozen=True)
class DuplicateWarning:
    """Another order already used this image or this transaction reference."""

    kind: str  # "image" or "reference"
    other_order_id: int
