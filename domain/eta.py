"""Estimated arrival at Conakry (ETA): the default when a container sails, and the rules a
change must follow. Every change is kept (old date, new date, reason, who, when), so a
trader can be told once per change and the admins can see how a date moved."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.containers import Stage
from domain.errors import DomainError, InvalidInput
from domain.stored import Stored

SEA_TRANSIT_DAYS = 45
MAX_AHEAD = timedelta(days=366)  # "more than a year away" is refused
MAX_REASON = 200
CONAKRY = ZoneInfo("Africa/Conakry")
DEPARTURE_REASON = "departure"  # the reason recorded with the default ETA

_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class EtaMoved(DomainError):
    """The ETA is no longer the date the admin saw when the change was previewed."""


@dataclass(eq=False)
class EtaChange(Stored):
    """One move of a container's ETA; `old` is None for the first date it gets."""

    container_id: int
    old: date | None
    new: date
    reason: str
    actor: str
    at: datetime
    id: int | None = field(default=None)

    @property
    def is_move(self) -> bool:
        """A date that replaced another (the first default is not a move)."""
        return self.old is not None and self.old != self.new


def local_day(moment: datetime) -> date:
    """The calendar day at Conakry of an instant."""
    return moment.astimezone(CONAKRY).date()


def default_eta(departed_at: datetime, transit_days: int = SEA_TRANSIT_DAYS) -> date:
    """The day a container that sailed at `departed_at` should reach Conakry."""
    if transit_days <= 0:
        raise ValueError("transit days must be positive")
    return local_day(departed_at) + timedelta(days=transit_days)


def parse_day(text: str) -> date:
    """A date typed the French way (15/01/2027, 15/1/27, 15-01-2027, 15.01.2027) or ISO
    (2027-01-15); InvalidInput("eta_unreadable") for anything else."""
    cleaned = text.strip()
    try:
        if match := _ISO.fullmatch(cleaned):
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)
        if match := _DMY.fullmatch(cleaned):
            day, month, year = (int(g) for g in match.groups())
            return date(2000 + year if year < 100 else year, month, day)
    except ValueError:
        pass  # 31/02/2027: digits in the right places, no such day
    raise InvalidInput("eta_unreadable", command="eta")


def check_change(stage: Stage, current: date | None, new: date, reason: str, now: datetime) -> None:
    """Refuse, with a named reason, a change an admin may not make: to a delivered
    container, without a reason, into the past, more than a year away, or to the same day."""
    refusal = _refusal(stage, current, new, reason.strip(), local_day(now))
    if refusal is not None:
        raise InvalidInput(refusal, command="eta")


def _refusal(stage: Stage, current: date | None, new: date, reason: str, today: date) -> str | None:
    if stage is Stage.LIVRE:
        return "eta_delivered"
    if not reason:
        return "eta_no_reason"
    if len(reason) > MAX_REASON:
        return "eta_reason_too_long"
    if new < today:
        return "eta_past"
    if new > today + MAX_AHEAD:
        return "eta_too_far"
    if new == current:
        return "eta_unchanged"
    return None


def visible_eta(stage: Stage, eta: date | None) -> date | None:
    """The ETA traders and admins are shown: none once the container is delivered, or if it
    was cancelled."""
    return None if stage in (Stage.LIVRE, Stage.ANNULE) else eta
