"""One contract, two backends: the in-process substitute and a real Redis server."""

from __future__ import annotations

import threading
import time

import pytest

from storage.kv import RedisConversationStore, RedisLocks


def test_conversation_round_trip_is_keyed_by_channel_and_user(redis_client):
    store = RedisConversationStore(redis_client, prefix="t")
    store.save("telegram", "42", {"state": "quote_volume", "data": {"category": "textile"}})
    assert store.load("telegram", "42") == {
        "state": "quote_volume",
        "data": {"category": "textile"},
    }
    assert store.load("whatsapp", "42") is None
    store.clear("telegram", "42")
    assert store.load("telegram", "42") is None


def test_conversation_state_has_a_ttl(redis_client):
    store = RedisConversationStore(redis_client, prefix="t", ttl_s=100)
    store.save("console", "u", {"state": "idle"})
    assert 0 < redis_client.ttl("t:conv:console:u") <= 100


def test_lock_serialises_holders(redis_client):
    locks = RedisLocks(redis_client, prefix="t")
    inside = []
    overlaps = []

    def worker(n: int) -> None:
        with locks.hold("user-1"):
            if inside:
                overlaps.append(n)
            inside.append(n)
            time.sleep(0.01)
            inside.remove(n)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == []


def test_lock_wait_is_bounded(redis_client):
    locks = RedisLocks(redis_client, prefix="t")
    with locks.hold("busy"), pytest.raises(TimeoutError):  # noqa: SIM117
        with locks.hold("busy", wait_s=0.05):
            pass
