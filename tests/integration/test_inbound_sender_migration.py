"""0012_inbound_sender fills the sender of the messages already queued from their stored
payload (WhatsApp's From), on SQLite and PostgreSQL; Telegram updates keep none."""

from __future__ import annotations

import json
import os
from urllib.parse import urlsplit, urlunsplit

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from storage.db import normalise_url
from storage.migrate import config_for
from tests import workers


def fresh_pg_database() -> str | None:
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        return None
    parts = urlsplit(workers.pg_url(server) or server)
    url = urlunsplit(parts._replace(path=f"{parts.path}_m0012"))
    workers.drop_database(server, url)
    workers.create_database(server, url)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    url = fresh_pg_database()
    if url is None:
        pytest.skip("TEST_DATABASE_URL not set: run the suite with scripts/test")
    return url


def test_the_queued_messages_get_their_sender_from_the_payload(empty_url):
    command.upgrade(config_for(empty_url), "0011_pending_index")
    engine = create_engine(normalise_url(empty_url))
    insert = text(
        "INSERT INTO inbound_queue (channel, message_id, payload, status, attempts, "
        "received_at, next_attempt_at) VALUES (:channel, :id, :payload, 'pending', 0, "
        "'2026-11-30 10:00:00+00:00', '2026-11-30 10:00:00+00:00')"
    )
    rows = [
        ("whatsapp", "SM1", {"MessageSid": "SM1", "From": "whatsapp:+224620123456"}),
        ("whatsapp", "SM2", {"MessageSid": "SM2"}),
        ("telegram", "7", {"update_id": 7, "From": "not a WhatsApp sender"}),
    ]
    with engine.begin() as connection:
        for channel, message_id, payload in rows:
            values = {"channel": channel, "id": message_id, "payload": json.dumps(payload)}
            connection.execute(insert, values)
    command.upgrade(config_for(empty_url), "head")
    with engine.connect() as connection:
        query = text("SELECT message_id, sender, lease_owner FROM inbound_queue ORDER BY id")
        found = [tuple(row) for row in connection.execute(query)]
    engine.dispose()
    assert found == [
        ("SM1", "whatsapp:+224620123456", None),
        ("SM2", None, None),
        ("7", None, None),
    ]


def test_the_backfill_leaves_the_finished_messages_alone(empty_url):
    """Only the unfinished messages need a sender (the claim's order looks at those only):
    the backfill runs under the ADD COLUMN's exclusive lock, which holds the webhooks' writes,
    so it must not rewrite the whole history (review R), nor fail on an old payload's odd
    From (here one longer than the column)."""
    command.upgrade(config_for(empty_url), "0011_pending_index")
    engine = create_engine(normalise_url(empty_url))
    insert = text(
        "INSERT INTO inbound_queue (channel, message_id, payload, status, attempts, "
        "received_at, next_attempt_at) VALUES ('whatsapp', :id, :payload, :status, 1, "
        "'2026-11-30 10:00:00+00:00', '2026-11-30 10:00:00+00:00')"
    )
    rows = [
        ("SM1", "done", "whatsapp:+224620000001"),
        ("SM2", "failed", "whatsapp:+" + "9" * 120),
        ("SM3", "working", "whatsapp:+224620000003"),
    ]
    with engine.begin() as connection:
        for sid, status, sender in rows:
            payload = json.dumps({"MessageSid": sid, "From": sender})
            connection.execute(insert, {"id": sid, "payload": payload, "status": status})
    command.upgrade(config_for(empty_url), "head")
    with engine.connect() as connection:
        query = text("SELECT message_id, sender FROM inbound_queue ORDER BY id")
        found = [tuple(row) for row in connection.execute(query)]
    engine.dispose()
    assert found == [("SM1", None), ("SM2", None), ("SM3", "whatsapp:+224620000003")]
