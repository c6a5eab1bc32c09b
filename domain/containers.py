"""Shared containers: capacity, fill, and stages that only move forward."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum

from domain.errors import ContainerCancelled, ContainerClosed, ContainerFull, StageTransitionError
from domain.stored import Stored

DEFAULT_CAPACITY_L = 76_000
MILESTONES_PCT = (50, 75, 90, 100)


class Stage(StrEnum):
    COLLECTE = "collecte"  # collecting in China: the only stage that accepts orders
    MER = "mer"  # at sea
    PORT = "port"  # arrived at Conakry, customs
    LIVRE = "livre"  # available / delivered
    ANNULE = "annule"  # cancelled by the importer while collecting: off the voyage

    @property
    def next(self) -> Stage | None:
        if self not in VOYAGE:
            return None
        index = VOYAGE.index(self)
        return VOYAGE[index + 1] if index + 1 < len(VOYAGE) else None


VOYAGE = (Stage.COLLECTE, Stage.MER, Stage.PORT, Stage.LIVRE)  # the stages, in their order


@dataclass(eq=False)
class Container(Stored):
    code: str
    capacity_l: int = DEFAULT_CAPACITY_L
    used_l: int = 0
    stage: Stage = Stage.COLLECTE
    opened_at: datetime | None = None
    stage_changed_at: datetime | None = None
    eta: date | None = None  # estimated arrival at Conakry (domain.eta), once it sails
    id: int | None = field(default=None)

    @property
    def remaining_l(self) -> int:
        return self.capacity_l - self.used_l

    @property
    def fill_pct(self) -> Decimal:
        """Fill percentage, truncated to one decimal so 99.99 % never shows as full."""
        exact = Decimal(self.used_l) * 100 / Decimal(self.capacity_l)
        return exact.quantize(Decimal("0.1"), rounding=ROUND_DOWN)

    @property
    def accepts_orders(self) -> bool:
        return self.stage is Stage.COLLECTE

    def check_fits(self, volume_l: int) -> None:
        if volume_l <= 0:
            raise ValueError("volume must be positive")
        if not self.accepts_orders:
            raise ContainerClosed(self.code)
        if volume_l > self.remaining_l:
            raise ContainerFull(self.remaining_l, self.code)

    def reserve(self, volume_l: int, now: datetime) -> bool:
        """Take volume; leave collecte when full. Returns True when this filled it."""
        self.check_fits(volume_l)
        self.used_l += volume_l
        if self.used_l == self.capacity_l:
            self.advance(now)
            return True
        return False

    def check_cancellable(self) -> None:
        """Only a container still collecting in China may be cancelled."""
        if self.stage is Stage.ANNULE:
            raise ContainerCancelled(self.code)
        if self.stage is not Stage.COLLECTE:
            raise ContainerClosed(self.code)

    def release(self, volume_l: int) -> None:
        if volume_l <= 0 or volume_l > self.used_l:
            raise ValueError(f"cannot release {volume_l} L of {self.used_l} L")
        self.used_l -= volume_l

    def advance(self, now: datetime) -> Stage:
        target = self.stage.next
        if target is None:
            raise StageTransitionError(f"{self.code} is already {self.stage}")
        self.stage = target
        self.stage_changed_at = now
        return target


def milestones_reached(before_l: int, after_l: int, capacity_l: int) -> list[int]:
    """Milestones crossed by a fill going from before_l to after_l."""
    return [pct for pct in MILESTONES_PCT if before_l * 100 < pct * capacity_l <= after_l * 100]


def container_code(year: int, sequence: int) -> str:
    return f"TD-{year}-{sequence:02d}"
