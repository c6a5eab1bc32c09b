"""What one trader message costs on real PostgreSQL + Redis (issue 12, target P3): at most
6 SQL statements, 2 transactions and 2 Redis round trips per message through the engine,
and 4 transactions for the whole WhatsApp path (webhook store + worker).

Counts, never times: each step is driven once, warm (a container open, the Lua scripts
loaded, the terms read once), and counted with tests/integration/round_trips.py. A step that
cannot reach a target yet is marked xfail (strict) with the reason, and a ceiling (what it
costs now) keeps every step from growing silently.

statements / transactions / pre-pings / Redis round trips per step:

| step | before issue 12 | now |
|---|---|---|
| menu | 4 / 2 / 2 / 4 | 2 / 2 / 0 / 2 |
| price -> quote | 8 / 4 / 4 / 4 | 3 / 3 / 0 / 2 |
| order | 23 / 4 / 4 / 4 | 15 / 3 / 0 / 2 (12 with cached terms; the order reads them from the DB) |
| proof photo | 31 / 5 / 5 / 4 | 17 / 4 / 0 / 2 |
| WhatsApp `menu`, webhook + worker | 12 / 7 / 7 / 5 | 7 / 4 / 0 / 3 |
"""

from __future__ import annotations

import itertools

import pytest

from bot.services import traders as trader_service
from domain.traders import Language
from tests.conftest import PG_URL, REDIS_URL
from tests.flows.conftest import PNG, App, make_app
from tests.integration.round_trips import Counts, counting

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not (PG_URL and REDIS_URL), reason="needs PostgreSQL and Redis"),
]
TARGET = Counts(statements=6, transactions=2, pings=0, redis=2)
CEILING = {
    "menu": Counts(statements=2, transactions=2, pings=0, redis=2),
    "quote": Counts(statements=3, transactions=3, pings=0, redis=2),
    "order": Counts(statements=15, transactions=3, pings=0, redis=2),  # +3: terms from the DB
    "proof": Counts(statements=17, transactions=4, pings=0, redis=2),
}
GATE = (
    "the gate's replay check (a read) and its handled mark are a transaction each, around "
    "the flow's own: 2 is reached only by steps without a use case, until the flow's use "
    "cases run inside the gate's transaction (a message-scoped unit of work)"
)
NOT_YET = {
    "quote": GATE + "; the quote and its container are one transaction, the terms cached",
    "order": GATE + "; the reservation is the request-key check, the conditional UPDATE, the "
    "INSERT (in a savepoint, for a duplicate key), the credit balance, and 3 reads of the "
    "money the trader is shown",
    "proof": GATE + "; the payable orders are read (5 statements each) before the proof is "
    "stored (8: the order locked, pending and paid checks, the duplicate image check, the "
    "proof and the admins' card)",
}
_ids = itertools.count(1)
QUOTE = [{"choice": "menu:quote"}, {"choice": "cat:textile"}, {"text": "2,5"}, {"text": "10 000"}]


@pytest.fixture(autouse=True)
def busy_pool(monkeypatch):
    """A loaded machine can stretch the gap between two checkouts past the idle check
    (storage/db.py, tested in test_db_pool.py): counts here are those of a busy process."""
    from storage import db

    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 60.0)


@pytest.fixture
def app(pg_engine) -> App:
    from storage.kv import make_redis
    from tests.conftest import _truncate

    _truncate(pg_engine)
    make_redis(REDIS_URL).flushdb()
    world = make_app(PG_URL, redis_url=REDIS_URL)  # type: ignore[arg-type]
    services = world.services
    trader_service.register(
        services.uow_factory(), name="Mamadou", phone="+224620123456", channel="console",
        user_ref="u1", language=Language.FR, now=services.clock(),
    )  # fmt: skip
    return world


def send(app: App, **fields: object) -> list:
    from bot.engine.events import Inbound

    return app.engine.handle(Inbound("console", "u1", f"m{next(_ids)}", **fields))  # type: ignore[arg-type]


