"""SQL storage of the audit log and the periodic clean-up."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.orm import Session

from storage import orm
from storage.results import changed


class SqlAuditLog:
    def __init__(self, session: Session) -> None:
        self.session = session

    def record(self, actor: str, action: str, detail: Mapping[str, object], now: datetime) -> None:
        self.session.execute(
            insert(orm.audit_log).values(
                at=now, actor=actor, action=action, detail=json.dumps(detail, default=str)
            )
        )


class SqlHousekeeping:
    def __init__(self, session: Session) -> None:
        self.session = session

    def purge(self, before: datetime) -> dict[str, int]:
        """Forget handled message ids, finished inbound messages and sent notifications."""
        purged = {}
        for name, table, condition in (
            ("processed_messages", orm.processed_messages, orm.processed_messages.c.at < before),
            (
                "inbound_queue",
                orm.inbound_queue,
                (orm.inbound_queue.c.status == "done") & (orm.inbound_queue.c.received_at < before),
            ),
            (
                "outbox",
                orm.outbox,
                (orm.outbox.c.status == "sent") & (orm.outbox.c.created_at < before),
            ),
        ):
            purged[name] = changed(self.session.execute(table.delete().where(condition)))
        return purged
