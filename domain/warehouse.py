"""Warehouse receipts: goods measured at the China warehouse, and what the measure changes.

A receipt compares the measured volume with the ordered one. Equal: nothing but the receipt.
Larger: the difference is reserved in the container and the trader accepts or contests the
difference to pay. Smaller: the space is released and the difference credited to the trader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from domain.errors import DomainError, IllegalTransition, InvalidInput
from domain.stored import Stored


class ReceiptOutcome(StrEnum):
    EQUAL = "equal"
    LARGER = "larger"
    SMALLER = "smaller"


class ReceiptStatus(StrEnum):
    DONE = "done"  # nothing asked of the trader
    AWAITING = "awaiting"  # larger: the trader's answer is awaited
    ACCEPTED = "accepted"
    CONTESTED = "contested"
    EXTRA_REFUSED = "extra_refused"  # larger, no room: only the ordered volume travels


def check_measure(measured_l: int, capacity_l: int) -> None:
    """A measure is a positive volume that fits in a container."""
    if measured_l <= 0:
        raise InvalidInput("measure_not_positive")
    if measured_l > capacity_l:
        raise InvalidInput("measure_over_capacity")


def outcome_of(previous_l: int, measured_l: int) -> ReceiptOutcome:
    if measured_l == previous_l:
        return ReceiptOutcome.EQUAL
    return ReceiptOutcome.LARGER if measured_l > previous_l else ReceiptOutcome.SMALLER


@dataclass(eq=False)
class WarehouseReceipt(Stored):
    order_id: int
    previous_l: int
    measured_l: int
    previous_total_gnf: int
    new_total_gnf: int
    status: ReceiptStatus
    created_at: datetime
    actor: str
    cartons: int | None = None
    photo: bytes | None = None
    decided_at: datetime | None = None
    id: int | None = field(default=None)

    @property
    def outcome(self) -> ReceiptOutcome:
        return outcome_of(self.previous_l, self.measured_l)

    @property
    def difference_gnf(self) -> int:
        """What the measure adds to the order's total (negative when smaller)."""
        return self.new_total_gnf - self.previous_total_gnf

    @property
    def awaiting_answer(self) -> bool:
        return self.status is ReceiptStatus.AWAITING

    def answer(self, accept: bool, now: datetime) -> None:
        """Accept or contest the difference; a contested measure may still be accepted."""
        allowed = (ReceiptStatus.AWAITING, ReceiptStatus.CONTESTED) if accept else ()
        if self.status is not ReceiptStatus.AWAITING and self.status not in allowed:
            raise IllegalTransition(self.status.value, "accepted" if accept else "contested")
        self.status = ReceiptStatus.ACCEPTED if accept else ReceiptStatus.CONTESTED
        self.decided_at = now


class NoRoomForMeasure(DomainError):
    """A larger measure does not fit in the order's container: the admin chooses."""

    def __init__(self, extra_l: int, remaining_l: int, code: str) -> None:
        super().__init__(f"{extra_l} L more do not fit in {code} ({remaining_l} L left)")
        self.extra_l = extra_l
        self.remaining_l = remaining_l
        self.code = code