def drive(app: App) -> dict[str, Counts]:
    """menu, price -> quote, order, proof photo: each counted alone."""
    costs = {}
    for fields in QUOTE:  # warm: scripts loaded, connections open, the terms read once
        send(app, **fields)
    send(app, text="annuler")
    with counting() as before:
        send(app, text="menu")
    costs["menu"] = before
    for fields in QUOTE[:-1]:
        send(app, **fields)
    with counting() as quote:
        replies = send(app, **QUOTE[-1])
    assert "quote:order" in [c.id for c in replies[-1].choices]
    costs["quote"] = quote
    with counting() as order:
        replies = send(app, choice="quote:order")
    assert "TD-" in replies[-1].text
    costs["order"] = order
    with counting() as proof:
        replies = send(app, image=PNG)
    assert any("reçu" in r.text.lower() or "preuve" in r.text.lower() for r in replies), replies
    costs["proof"] = proof
    return costs


def _fields(counts: Counts) -> tuple[int, int, int, int]:
    return counts.statements, counts.transactions, counts.pings, counts.redis


def _step(step: str) -> object:
    if step not in NOT_YET:
        return step
    return pytest.param(step, marks=pytest.mark.xfail(strict=True, reason=NOT_YET[step]))


@pytest.mark.parametrize("step", [_step(step) for step in CEILING])
def test_a_trader_message_meets_the_target(app, step):
    counts = drive(app)[step]
    over = [a > b for a, b in zip(_fields(counts), _fields(TARGET), strict=True)]
    assert not any(over), f"{step}: {counts}\n" + "\n".join(counts.sql)


def test_no_step_costs_more_than_now(app):
    for step, counts in drive(app).items():
        over = [a > b for a, b in zip(_fields(counts), _fields(CEILING[step]), strict=True)]
        assert not any(over), f"{step}: {counts}\n" + "\n".join(counts.sql)


def set_rate_elsewhere(rate: str) -> None:
    """An admin's change made through services of their own (connections and caches), as
    another process would (issue 13: a process costs ~1 s of CPU in imports alone)."""
    from decimal import Decimal

    from bot.runtime.infrastructure import build
    from bot.services.pricing import set_rate
    from bot.settings import Settings

    assert PG_URL
    settings = Settings(
        _env_file=None, database_url=PG_URL, redis_url=REDIS_URL,
        secret_key="test-secret-key-of-enough-length-0123",
    )  # fmt: skip
    services = build(settings, migrate=False)
    set_rate(services.uow_factory(), Decimal(rate), "admin", services.clock())


def _quote_text(app: App) -> str:
    for fields in QUOTE:
        replies = send(app, **fields)
    send(app, text="annuler")
    return replies[-1].text.replace("\u00a0", " ").replace("\u202f", " ")


def test_a_rate_set_in_another_process_is_seen_by_the_next_quote(app):
    """The terms are cached per process; an admin's change (here, by services of their own,
    as another process's admin desk would) bumps their version, read with the chat's state."""
    assert "1 250" in _quote_text(app)
    with counting() as cached:
        assert "1 250" in _quote_text(app)
    assert not [sql for sql in cached.sql if "exchange_rates" in sql]  # from the cache
    set_rate_elsewhere("1300")
    assert "1 300" in _quote_text(app)


def test_an_order_is_frozen_at_the_rate_in_force_even_when_the_cache_is_stale(app, pg_engine):
    """The cache only serves what a quote shows; the order's own check reads the terms in
    force from the database (review of issue 12: a lost version bump, say a Redis restored
    from an older snapshot, must never freeze an order at an old rate)."""
    from sqlalchemy import text

    from storage.kv import make_redis

    redis_client = make_redis(REDIS_URL)
    assert "1 250" in _quote_text(app)  # the terms now cached
    for fields in QUOTE:
        send(app, **fields)  # a quote at 1 250 on the trader's screen
    (key,) = redis_client.keys("*version:terms*")
    before = redis_client.get(key)
    set_rate_elsewhere("1300")
    redis_client.set(key, before)  # the bump lost: this process's cache still says 1 250
    send(app, choice="quote:order")
    with pg_engine.connect() as connection:
        rates = connection.execute(text("SELECT rate FROM orders")).scalars().all()
    assert all(str(rate).startswith("1300") for rate in rates), rates


