"""Reservation throughput: threads placing orders at once on one database.

Usage: python bench/bench_reservations.py [DATABASE_URL] (default: TEST_DATABASE_URL, else a
temporary SQLite file). Prints orders/s and latency percentiles.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.services import orders as order_service
from bot.services import traders as trader_service
from bot.services.defaults import load_defaults
from domain.errors import ContainerClosed, ContainerFull
from domain.pricing import Category
from domain.traders import Language
from storage import orm
from storage.db import make_engine, make_session_factory
from storage.migrate import upgrade
from storage.uow import SqlUnitOfWork

ORDERS = 2000
THREADS = int(os.environ.get("BENCH_THREADS", "16"))
CAPACITY_L = 76_000  # 152 orders of 0.5 CBM fill one; the next opens by itself


def main(url: str) -> None:
    upgrade(url)
    engine = make_engine(url)
    with engine.begin() as connection:
        for table in reversed(orm.metadata.sorted_tables):
            connection.execute(table.delete())
    factory = make_session_factory(engine)
    uow = lambda: SqlUnitOfWork(factory)  # noqa: E731
    now = datetime.now(UTC)
    load_defaults(uow(), now, CAPACITY_L)
    trader = trader_service.register(
        uow(), name="Bench", phone="+224620000001", channel="bench", user_ref="1",
        language=Language.FR, now=now,
    )  # fmt: skip

    refused: list[int] = []

    def book(_: int) -> float:
        started = time.perf_counter()
        request = order_service.OrderRequest(
            trader.id,
            Category.DIVERS,
            500,
            100_000,
            uuid.uuid4().hex,  # type: ignore[arg-type]
        )
        try:
            order_service.place_order(
                uow(), request, now, reservation=timedelta(hours=48), capacity_l=CAPACITY_L
            )
        except (ContainerFull, ContainerClosed):
            refused.append(1)
        return time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(THREADS) as pool:
        latencies = sorted(pool.map(book, range(ORDERS)))
    elapsed = time.perf_counter() - started
    p = lambda q: latencies[int(q * (len(latencies) - 1))] * 1000  # noqa: E731
    print(f"{engine.dialect.name}: {ORDERS} orders, {THREADS} threads, {elapsed:.2f} s")
    mean = statistics.mean(latencies) * 1000
    print(f"  {ORDERS / elapsed:.0f} orders/s; latency p50 {p(0.5):.1f} ms, p95 {p(0.95):.1f} ms,")
    print(f"  max {p(1.0):.1f} ms, mean {mean:.1f} ms; refused {len(refused)}")
    engine.dispose()


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TEST_DATABASE_URL")
    if not target:
        target = f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    main(target)
