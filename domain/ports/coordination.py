"""What every process shares outside the database: locks, versions, counters, a sending
budget, who wrote lately. Each check-and-change is one atomic step."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime
from typing import NamedTuple, Protocol


class HitCounter(Protocol):
    """A fixed-window counter per key: counts one hit and returns the count of the window,
    in one atomic step."""

    def hit(self, key: str, window_s: int, now: datetime) -> int: ...


class RecentContacts(Protocol):
    """Who wrote to us lately: WhatsApp allows free-form pushes only within 24 hours."""

    def touch(self, address: str) -> None: ...
    def is_recent(self, address: str) -> bool: ...


class Versions(Protocol):
    """A version per name, changed by `bump` (after a commit that changes what it covers);
    `key` names it in the store, to be read along with a chat's state."""

    def key(self, name: str) -> str: ...
    def current(self, name: str) -> str | None: ...
    def bump(self, name: str) -> None: ...


class Locks(Protocol):
    """Mutual exclusion by name across processes; TimeoutError when it stays busy."""

    def hold(self, name: str, wait_s: float = ...) -> AbstractContextManager[None]: ...


class SendSlot(NamedTuple):
    """What a SendBudget answered, in its own clock (seconds), which every process shares:
    `taken`, send at `at`; else ask again at `at`. `now`: that clock when it answered."""

    taken: bool
    at: float
    now: float

    @property
    def wait_s(self) -> float:
        """How long to wait: until the slot reserved, or (not taken) before asking again."""
        return max(self.at - self.now, 0.0 if self.taken else 0.001)


class SendBudget(Protocol):
    """A sending rate shared by every process (Telegram's per-bot limit): `take` is one
    atomic check-and-reserve of a slot for a message to `chat`, on the budget's clock."""

    def take(self, chat: str) -> SendSlot: ...