# The whole WhatsApp path: the webhook stores, the worker claims, runs the engine, sends and
# finishes (issue 12: 1 + 6 transactions before, plus 2 per extra reply piece; now 1 + 3,
# the finish sharing the next claim's transaction, plus 1 per extra piece). Redis: the chat's
# lock+load and save+unlock, the 24-hour window, and the webhook's flood-cap count (one INCR
# per message, a Redis round trip the webhook did not make before the cap).
WA_SID, WA_TOKEN, WA_PUBLIC = "AC" + "5" * 32, "round-trips-token", "https://wa.example.org"
WA_TRADER = "whatsapp:+224620123456"
WA_CEILING = Counts(statements=7, transactions=4, pings=0, redis=4)
WA_TARGET = Counts(statements=1_000, transactions=4, pings=0, redis=1_000)


@pytest.fixture
def whatsapp(pg_engine):
    from storage.kv import make_redis
    from tests.conftest import _truncate
    from tests.fakes.twilio_api import FakeTwilio

    _truncate(pg_engine)
    make_redis(REDIS_URL).flushdb()
    fake = FakeTwilio(auth=(WA_SID, WA_TOKEN)).start()
    world = make_app(
        PG_URL, redis_url=REDIS_URL, twilio_account_sid=WA_SID, twilio_auth_token=WA_TOKEN,
        twilio_api_base_url=fake.base_url, twilio_whatsapp_from="whatsapp:+14155238886",
        public_base_url=WA_PUBLIC, whatsapp_interactive=False,
    )  # type: ignore[arg-type]  # fmt: skip
    services = world.services
    trader_service.register(
        services.uow_factory(), name="Mamadou", phone="+224620123456", channel="whatsapp",
        user_ref=WA_TRADER, language=Language.FR, now=services.clock(),
    )  # fmt: skip
    from bot.runtime.web import build_web

    flask, worker = build_web(services)
    yield flask.test_client(), worker, fake
    fake.stop()


def _whatsapp_message(client, worker, text: str) -> None:
    from twilio.request_validator import RequestValidator

    form = {"MessageSid": f"SM{next(_ids):032d}", "From": WA_TRADER, "Body": text, "NumMedia": "0"}
    path = "/webhooks/whatsapp"
    signature = RequestValidator(WA_TOKEN).compute_signature(WA_PUBLIC + path, form)
    assert (
        client.post(path, data=form, headers={"X-Twilio-Signature": signature}).status_code == 200
    )
    assert worker.run_once()


def _whatsapp_menu(whatsapp) -> Counts:
    client, worker, fake = whatsapp
    _whatsapp_message(client, worker, "menu")  # warm
    with counting() as counts:
        _whatsapp_message(client, worker, "menu")
    assert len(fake.messages(WA_TRADER)) == 2
    return counts


def test_the_whatsapp_path_costs_no_more_than_now(whatsapp):
    counts = _whatsapp_menu(whatsapp)
    over = [a > b for a, b in zip(_fields(counts), _fields(WA_CEILING), strict=True)]
    assert not any(over), f"{counts}\n" + "\n".join(counts.sql)


def test_the_whatsapp_path_meets_the_target(whatsapp):
    """The webhook's store, the claim (with the finish of the message handled before it),
    the engine's 2 (see GATE): 4, for a step without a use case."""
    counts = _whatsapp_menu(whatsapp)
    assert counts.transactions <= WA_TARGET.transactions, f"{counts}\n" + "\n".join(counts.sql)
