"""Announcement to 10 000 traders: time to queue it (one transaction); the rate it is delivered
at for BENCH_ANNOUNCE_WINDOW seconds (default 10) under the production dispatcher's limits,
next to the configured rate; then the rest at the dispatcher's own speed (a sender that costs
nothing); every trader must receive it exactly once (lost 0, doubled 0).

Usage: python bench/bench_announce.py [DATABASE_URL] (default TEST_DATABASE_URL or SQLite).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from bot.delivery.dispatch import Dispatcher
from bot.runtime.infrastructure import build
from bot.runtime.senders import build_dispatcher
from bot.services.announcements import announce
from bot.settings import Settings
from storage import orm
from storage.db import make_engine
from storage.migrate import upgrade

TRADERS = int(os.environ.get("BENCH_TRADERS", "10000"))


WINDOW_S = float(os.environ.get("BENCH_ANNOUNCE_WINDOW", "10"))


class CountingSender:
    """Costs nothing; counts what each chat received and when."""

    def __init__(self) -> None:
        self.received: Counter[str] = Counter()
        self.times: list[float] = []

    def send(self, user_ref, reply) -> None:
        self.received[user_ref] += 1
        self.times.append(time.perf_counter())


def seed(url: str, now: datetime) -> None:
    upgrade(url)
    engine = make_engine(url)
    with engine.begin() as connection:
        for table in reversed(orm.metadata.sorted_tables):
            connection.execute(table.delete())
        connection.execute(
            insert(orm.traders),
            [
                {
                    "id": n,
                    "name": f"T{n}",
                    "phone": f"+224620{n:06d}",
                    "language": "fr",
                    "created_at": now,
                }
                for n in range(1, TRADERS + 1)
            ],
        )
        connection.execute(
            insert(orm.channel_identities),
            [
                {"channel": "telegram", "user_ref": str(n), "trader_id": n, "linked_at": now}
                for n in range(1, TRADERS + 1)
            ],
        )
    engine.dispose()


def configured_rate(dispatcher: Dispatcher) -> float | None:
    limiter = dispatcher.limits.get("telegram")
    interval = getattr(limiter, "interval", None)
    return 1 / interval if interval else None


def main(url: str) -> None:
    now = datetime.now(UTC)
    seed(url, now)
    settings = Settings(_env_file=None, database_url=url, secret_key="bench-" + "k" * 40)
    services = build(settings, migrate=False)
    started = time.perf_counter()
    count = announce(services.uow_factory(), "bench", "all", "Annonce de test", "bench", now)
    queued_s = time.perf_counter() - started
    sender = CountingSender()
    services.channels.senders["telegram"] = sender
    dispatcher = build_dispatcher(services)  # the production limits
    rate = configured_rate(dispatcher)
    started = time.perf_counter()
    while time.perf_counter() - started < WINDOW_S and dispatcher.run_once():
        pass
    times = sender.times
    delivered = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0
    dispatcher.limits = {}  # the rest at the dispatcher's own speed
    started, before = time.perf_counter(), len(times)
    while dispatcher.run_once():
        pass
    sent_s = time.perf_counter() - started
    unlimited = (len(times) - before) / sent_s if sent_s else 0.0
    lost = sum(1 for n in range(1, count + 1) if sender.received[str(n)] == 0)
    doubled = sum(1 for n in sender.received.values() if n > 1)
    print(f"{make_engine(url).dialect.name}: {count} traders")
    print(f"  queued in {queued_s:.2f} s ({count / queued_s:.0f} rows/s, one transaction)")
    print(f"  delivered at {delivered:.1f}/s for {WINDOW_S:.0f} s (configured: {rate})")
    print(
        f"  the rest at {unlimited:.0f} messages/s without a limit; lost {lost}, doubled {doubled}"
    )
    result = {"queued_s": queued_s, "delivered_s": delivered, "configured_s": rate,
              "unlimited_s": unlimited, "lost": lost, "doubled": doubled}  # fmt: skip
    print("BENCH_JSON " + json.dumps(result))


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TEST_DATABASE_URL")
    main(target or f"sqlite:///{tempfile.mkdtemp()}/announce.db")
