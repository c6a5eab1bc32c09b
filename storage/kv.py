"""Redis access: conversation state, per-user locks, recent contacts (OTP: otp_store.py).

With no REDIS_URL the same code runs on fakeredis, an in-process Redis substitute, so the
embedded default needs no server.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING

import redis

if TYPE_CHECKING:
    import fakeredis

log = logging.getLogger(__name__)
CONVERSATION_TTL_S = 30 * 24 * 3600
_embedded_server: fakeredis.FakeServer | None = None


def make_redis(url: str | None) -> redis.Redis:
    """A client for REDIS_URL, or for this process's in-process substitute."""
    global _embedded_server
    if url:
        return redis.Redis.from_url(url, decode_responses=True)
    import fakeredis  # only the embedded default needs it (issue 12: memory per process)

    if _embedded_server is None:
        _embedded_server = fakeredis.FakeServer()
    return fakeredis.FakeRedis(server=_embedded_server, decode_responses=True)


LOCK_TIMEOUT_S = 30.0  # LOCK_TIMEOUT_SECONDS' default
LOCK_RETRY_S = 0.1  # how often a waiter asks again (redis-py's Lock: the same)
LOCK_GRACE_S = 5.0  # a waiter waits the lock's timeout and this: a dead holder only delays
# KEYS: the lock, the state, then keys read along (a cache's version); ARGV: token, expiry ms.
# Nothing (nil) when the lock is held by someone else; else 1, the state, the keys read.
# Holding it already with this token counts as taken (a retried call whose reply was lost).
LOCK_AND_LOAD = """
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
local out = {1}
for i = 2, #KEYS do out[i] = redis.call('GET', KEYS[i]) end
return out
"""
# KEYS: the lock, the state; ARGV: token, state JSON (empty: no save), TTL s. Returns 1 when
# the lock was ours. When it expired and another holder took it, that holder loaded the
# state before this save: writing it now would overwrite the newer step, so it is not saved
# (the message is already marked handled: the chat stays one step behind, never forks).
# Expired and free: nobody read the state since, so it is saved.
SAVE_AND_UNLOCK = """
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3]) end
if holder then redis.call('DEL', KEYS[1]) return 1 end
return 0
"""


class RedisConversationStore:
    """State name + JSON data per (channel, user_ref), with a long TTL."""

    def __init__(
        self,
        client: redis.Redis,
        prefix: str = "td",
        ttl_s: int = CONVERSATION_TTL_S,
        lock_timeout_s: float = LOCK_TIMEOUT_S,
        grace_s: float = LOCK_GRACE_S,
    ):
        self.client = client
        self.prefix = prefix
        self.ttl_s = ttl_s
        self.lock_timeout_s = lock_timeout_s
        self.grace_s = grace_s
        self.lock_and_load = client.register_script(LOCK_AND_LOAD)
        self.save_and_unlock = client.register_script(SAVE_AND_UNLOCK)

    def _key(self, channel: str, user_ref: str) -> str:
        return f"{self.prefix}:conv:{channel}:{user_ref}"

    def load(self, channel: str, user_ref: str) -> dict[str, object] | None:
        raw = self.client.get(self._key(channel, user_ref))
        return None if raw is None else json.loads(raw)

    def save(self, channel: str, user_ref: str, state: dict[str, object]) -> None:
        self.client.set(self._key(channel, user_ref), json.dumps(state), ex=self.ttl_s)

    def clear(self, channel: str, user_ref: str) -> None:
        self.client.delete(self._key(channel, user_ref))

    def held(
        self, channel: str, user_ref: str, lock: str, along: tuple[str, ...] = ()
    ) -> HeldConversation:
        """The state of a chat under the lock `lock` (the same key as RedisLocks.hold), taken
        and read in one round trip on entering, saved and released in one by `save`."""
        keys = [f"{self.prefix}:lock:{lock}", self._key(channel, user_ref), *along]
        return HeldConversation(self, keys)


class HeldConversation:
    """A context manager: entering locks and loads (TimeoutError when the lock stays busy
    for the lock's timeout + its grace, 5 s, like RedisLocks); `save` saves and unlocks; leaving
    without a save only unlocks. `state` and `along` (the values of the keys read along)
    are set once entered."""

    def __init__(self, store: RedisConversationStore, keys: list[str]) -> None:
        self.store = store
        self.keys = keys
        self.token = uuid.uuid4().hex
        self.state: dict[str, object] | None = None
        self.along: list[str | None] = []
        self.released = False

    def __repr__(self) -> str:
        return self.keys[0]

    def __enter__(self) -> HeldConversation:
        store = self.store
        deadline = time.monotonic() + store.lock_timeout_s + store.grace_s
        expiry_ms = int(store.lock_timeout_s * 1000)
        while True:
            found = store.lock_and_load(keys=self.keys, args=[self.token, expiry_ms])
            if found is not None:
                break
            if time.monotonic() >= deadline:
                raise TimeoutError(f"lock {self.keys[0]} busy")
            time.sleep(LOCK_RETRY_S)
        found = list(found) + [None] * (len(self.keys) - len(found))  # trailing nils dropped
        self.state = None if found[1] is None else json.loads(found[1])
        self.along = found[2:]
        return self

    def save(self, state: dict[str, object] | None) -> None:
        """Save `state` (None: keep the stored one) and release the lock, in one round trip."""
        if self.released:
            return
        self.released = True
        raw = "" if state is None else json.dumps(state)
        args: list[str | int] = [self.token, raw, self.store.ttl_s]
        if not self.store.save_and_unlock(keys=self.keys[:2], args=args):
            log.warning("lock %s expired while held", self.keys[0])

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.save(None)


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
        wait_s = self.timeout_s + LOCK_GRACE_S if wait_s is None else wait_s
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


class RedisVersions:
    """A version per name (a fresh random token at each change, never repeated, even after
    Redis lost its data): caches of what the name covers are valid for one version."""

    def __init__(self, client: redis.Redis, prefix: str = "td") -> None:
        self.client = client
        self.prefix = prefix

    def key(self, name: str) -> str:
        return f"{self.prefix}:version:{name}"

    def current(self, name: str) -> str | None:
        value = self.client.get(self.key(name))
        return value.decode() if isinstance(value, bytes) else value

    def bump(self, name: str) -> None:
        self.client.set(self.key(name), uuid.uuid4().hex)


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
