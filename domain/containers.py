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
FILLED_STAGE = VOYAGE[1]  # a booking that fills a container exactly sends it to sea


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

    def fits(self, volume_l: int) -> bool:
        """Room for this volume in a container that still takes orders."""
        return self.accepts_orders and volume_l <= self.remaining_l

    def check_fits(self, volume_l: int) -> None:
        """The reservation rule: a positive volume, a container still collecting, and room
        for it. SqlContainerRepository.reserve enforces it in one conditional UPDATE and asks
        this method which refusal to name when the UPDATE changes nothing."""
        check_volume(volume_l)
        if not self.accepts_orders:
            raise ContainerClosed(self.code)
        if not self.fits(volume_l):
            raise ContainerFull(self.remaining_l, self.code)

    def check_cancellable(self) -> None:
        """Only a container still collecting in China may be cancelled."""
        if self.stage is Stage.ANNULE:
            raise ContainerCancelled(self.code)
        if self.stage is not Stage.COLLECTE:
            raise ContainerClosed(self.code)

    def next_stage(self) -> Stage:
        """Stages only move forward, one at a time."""
        target = self.stage.next
        if target is None:
            raise StageTransitionError(f"{self.code} is already {self.stage}")
        return target

    @property
    def milestone(self) -> int | None:
        """The highest fill milestone reached while the fill still matters to its traders
        (collecting, or just filled and sailing); None below 50 % or later in the voyage."""
        if self.stage not in (Stage.COLLECTE, FILLED_STAGE):
            return None
        reached = [pct for pct in MILESTONES_PCT if self.used_l * 100 >= pct * self.capacity_l]
        return reached[-1] if reached else None


def check_volume(volume_l: int) -> None:
    """A reservation or a release moves a positive volume; anything else is a bug."""
    if volume_l <= 0:
        raise ValueError(f"volume must be positive, not {volume_l}")


def container_code(year: int, sequence: int) -> str:
    return f"TD-{year}-{sequence:02d}"
