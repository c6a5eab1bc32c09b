"""A WhatsApp message in the worker's hands: the claim that leases it to one owner."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from domain.ports import JsonDict

Sent = list[tuple[str, str, str]]  # sends not recorded yet (sid, to, status)


class LeaseLost(Exception):
    """Another worker holds the message now: this one sends nothing more."""


@dataclass
class Claim:
    """A message in hand: its lease's owner, when the lease was last renewed, the sends made
    for it that are not recorded yet."""

    item_id: int
    owner: str
    form: JsonDict
    attempts: int  # claims so far, this one included
    renewed_at: datetime
    sent: Sent = field(default_factory=list)
