"""Redis access: conversation state, per-user locks, recent contacts (OTP: otp_store.py).

With no REDIS_URL the same code runs on fakeredis, an in-process Redis substitute, so the
embedded default needs no server.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import fakeredis
import redis

log = logging.getLogger(__name__)
CONVERSATION_TTL_S = 30 * 24 * 3600
_embedded_server: fakeredis.FakeServer | None = None


def make_redis(url: str | None) -> redis.Redis:
    """A client for REDIS_URL, or for this process's in-process substitute."""
    global _embedded_server
    if url:
        return redis.Redis.from_url(url, decode_responses=True)
    if _embedded_server is None:
        _embedded_server = fakeredis.FakeServer()
    return fakeredis.FakeRedis(server=_embedded_server, decode_responses=True)


class RedisConversationStore:
    """State name + JSON data per (channel, user_ref), with a long TTL."""

    def __init__(self, client: redis.Redis, prefix: str = "td", ttl_s: int = CONVERSATION_TTL_S):
        self.client = client
        self.prefix = prefix
        self.ttl_s = ttl_s

    def _key(self, channel: str, user_ref: str) -> str:
        return f"{self.prefix}:conv:{channel}:{user_ref}"

    def load(self, channel: str, user_ref: str) -> dict[str, object] | None:
        raw = self.client.get(self._key(channel, user_ref))
        return None if raw is None else json.loads(raw)

    def save(self, channel: str, user_ref: str, state: dict[str, object]) -> None:
        self.client.set(self._key(channel, user_ref), json.dumps(state), ex=self.ttl_s)

    def clear(self, channel: str, user_ref: str) -> None:
        self.client.delete(self._key(channel, user_ref))


LOCK_TIMEOUT_S = 30.0  # LOCK_TIMEOUT_SECONDS' default


class RedisLocks:
    """Per-key mutual exclusion across processes (redis-py's Lock: SET NX PX + token).

    A holder that dies leaves its lock for `timeout_s` at most; a waiter waits a little longer
    than that by default, so a dead holder delays a chat but never makes it "busy"."""

    def __init__(self, client: redis.Redis, prefix: str = "td", timeout_s: float = LOCK_TIMEOUT_S):
        self.client = client
        self.prefix = prefix
        self.timeout_s = timeout_s

    @contextmanager
    def hold(self, name: str, wait_s: float | None = None) -> Iterator[None]:
        wait_s = self.timeout_s + 5 if wait_s is None else wait_s
        lock = self.client.lock(
            f"{self.prefix}:lock:{name}", timeout=self.timeout_s, blocking_timeout=wait_s
        )
        if not lock.acquire():
            raise TimeoutError(f"lock {name} busy")
        try:
            yield
        finally:
            try:
                lock.release()
            except redis.exceptions.LockNotOwnedError:
                log.warning("lock %s expired while held", name)


class RedisRecentContacts:
    """A key per address that expires with the window (WhatsApp's 24 hours)."""

    def __init__(self, client: redis.Redis, prefix: str = "td", window_s: int = 24 * 3600):
        self.client = client
        self.prefix = prefix
        self.window_s = window_s

    def touch(self, address: str) -> None:
        self.client.set(f"{self.prefix}:recent:{address}", "1", ex=self.window_s)

    def is_recent(self, address: str) -> bool:
        return bool(self.client.exists(f"{self.prefix}:recent:{address}"))
