"""SQL storage of the inbound queue: webhook messages stored before they are acknowledged,
then handled by a worker.

A claim leases one message to one owner (a token): only that owner may renew the lease,
save its progress or record its outcome; a worker whose lease ran out changes nothing (the
message is someone else's now). A message is claimable only when no earlier message of its
sender is unfinished (pending or working), so one sender's messages are handled one at a time
and in order, whatever the number of workers, while different senders' go side by side.
On PostgreSQL, SKIP LOCKED lets several workers claim at once; the conditional UPDATE (still
due when written) keeps a message from being leased to two owners on any database.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, select, update
from sqlalchemy.orm import Session, aliased

from storage import orm
from storage.db import upsert_for
from storage.leases import Leases
from storage.results import changed

UNFINISHED = ("pending", "working")


def _first_of_its_sender() -> ColumnElement[bool]:
    """No earlier message of the same sender is unfinished (a NULL sender keeps no order)."""
    table, earlier = orm.inbound_queue, aliased(orm.inbound_queue)
    return ~exists().where(
        earlier.c.channel == table.c.channel,
        earlier.c.sender == table.c.sender,
        earlier.c.status.in_(UNFINISHED),
        earlier.c.id < table.c.id,
    )


LEASES = Leases(orm.inbound_queue, working="working")
FIRST_OF_ITS_SENDER = _first_of_its_sender()  # built once: the claim runs all day


class SqlInboundQueue:
    def __init__(self, session: Session) -> None:
        self.session = session

    def enqueue(
        self,
        channel: str,
        message_id: str,
        payload: dict[str, Any],
        now: datetime,
        sender: str | None = None,
    ) -> bool:
        """Store an inbound message once; False when this id was already stored. One
        statement, no savepoint (issue 12: the webhook's only write)."""
        statement = upsert_for(self.session)(orm.inbound_queue).values(
            channel=channel,
            message_id=message_id,
            payload=json.dumps(payload),
            status="pending",
            attempts=0,
            received_at=now,
            next_attempt_at=now,
            sender=sender,
        )
        result = self.session.execute(statement.on_conflict_do_nothing())
        return changed(result) == 1

    def claim(
        self, now: datetime, lease: timedelta, channel: str, owner: str
    ) -> tuple[int, str, dict[str, Any], int] | None:
        """Lease the oldest due message of `channel` whose sender has no earlier message
        unfinished to `owner` until now + lease; returns (id, channel, payload, claims so
        far, this one included). A worker that dies lets it fall due again."""
        table = orm.inbound_queue
        due = and_(
            table.c.channel == channel,
            table.c.status.in_(UNFINISHED),
            table.c.next_attempt_at <= now,
        )
        query = (
            select(table.c.id, table.c.channel, table.c.payload, table.c.attempts)
            .where(due, FIRST_OF_ITS_SENDER)
            .order_by(table.c.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        row = self.session.execute(query).first()
        if row is None:
            return None
        taken = update(table).where(table.c.id == row.id, due)
        values = {"next_attempt_at": now + lease, "lease_owner": owner}
        result = self.session.execute(
            taken.values(status="working", attempts=table.c.attempts + 1, **values)
        )
        if changed(result) != 1:
            return None  # another worker took it between the read and the write (SQLite)
        return row.id, row.channel, json.loads(row.payload), row.attempts + 1

    def renew(self, item_ids: list[int], owner: str, until: datetime) -> set[int]:
        """Extend the lease of the messages `owner` still holds; returns their ids."""
        return LEASES.renew(self.session, item_ids, owner, until)

    def save_payload(
        self, item_id: int, owner: str, payload: dict[str, Any], until: datetime
    ) -> bool:
        """The progress saved and the lease renewed, by its holder only: one UPDATE. False
        (nothing changed) when `owner` no longer holds the message."""
        values = {"payload": json.dumps(payload), "next_attempt_at": until}
        return LEASES.update_held(self.session, item_id, owner, values)

    def finish(
        self,
        item_id: int,
        owner: str,
        status: str,
        error: str | None = None,
        retry_at: datetime | None = None,
        payload: dict[str, Any] | None = None,
    ) -> bool:
        """The outcome (and the payload as it now stands, if given), recorded by the lease
        holder only: one UPDATE. False (nothing changed) when `owner` lost the lease."""
        values: dict[str, object] = {"status": status, "last_error": error, "lease_owner": None}
        if retry_at is not None:
            values["next_attempt_at"] = retry_at
        if payload is not None:
            values["payload"] = json.dumps(payload)
        return LEASES.update_held(self.session, item_id, owner, values)
