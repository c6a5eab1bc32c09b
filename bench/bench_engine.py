"""Engine throughput: whole trader conversations (menu -> quote -> order) per second.

Usage: python bench/bench_engine.py. Uses TEST_DATABASE_URL and TEST_REDIS_URL when set
(real PostgreSQL and Redis, as scripts/with-services starts them), else SQLite + fakeredis.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.engine.events import Inbound
from bot.runtime.engines import build_engine
from bot.runtime.infrastructure import build
from bot.services import traders as trader_service
from bot.services.defaults import load_defaults
from bot.settings import Settings
from domain.traders import Language
from storage import orm
from storage.db import make_engine
from storage.kv import make_redis

CONVERSATIONS = int(os.environ.get("BENCH_CONVERSATIONS", "200"))
SCRIPT = [("choice", "menu:quote"), ("choice", "cat:textile"), ("text", "2,5"),
          ("text", "10 000"), ("choice", "quote:order")]  # fmt: skip


def main() -> None:
    url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/engine.db"
    settings = Settings(
        _env_file=None,
        database_url=url,
        redis_url=os.environ.get("TEST_REDIS_URL"),
        secret_key="bench-secret-0123456789abcdefghij",
    )
    services = build(settings)
    if settings.redis_url:  # a run before left conversations naming traders deleted below
        make_redis(settings.redis_url).flushdb()
    with make_engine(url).begin() as connection:
        for table in reversed(orm.metadata.sorted_tables):
            connection.execute(table.delete())
    load_defaults(services.uow_factory(), services.clock(), settings.capacity_l)
    engine = build_engine(services)
    users = []
    for n in range(CONVERSATIONS):
        user = f"bench-{n}"
        trader_service.register(services.uow_factory(), name="Bench", phone=f"+224620{n:06d}",
                                channel="bench", user_ref=user, language=Language.FR,
                                now=services.clock())  # fmt: skip
        users.append(user)
    started = time.perf_counter()
    for user in users:
        for kind, value in SCRIPT:
            fields = {"choice": value} if kind == "choice" else {"text": value}
            engine.handle(Inbound("bench", user, uuid.uuid4().hex, **fields))
    elapsed = time.perf_counter() - started
    messages = CONVERSATIONS * len(SCRIPT)
    backend = f"{make_engine(url).dialect.name} + {'redis' if settings.redis_url else 'fakeredis'}"
    print(f"{backend}: {messages} messages in {elapsed:.2f} s, one at a time")
    print(f"  {messages / elapsed:.0f} messages/s, {elapsed / messages * 1000:.1f} ms per message")
    print("BENCH_JSON " + json.dumps({"ms_per_message": elapsed / messages * 1000}))


if __name__ == "__main__":
    main()
