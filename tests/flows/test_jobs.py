"""The clock's jobs with time under control: each effect at the right moment, and once."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from bot.runtime import jobs
from bot.runtime.clock import guarded
from bot.services.pricing import set_rate
from domain.orders import OrderStatus
from storage import orm
from tests.flows.conftest import PNG, make_app
from tests.flows.test_quote_and_order import quote


def outbox(app) -> list[dict]:
    with app.services.uow_factory() as uow:
        return [dict(r._mapping) for r in uow.session.execute(orm.outbox.select()).all()]


def keys(app, prefix: str) -> list[str]:
    return [row["key"] for row in outbox(app) if row["key"].startswith(prefix)]


@pytest.fixture
def world(tmp_path, time_machine):
    time_machine.move_to("2026-11-25 10:00:00+00:00", tick=False)
    app = make_app(f"sqlite:///{tmp_path / 'j.db'}", capacity_cbm=10)
    trader = app.chat("t1")
    trader.register()
    return app, trader, time_machine


def order(trader, volume="3"):
    quote(trader, volume=volume)
    trader.press("quote:order")


def test_milestones_once_each_even_if_the_job_runs_twice(world):
    app, trader, _tm = world
    uow, clock = app.services.uow_factory, app.services.clock
    order(trader, "4")
    assert jobs.fill_milestones(uow(), clock()) == 0  # 40 %: no milestone yet
    order(trader, "1")
    assert jobs.fill_milestones(uow(), clock()) == 1  # 50 %
    assert jobs.fill_milestones(uow(), clock()) == 0  # the same job again: nothing more
    order(trader, "3")
    jobs.fill_milestones(uow(), clock())
    assert keys(app, "milestone:") == [
        "milestone:TD-2026-01:50:1:console:t1",
        "milestone:TD-2026-01:75:1:console:t1",
    ]


def test_payment_reminder_at_24h_then_expiry_at_48h(world):
    app, trader, tm = world
    uow, clock = app.services.uow_factory, app.services.clock
    order(trader)
    tm.shift(timedelta(hours=23, minutes=59))
    assert jobs.payment_reminders(uow(), clock(), app.services.settings) == 0
    tm.shift(timedelta(minutes=1))
    assert jobs.payment_reminders(uow(), clock(), app.services.settings) == 1
    assert jobs.payment_reminders(uow(), clock(), app.services.settings) == 0
    assert jobs.expire_reservations(uow, clock()) == 0
    tm.shift(timedelta(hours=24))
    assert jobs.expire_reservations(uow, clock()) == 1
    with uow() as u:
        assert u.orders.get(1).status is OrderStatus.EXPIRED
        assert u.containers.by_code("TD-2026-01").used_l == 0
    assert keys(app, "expired:") == ["expired:1:1:console:t1"]
    trader.press("menu:quote")  # and the trader may order again
    assert "catégorie" in trader.text


def test_a_proof_stops_the_reminder_and_the_expiry(world):
    app, trader, tm = world
    order(trader)
    trader.photo(PNG, caption="OM-100001")
    tm.shift(timedelta(hours=60))
    assert (
        jobs.payment_reminders(
            app.services.uow_factory(), app.services.clock(), app.services.settings
        )
        == 0
    )
    assert jobs.expire_reservations(app.services.uow_factory, app.services.clock()) == 0


def test_admins_reminded_of_proofs_waiting_over_2h(world):
    app, trader, tm = world
    uow, clock = app.services.uow_factory, app.services.clock
    order(trader)
    trader.photo(PNG, caption="OM-100001")
    tm.shift(timedelta(hours=1, minutes=59))
    assert not jobs.proofs_waiting(uow(), clock())
    tm.shift(timedelta(minutes=2))
    assert jobs.proofs_waiting(uow(), clock())
    assert not jobs.proofs_waiting(uow(), clock())  # once per two-hour window
    tm.shift(timedelta(hours=2))
    assert jobs.proofs_waiting(uow(), clock())


def test_stale_rate_warned_once_per_rate(world):
    app, _trader, tm = world
    uow, clock = app.services.uow_factory, app.services.clock
    assert not jobs.rate_staleness(uow(), clock())
    tm.shift(timedelta(hours=25))
    assert jobs.rate_staleness(uow(), clock())
    assert not jobs.rate_staleness(uow(), clock())
    set_rate(uow(), Decimal(1300), "admin", clock())
    assert not jobs.rate_staleness(uow(), clock())


def test_daily_digest_once_a_day_with_yesterdays_numbers(world):
    app, trader, tm = world
    uow, clock = app.services.uow_factory, app.services.clock
    order(trader)
    tm.move_to("2026-11-26 08:00:00+00:00", tick=False)  # 08:00 in Conakry (UTC+0)
    assert jobs.daily_digest(uow(), clock())
    assert not jobs.daily_digest(uow(), clock())
    [row] = [r for r in outbox(app) if r["key"] == "digest:2026-11-26"]
    assert "28125000" in row["payload"] and "3025000" in row["payload"]


def test_housekeeping_forgets_old_message_ids(world):
    app, _trader, tm = world
    tm.shift(timedelta(days=31))
    purged = jobs.housekeeping(app.services.uow_factory(), app.services.clock())
    assert purged["processed_messages"] >= 4  # the registration's messages


def test_a_second_clock_does_not_run_a_job_already_running(world):
    app, *_ = world
    calls = []
    job = guarded(app.services, "demo", lambda: calls.append(1))
    with app.services.locks.hold("clock:demo"):
        job()
    assert calls == []
    job()
    assert calls == [1]
