"""Announcement to 10 000 traders: time to queue it (one transaction), and the dispatcher's
own speed with a sender that costs nothing (so the platform limit, 30/s on Telegram, is what
bounds delivery, not our code).

Usage: python bench/bench_announce.py [DATABASE_URL] (default TEST_DATABASE_URL or SQLite).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from bot.delivery.dispatch import Dispatcher
from bot.delivery.notify import Channels
from bot.services.announcements import announce
from storage import orm
from storage.db import make_engine, make_session_factory
from storage.migrate import upgrade
from storage.uow import SqlUnitOfWork

TRADERS = int(os.environ.get("BENCH_TRADERS", "10000"))


class NullSender:
    def send(self, user_ref, reply) -> None:
        pass


def main(url: str) -> None:
    upgrade(url)
    engine = make_engine(url)
    now = datetime.now(UTC)
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
    factory = make_session_factory(engine)
    uow = lambda: SqlUnitOfWork(factory)  # noqa: E731
    started = time.perf_counter()
    count = announce(uow(), "bench", "all", "Annonce de test", "bench", now)
    queued_s = time.perf_counter() - started
    channels = Channels()
    channels.senders["telegram"] = NullSender()
    dispatcher = Dispatcher(uow, channels, lambda: now)
    started = time.perf_counter()
    while dispatcher.run_once():
        pass
    sent_s = time.perf_counter() - started
    print(f"{engine.dialect.name}: {count} traders")
    print(f"  queued in {queued_s:.2f} s ({count / queued_s:.0f} rows/s, one transaction)")
    print(f"  dispatched in {sent_s:.2f} s ({count / sent_s:.0f} messages/s without a limit)")


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TEST_DATABASE_URL")
    main(target or f"sqlite:///{tempfile.mkdtemp()}/announce.db")
