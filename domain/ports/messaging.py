"""The messages' records: what came in (the inbox of handled ids, the inbound queue), what
goes out (the outbox, the provider's delivery statuses, the channel's message templates) and
their purge. Each is written in the transaction of the change it belongs to."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Protocol

# A JSON object as stored and queued (inbox replies, inbound payloads, outbox rows).
JsonDict = dict[str, Any]


class Inbox(Protocol):
    """Inbound message ids already handled, with what was answered: a retried message is
    handled once and gets the same answer again (None: not handled yet)."""

    def replies(self, channel: str, message_id: str) -> list[JsonDict] | None: ...
    def mark(
        self, channel: str, message_id: str, now: datetime, replies: list[JsonDict]
    ) -> None: ...


class InboundQueue(Protocol):
    """Webhook messages stored before they are acknowledged, then handled by a worker. A
    claim leases one message to one owner; only that owner may renew, save or finish it (a
    False answer: the lease was lost, nothing changed). A message is claimable only when no
    earlier message of its sender is unfinished: one sender's messages in order."""

    def enqueue(
        self,
        channel: str,
        message_id: str,
        payload: JsonDict,
        now: datetime,
        sender: str | None = None,
    ) -> bool: ...
    def claim(
        self, now: datetime, lease: timedelta, channel: str, owner: str
    ) -> tuple[int, str, JsonDict, int] | None: ...
    def renew(self, item_ids: list[int], owner: str, until: datetime) -> set[int]: ...
    def save_payload(
        self, item_id: int, owner: str, payload: JsonDict, until: datetime
    ) -> bool: ...
    def finish(
        self,
        item_id: int,
        owner: str,
        status: str,
        error: str | None = None,
        retry_at: datetime | None = None,
        payload: JsonDict | None = None,
    ) -> bool: ...


class DeliveryLog(Protocol):
    """What a provider says became of the messages we sent; statuses only move forward."""

    def sent(self, sid: str, recipient: str, status: str, now: datetime) -> None: ...
    def update(
        self, sid: str, status: str, error_code: str | None, now: datetime
    ) -> str | None: ...


class Outbox(Protocol):
    """Messages for others, queued in the transaction of the change that causes them.

    A claim leases rows to `owner` (a token per claim); only the lease holder may renew or
    finish a row: both return what they changed, and change nothing for anyone else."""

    def add_many(self, rows: list[JsonDict], now: datetime) -> int: ...
    def claim(
        self, now: datetime, channels: list[str], lease: timedelta, limit: int, owner: str
    ) -> list[JsonDict]: ...
    def renew(self, item_ids: list[int], owner: str, until: datetime) -> set[int]: ...
    def finish(
        self,
        item_id: int,
        owner: str,
        status: str,
        now: datetime,
        error: str | None = None,
        retry_at: datetime | None = None,
    ) -> bool: ...
    def counts(self) -> dict[str, int]: ...
    def failed_keys(self, keys: list[str]) -> set[str]: ...


class Housekeeping(Protocol):
    def purge(self, before: datetime) -> dict[str, int]: ...


class ContentTemplateRepository(Protocol):
    """The SIDs of the message templates made for a channel (WhatsApp's interactive
    messages), by key: each is created once and kept."""

    def get(self, key: str) -> str | None: ...
    def add(self, key: str, sid: str, now: datetime) -> str:
        """Keep `sid` for `key` unless one is kept already; returns the SID in force."""
        ...
