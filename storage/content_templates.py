"""The SIDs of the WhatsApp interactive templates (Twilio's Content API), kept once made."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import orm
from storage.db import upsert_for

TABLE = orm.whatsapp_content


class SqlContentTemplateRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str) -> str | None:
        return self.session.scalar(select(TABLE.c.sid).where(TABLE.c.key == key))

    def add(self, key: str, sid: str, now: datetime) -> str:
        """The first SID stored for a key stays: two processes creating the same template at
        once keep one of the two, the same for both."""
        insert_for = upsert_for(self.session)
        statement = insert_for(TABLE).values(key=key, sid=sid, created_at=now)
        self.session.execute(statement.on_conflict_do_nothing(index_elements=["key"]))
        kept = self.get(key)
        assert kept is not None
        return kept
