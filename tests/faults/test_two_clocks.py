"""Two `python -m bot clock` started at once (a deploy that overlaps, a second clock started by
mistake), with `python -m bot worker` delivering what they queue: each job's effect happens once.

Due at start: a reservation past its 48 hours (expired, volume released, trader told), one
past 24 hours (a payment reminder), a container over 50 % (a milestone), an exchange rate
older than 24 hours (a warning to the admin chat). The every-minute jobs run as soon as a
clock starts; the test waits until both clocks have run (or skipped) each of them.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import create_engine, text

from bot.runtime.clock import EVERY_MINUTE
from domain.orders import OrderStatus
from storage.db import normalise_url
from tests.fakes.telegram_api import FakeTelegram
from tests.faults import seed
from tests.faults.chat import CHAT, start_worker
from tests.faults.conftest import services_on
from tests.faults.harness import Proc, wait_until

ADMIN_CHAT = -100500
JOBS = ("fill_milestones", "payment_reminders", "expire_reservations", "rate_staleness")
EXPECTED = {
    CHAT: ("a expiré faute de paiement", "Rappel : la commande", "rempli à 50 %"),
    ADMIN_CHAT: ("date du",),
}
START_S = 30  # well under the minute after which the jobs would run again anyway


def ran_every_job(clock: Proc) -> bool:
    log = clock.output()
    return all(f"job {name}: " in log or f"job {name} is running" in log for name in JOBS)


def count(fake: FakeTelegram, chat: int, needle: str) -> int:
    return sum(needle in t for t in fake.texts(chat))


def test_two_clocks_do_each_thing_once(db_url, redis_url, procs, fake_tg):
    services = services_on(db_url, redis_url)
    start = seed.now() - timedelta(days=3)
    seed.ready(services, at=start, capacity_l=10_000)  # the rate is 3 days old
    (trader,) = seed.traders(services, [("telegram", str(CHAT))], at=start)
    reminded = seed.order(services, trader, 6_000, seed.now() - timedelta(hours=25), "a")
    expiring = seed.order(services, trader, 1_000, seed.now() - timedelta(hours=49), "b")
    env = seed.telegram_env(fake_tg, db_url, redis_url, admin_chat_id=ADMIN_CHAT)

    start_worker(procs, "worker", env)  # the outbox: what the clocks queue (no bot needed)
    # DEBUG: a job that found nothing to do, or ran in the other clock, logs at DEBUG only.
    clock_env = {**env, "LOG_LEVEL": "DEBUG"}
    clocks = [procs.python(f"clock-{n}", ["-m", "bot", "clock"], clock_env) for n in (1, 2)]
    for chat, needles in EXPECTED.items():
        for needle in needles:
            what = f"{needle!r} to {chat}"
            wait_until(lambda c=chat, n=needle: count(fake_tg, c, n), START_S, what, procs)
    wait_until(lambda: all(map(ran_every_job, clocks)), START_S, "both clocks ran", procs)
    assert EVERY_MINUTE > START_S  # so no second round has started yet
    wait_until(lambda: set(seed.outbox_counts(services)) == {"sent"}, 15, "all sent", procs)

    for chat, needles in EXPECTED.items():
        for needle in needles:
            assert count(fake_tg, chat, needle) == 1, (needle, fake_tg.texts(chat))
    statuses = {o.id: o.status for o in seed.orders_of(services, trader)}
    assert statuses == {reminded.id: OrderStatus.RESERVED, expiring.id: OrderStatus.EXPIRED}
    assert [c.used_l for c in seed.containers(services)] == [6_000]  # released once
    assert _audited(db_url, "expire_order") == 1


def _audited(db_url: str, action: str) -> int:
    engine = create_engine(normalise_url(db_url))
    try:
        with engine.connect() as connection:
            query = text("SELECT count(*) FROM audit_log WHERE action = :action")
            return int(connection.execute(query, {"action": action}).scalar() or 0)
    finally:
        engine.dispose()
