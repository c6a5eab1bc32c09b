"""SQL storage of messages in and out: handled marks, the delivery log and the outbox (the
inbound queue: storage/inbound_queue.py)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage import orm
from storage.db import upsert_for
from storage.leases import Leases
from storage.results import changed


class SqlInbox:
    def __init__(self, session: Session) -> None:
        self.session = session

    def replies(self, channel: str, message_id: str) -> list[dict] | None:
        """What was answered to this message; None when it was not handled yet."""
        table = orm.processed_messages
        query = select(table.c.replies).where(
            table.c.channel == channel, table.c.message_id == message_id
        )
        row = self.session.execute(query).first()
        if row is None:
            return None
        return json.loads(row.replies) if row.replies else []  # rows from before 0004: []

    def mark(self, channel: str, message_id: str, now: datetime, replies: list[dict]) -> None:
        """The handled mark and the answer, in one row: one write, never one without the other.
        A row already there (a concurrent delivery of the same message marked it) is left as
        it is: the goal is met. One statement, no savepoint (issue 12)."""
        values = {"channel": channel, "message_id": message_id, "at": now}
        statement = upsert_for(self.session)(orm.processed_messages).values(
            **values, replies=json.dumps(replies)
        )
        self.session.execute(statement.on_conflict_do_nothing())


OUTBOX_LEASES = Leases(orm.outbox, working="sending")
STATUS_ORDER = {
    "accepted": 0,
    "queued": 1,
    "sending": 2,
    "sent": 3,
    "delivered": 4,
    "read": 5,
    "undelivered": 6,
    "failed": 6,
}


class SqlDeliveryLog:
    def __init__(self, session: Session) -> None:
        self.session = session

    def sent(self, sid: str, recipient: str, status: str, now: datetime) -> None:
        """A send, once per sid: recording it again (a retry after a commit whose outcome was
        not known) changes nothing."""
        statement = upsert_for(self.session)(orm.outbound_status).values(
            sid=sid, recipient=recipient, status=status, updated_at=now
        )
        self.session.execute(statement.on_conflict_do_nothing())

    def update(self, sid: str, status: str, error_code: str | None, now: datetime) -> str | None:
        """Move `sid` forward to `status`; returns the recipient when it moved, else None."""
        table = orm.outbound_status
        row = self.session.execute(
            select(table.c.status, table.c.recipient).where(table.c.sid == sid).with_for_update()
        ).first()
        if row is None or STATUS_ORDER.get(status, -1) <= STATUS_ORDER.get(row.status, -1):
            return None
        self.session.execute(
            update(table)
            .where(table.c.sid == sid)
            .values(status=status, error_code=error_code, updated_at=now)
        )
        return row.recipient


class SqlOutbox:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_many(self, rows: list[dict], now: datetime) -> int:
        """Queue many messages in one statement; keys already queued are skipped."""
        if not rows:
            return 0
        insert_for = upsert_for(self.session)
        values = [
            {
                **row,
                "payload": json.dumps(row["payload"], default=str),
                "status": "pending",
                "attempts": 0,
                "created_at": now,
                "next_attempt_at": now,
            }
            for row in rows
        ]
        statement = insert_for(orm.outbox).on_conflict_do_nothing(index_elements=["key"])
        result = self.session.execute(statement, values)
        return max(changed(result), 0)

    def claim(
        self, now: datetime, channels: list[str], lease: timedelta, limit: int, owner: str
    ) -> list[dict]:
        """Due messages for these channels, leased to `owner` until now + lease. SKIP LOCKED
        lets several dispatchers on PostgreSQL share the work; the conditional UPDATE (still
        due when written) keeps a row from being leased to two owners on any database."""
        table = orm.outbox
        due = (
            table.c.status.in_(("pending", "sending")),
            table.c.next_attempt_at <= now,
            table.c.channel.in_(channels),
        )
        query = select(table.c.id).where(*due).order_by(table.c.id).limit(limit)
        ids = list(self.session.scalars(query.with_for_update(skip_locked=True)))
        if not ids:
            return []
        self.session.execute(
            update(table)
            .where(table.c.id.in_(ids), *due)
            .values(
                status="sending",
                attempts=table.c.attempts + 1,
                next_attempt_at=now + lease,
                lease_owner=owner,
            )
        )
        held = select(table).where(table.c.id.in_(ids), table.c.lease_owner == owner)
        rows = self.session.execute(held.order_by(table.c.id)).all()
        return [{**row._mapping, "payload": json.loads(row.payload)} for row in rows]

    def renew(self, item_ids: list[int], owner: str, until: datetime) -> set[int]:
        """Extend the lease of the rows `owner` still holds; returns their ids."""
        return OUTBOX_LEASES.renew(self.session, item_ids, owner, until)

    def finish(
        self,
        item_id: int,
        owner: str,
        status: str,
        now: datetime,
        error: str | None = None,
        retry_at: datetime | None = None,
    ) -> bool:
        """Record the outcome, only for the lease holder; False (nothing changed) otherwise."""
        values: dict[str, object] = {"status": status, "last_error": error, "lease_owner": None}
        if status == "sent":
            values["sent_at"] = now
        if retry_at is not None:
            values["next_attempt_at"] = retry_at
        return OUTBOX_LEASES.update_held(self.session, item_id, owner, values)

    def failed_keys(self, keys: list[str]) -> set[str]:
        """Which of these messages were given up on (delivery failed for good)."""
        if not keys:
            return set()
        table = orm.outbox
        query = select(table.c.key).where(table.c.key.in_(keys), table.c.status == "failed")
        return set(self.session.scalars(query))

    def counts(self) -> dict[str, int]:
        table = orm.outbox
        rows = self.session.execute(select(table.c.status, func.count()).group_by(table.c.status))
        return {status: count for status, count in rows}
