"""Each chat's conversation state, and the lock under which one message at a time reads
and changes it."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol


class HeldConversation(Protocol):
    """A chat's state under its lock: entering takes the lock and loads the state (and the
    keys read along) in one round trip, TimeoutError when the lock stays busy; `save` saves
    and releases in one; leaving without a save only releases."""

    state: dict[str, object] | None
    along: list[str | None]

    def __enter__(self) -> HeldConversation: ...
    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...
    def save(self, state: dict[str, object] | None) -> None: ...


class ConversationStore(Protocol):
    def load(self, channel: str, user_ref: str) -> dict[str, object] | None: ...
    def save(self, channel: str, user_ref: str, state: dict[str, object]) -> None: ...
    def clear(self, channel: str, user_ref: str) -> None: ...
    def held(
        self, channel: str, user_ref: str, lock: str, along: tuple[str, ...] = ()
    ) -> HeldConversation: ...
