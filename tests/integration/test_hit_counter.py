"""The receipt routes' rate limit: a fixed-window counter, one atomic Lua call per hit."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import fakeredis

from storage.hit_counter import RedisHitCounter
from storage.kv import make_redis
from tests.conftest import NOW, REDIS_URL


def test_counts_per_key_and_window_and_the_key_expires(redis_client):
    hits = RedisHitCounter(redis_client, prefix="t")
    assert [hits.hit("a", 60, NOW) for _ in range(3)] == [1, 2, 3]
    assert hits.hit("b", 60, NOW) == 1
    assert hits.hit("a", 60, NOW + timedelta(seconds=60)) == 1  # the next window
    [key] = [k for k in redis_client.keys("t:hits:a:*") if redis_client.get(k) == "3"]
    assert 0 < redis_client.ttl(key) <= 60


def test_racing_clients_count_every_hit_exactly_once(redis_client):
    """50 clients (a connection each on a real server) hit one key at once: every count from
    1 to 50 is handed out exactly once, so exactly N requests pass a limit of N."""
    real = not isinstance(redis_client, fakeredis.FakeRedis)
    clients = [make_redis(REDIS_URL) if real else redis_client for _ in range(50)]

    def hit(n: int) -> int:
        return RedisHitCounter(clients[n], prefix="race").hit("addr", 60, NOW)

    with ThreadPoolExecutor(50) as pool:
        counts = sorted(pool.map(hit, range(50)))
    assert counts == list(range(1, 51))
