"""Each trader's money with us: an append-only ledger of integer GNF, and what an order
still asks of its trader.

An entry is never changed nor deleted; a correction is another entry. Every entry carries an
idempotency key, unique in storage: the same credit written twice (a retried job, two
admins, two processes) is one entry. Credits are positive, credit used is negative, and the
balance is the sum of the entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.errors import InvalidInput
from domain.proofs import ProofKind

MAX_KEY = 120


class EntryKind(StrEnum):
    REMEASURE_CREDIT = "remeasure_credit"  # measured smaller than ordered: the difference back
    CREDIT_USED = "credit_used"  # taken on an amount due on an order
    CREDIT_RESTORED = "credit_restored"  # given back: the order it was used on never went ahead
    CANCELLATION = "cancellation"  # the importer cancelled: what was paid, back
    ADJUSTMENT = "adjustment"  # a manual correction
    REFUND = "refund"  # paid back to the trader by mobile money (negative)


@dataclass(frozen=True)
class LedgerEntry:
    trader_id: int
    amount_gnf: int  # signed: + credit to the trader, - credit used
    kind: EntryKind
    key: str  # idempotency key: one entry per key, ever
    at: datetime
    order_id: int | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.amount_gnf, int) or self.amount_gnf == 0:
            raise ValueError("a ledger entry is a non-zero whole number of GNF")
        if not self.key or len(self.key) > MAX_KEY:
            raise ValueError("a ledger entry needs an idempotency key")
        if self.kind in (EntryKind.CREDIT_USED, EntryKind.REFUND) and self.amount_gnf > 0:
            raise ValueError(f"{self.kind} is negative")


def balance(entries: Iterable[LedgerEntry]) -> int:
    """What the trader has with us: the sum of the entries."""
    return sum(entry.amount_gnf for entry in entries)


def cancellation_credit(paid: Iterable[int], order_entries: Iterable[int]) -> int:
    """What an order cancelled by the importer gives back: every payment approved on it, plus
    the credit used on it, less what it already gave back (a smaller measure). Never < 0."""
    return max(0, sum(paid) - sum(order_entries))


def check_positive_amount(amount_gnf: int) -> None:
    """A manual credit or a refund is a positive whole number of GNF."""
    if not isinstance(amount_gnf, int) or amount_gnf <= 0:
        raise InvalidInput("amount_not_positive")


def check_refund(amount_gnf: int, balance_gnf: int) -> None:
    """A refund pays back at most what the trader has with us."""
    check_positive_amount(amount_gnf)
    if amount_gnf > balance_gnf:
        raise InvalidInput("refund_over_balance")


def credit_to_use(available_gnf: int, due_gnf: int) -> int:
    """How much of a credit goes to an amount due: all of it, up to the amount."""
    return max(0, min(available_gnf, due_gnf))


def remaining_due(total_gnf: int, paid: Iterable[int], order_entries: Iterable[int]) -> int:
    """What an order still asks: its total, less the payments approved, less the credit used
    on it, plus any credit it gave back to the trader's balance (a smaller measure)."""
    return total_gnf - sum(paid) + sum(order_entries)


@dataclass(frozen=True)
class Statement:
    """An amount due, shown line by line: amount, credit used, what is left to pay."""

    amount_gnf: int
    credit_used_gnf: int

    @property
    def to_pay_gnf(self) -> int:
        return self.amount_gnf - self.credit_used_gnf


# What an order asks now: the amount due at order time (deposit or total) until it is paid;
# after the warehouse measure, what remains (unless the trader's answer is awaited).
_BEFORE_PAYMENT = frozenset({"reserved", "proof_submitted"})
_AFTER_MEASURE = frozenset({"received", "adjusted", "loaded"})


def due_now(
    status: str, total_gnf: int, due_at_order_gnf: int, remaining_gnf: int, awaiting_answer: bool
) -> int:
    """The instalment payable now on an order, in whole GNF (0: nothing to pay now)."""
    if status in _BEFORE_PAYMENT:
        return max(0, remaining_gnf - (total_gnf - due_at_order_gnf))
    if status in _AFTER_MEASURE and not awaiting_answer:
        return max(0, remaining_gnf)
    return 0


def instalment_kind(status: str, due_at_order_gnf: int, ordered_total_gnf: int) -> ProofKind:
    """What a payment made now pays. `ordered_total_gnf`: the total before any measure."""
    full_at_order = due_at_order_gnf >= ordered_total_gnf
    if status in _BEFORE_PAYMENT:
        return ProofKind.FULL if full_at_order else ProofKind.DEPOSIT
    return ProofKind.DIFFERENCE if full_at_order else ProofKind.BALANCE
