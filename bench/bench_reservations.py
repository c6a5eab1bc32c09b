"""Reservation throughput: threads placing orders at once on one database.

Usage: python bench/bench_reservations.py [DATABASE_URL] (default: TEST_DATABASE_URL, else a
temporary SQLite file). BENCH_PROCESSES=N processes (default 1), each with BENCH_THREADS
threads (default 16 / N). Prints orders/s, latency percentiles and overfilled containers.
"""

from __future__ import annotations

import json
import multiprocessing
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

from sqlalchemy import text

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

ORDERS = int(os.environ.get("BENCH_ORDERS", "2000"))
PROCESSES = int(os.environ.get("BENCH_PROCESSES", "1"))
THREADS = int(os.environ.get("BENCH_THREADS", str(max(1, 16 // PROCESSES))))
CAPACITY_L = 76_000  # 152 orders of 0.5 CBM fill one; the next opens by itself
OVERFILLED = text(
    "SELECT count(*) FROM (SELECT c.id FROM containers c JOIN orders o ON o.container_id = c.id"
    " GROUP BY c.id, c.capacity_l HAVING sum(o.volume_l) > c.capacity_l) AS over"
)


def prepare(url: str) -> int:
    """A migrated, empty database with the defaults and one trader; returns the trader's id."""
    upgrade(url)
    engine = make_engine(url)
    with engine.begin() as connection:
        for table in reversed(orm.metadata.sorted_tables):
            connection.execute(table.delete())
    uow = lambda: SqlUnitOfWork(make_session_factory(engine))  # noqa: E731
    now = datetime.now(UTC)
    load_defaults(uow(), now, CAPACITY_L)
    trader = trader_service.register(
        uow(), name="Bench", phone="+224620000001", channel="bench", user_ref="1",
        language=Language.FR, now=now,
    )  # fmt: skip
    engine.dispose()
    return trader.id  # type: ignore[return-value]


def book_many(url: str, trader_id: int, count: int, threads: int) -> tuple[list[float], int]:
    """`count` orders by `threads` threads of this process: (latencies, refused)."""
    engine = make_engine(url)
    factory = make_session_factory(engine)
    now, refused = datetime.now(UTC), []

    def book(_: int) -> float:
        started = time.perf_counter()
        request = order_service.OrderRequest(
            trader_id,
            Category.DIVERS,
            500,
            100_000,
            uuid.uuid4().hex,  # type: ignore[arg-type]
        )
        try:
            order_service.place_order(
                SqlUnitOfWork(factory), request, now,
                reservation=timedelta(hours=48), capacity_l=CAPACITY_L,
            )  # fmt: skip
        except (ContainerFull, ContainerClosed):
            refused.append(1)
        return time.perf_counter() - started

    with ThreadPoolExecutor(threads) as pool:
        latencies = list(pool.map(book, range(count)))
    engine.dispose()
    return latencies, len(refused)


def main(url: str) -> None:
    trader_id = prepare(url)
    share = ORDERS // PROCESSES
    started = time.perf_counter()
    if PROCESSES == 1:
        results = [book_many(url, trader_id, share, THREADS)]
    else:
        with multiprocessing.get_context("spawn").Pool(PROCESSES) as pool:
            args = [(url, trader_id, share, THREADS)] * PROCESSES
            results = pool.starmap(book_many, args)
    elapsed = time.perf_counter() - started
    latencies = sorted(x for lats, _ in results for x in lats)
    refused = sum(r for _, r in results)
    engine = make_engine(url)
    with engine.connect() as connection:
        overfilled = connection.execute(OVERFILLED).scalar_one()
    p = lambda q: latencies[int(q * (len(latencies) - 1))] * 1000  # noqa: E731
    orders = len(latencies)
    print(f"{engine.dialect.name}: {orders} orders, {PROCESSES} processes x {THREADS} threads,"
          f" {elapsed:.2f} s")  # fmt: skip
    mean = statistics.mean(latencies) * 1000
    print(f"  {orders / elapsed:.0f} orders/s; latency p50 {p(0.5):.1f} ms, p95 {p(0.95):.1f} ms,")
    print(f"  max {p(1.0):.1f} ms, mean {mean:.1f} ms; refused {refused}; overfilled {overfilled}")
    result = {"orders_s": orders / elapsed, "p50_ms": p(0.5), "p95_ms": p(0.95),
              "overfilled": overfilled, "refused": refused, "processes": PROCESSES}  # fmt: skip
    print("BENCH_JSON " + json.dumps(result))
    engine.dispose()


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TEST_DATABASE_URL")
    if not target:
        target = f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    main(target)
