"""P3: what one trader message costs in SQL statements, transactions and Redis round trips,
step by step, on PostgreSQL + Redis: through the engine alone, and through the whole WhatsApp
path (the signed webhook, then the inbound worker's turn, replies to the fake Twilio).

Statements and transactions come from SQLAlchemy's events; the pool's pre-ping `SELECT 1`
from a wrapped `do_ping`; Redis round trips from a wrapped `send_packed_command` (a pipeline
is one). SQL round trips = statements + pings + 2 per transaction (BEGIN, COMMIT/ROLLBACK).
"""

from __future__ import annotations

import uuid
from collections import Counter
from contextlib import contextmanager

import redis.connection
from sqlalchemy import event
from sqlalchemy.dialects.postgresql.psycopg2 import PGDialect_psycopg2
from sqlalchemy.engine import Engine

from bench import load
from bench.services import fresh_stores, timed_twilio
from bench.stack import SECRET_KEY
from bot.engine.events import Inbound
from bot.runtime.engines import build_engine
from bot.runtime.infrastructure import build
from bot.runtime.web import build_web
from bot.settings import Settings

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
STEPS = [  # (label, engine fields)
    ("menu", {"text": "menu"}),
    ("menu -> quote", {"choice": "menu:quote"}),
    ("category", {"choice": "cat:textile"}),
    ("volume", {"text": "2,5"}),
    ("price -> quote", {"text": "10 000"}),
    ("order", {"choice": "quote:order"}),
    ("proof photo", {"image": PNG, "text": "ref OM-420042"}),
]
HEADLINE = ("menu", "price -> quote", "order", "proof photo")
counts: Counter = Counter()


def _statement(*_args) -> None:
    counts["statements"] += 1


def _begin(*_args) -> None:
    counts["transactions"] += 1


@contextmanager
def counting():
    """Counts everything any engine or Redis client of this process does meanwhile."""
    event.listen(Engine, "before_cursor_execute", _statement)
    event.listen(Engine, "begin", _begin)
    ping, send = PGDialect_psycopg2.do_ping, redis.connection.AbstractConnection.send_packed_command

    def counted_ping(self, connection):
        counts["pings"] += 1
        return ping(self, connection)

    def counted_send(self, *args, **kwargs):
        counts["redis"] += 1
        return send(self, *args, **kwargs)

    PGDialect_psycopg2.do_ping = counted_ping  # type: ignore[method-assign]
    redis.connection.AbstractConnection.send_packed_command = counted_send  # type: ignore[method-assign]
    try:
        yield
    finally:
        event.remove(Engine, "before_cursor_execute", _statement)
        event.remove(Engine, "begin", _begin)
        PGDialect_psycopg2.do_ping = ping  # type: ignore[method-assign]
        redis.connection.AbstractConnection.send_packed_command = send  # type: ignore[method-assign]


def _measure(action) -> dict[str, int]:
    counts.clear()
    action()
    found = dict(counts)
    stmts, txns, pings = (found.get(k, 0) for k in ("statements", "transactions", "pings"))
    trips = stmts + pings + 2 * txns
    return {"statements": stmts, "transactions": txns, "pings": pings,
            "sql_round_trips": trips, "redis": found.get("redis", 0)}  # fmt: skip


def engine_steps() -> dict[str, dict[str, int]]:
    with fresh_stores([("bench", "p3")]) as stores:
        engine = build_engine(stores.services)
        engine.handle(Inbound("bench", "p3", uuid.uuid4().hex, text="menu"))  # warm caches
        out = {}
        with counting():
            for label, fields in STEPS:
                event_ = Inbound("bench", "p3", uuid.uuid4().hex, **fields)
                out[label] = _measure(lambda e=event_: engine.handle(e))
        return out


def whatsapp_steps() -> dict[str, dict[str, int]]:
    """The webhook (Flask test client, signed) and the worker's turn, per step."""
    sender = load.number(0)
    fake = timed_twilio()
    with fresh_stores([("whatsapp", sender)]) as stores:
        settings = Settings(
            _env_file=None, database_url=stores.db_url, redis_url=stores.redis_url,
            secret_key=SECRET_KEY, twilio_account_sid=load.SID, twilio_auth_token=load.TOKEN,
            twilio_api_base_url=fake.base_url, twilio_whatsapp_from=load.BOT_NUMBER,
            public_base_url=load.PUBLIC,
        )  # fmt: skip
        app, worker = build_web(build(settings, migrate=False))
        client = app.test_client()
        post = lambda form: _post(client, form)  # noqa: E731
        post(_form(sender, {"text": "menu"}, fake))
        worker.run_once()  # warm caches and templates
        out = {}
        with counting():
            for label, fields in STEPS:
                form = _form(sender, fields, fake)
                hook = _measure(lambda f=form: post(f))
                work = _measure(worker.run_once)
                out[label] = {"webhook": hook, "worker": work}
    fake.stop()
    return out


def _form(sender: str, fields: dict, fake) -> dict[str, str]:
    form = {"MessageSid": f"SMp3{uuid.uuid4().hex[:20]}", "From": sender, "To": load.BOT_NUMBER}
    form |= {"Body": fields.get("text", ""), "NumMedia": "0", "AccountSid": load.SID}
    if "choice" in fields:
        form["ButtonPayload"] = fields["choice"]
    if "image" in fields:
        form |= {"NumMedia": "1", "MediaUrl0": fake.add_media(fields["image"])}
        form["MediaContentType0"] = "image/png"
    return form


def _post(client, form: dict[str, str]) -> None:
    from twilio.request_validator import RequestValidator

    signature = RequestValidator(load.TOKEN).compute_signature(load.PUBLIC + load.PATH, form)
    answer = client.post(load.PATH, data=form, headers={"X-Twilio-Signature": signature})
    assert answer.status_code == 200, answer.status_code
