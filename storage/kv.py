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
from typing import TYPE_CHECKING, Any

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
# KEYS: the lock, the state (one chat: one cluster slot); ARGV: token, expiry ms.
# Nothing (nil) when the lock is held by someone else; else 1, the state.
# Holding it already with this token counts as taken (a retried call whose reply was lost).
LOCK_AND_LOAD = """
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return {1, redis.call('GET', KEYS[2])}
"""
# KEYS: the lock, the state; ARGV: token, state JSON (empty: no save), TTL s. Returns
# OURS when the lock was ours. When it expired and another holder took it, that holder
# loaded the state before this save: writing it now would overwrite the newer step, so it is
# not saved (TAKEN: the message is already marked handled: the chat stays one step behind,
# never forks). Expired and free (UNCLAIMED): nobody read the state since, so it is saved.
SAVE_AND_UNLOCK = """
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3]) end
if holder then redis.call('DEL', KEYS[1]) return 1 end
return -1
"""
OURS, TAKEN, UNCLAIMED = 1, 0, -1


class RedisConversationStore:
    """State name + JSON data per (channel, user_ref), with a long TTL.

    A chat's keys share a hash tag, `{channel:user_ref}`, so the scripts that take its lock
    and its state together touch one Redis Cluster slot; keys of other slots (a cache's
    version read along) are plain commands of the same pipeline: one round trip all the same.
    Read-old-write-new: a state kept under its name before the tag (`td:conv:channel:user`)
    is read when the chat has none under the new one, and moved by its next save. Those
    expire with their TTL: `legacy` can go 30 days after the upgrade."""

    def __init__(
        self,
        client: redis.Redis,
        prefix: str = "td",
        ttl_s: int = CONVERSATION_TTL_S,
        lock_timeout_s: float = LOCK_TIMEOUT_S,
    ):
        self.client = client
        self.prefix = prefix
        self.ttl_s = ttl_s
        self.lock_timeout_s = lock_timeout_s

    def _key(self, channel: str, user_ref: str) -> str:
        return f"{self.prefix}:conv:{{{channel}:{user_ref}}}"

    def legacy(self, channel: str, user_ref: str) -> str:
        """The state's name before the hash tag (read-old-write-new)."""
        return f"{self.prefix}:conv:{channel}:{user_ref}"

    def load(self, channel: str, user_ref: str) -> dict[str, object] | None:
        new, old = self._pipelined(
            ("GET", self._key(channel, user_ref)), ("GET", self.legacy(channel, user_ref))
        )
        raw = new if new is not None else old
        return None if raw is None else json.loads(raw)

    def save(self, channel: str, user_ref: str, state: dict[str, object]) -> None:
        raw, key = json.dumps(state), self._key(channel, user_ref)
        self._pipelined(
            ("SET", key, raw, "EX", self.ttl_s), ("DEL", self.legacy(channel, user_ref))
        )

    def clear(self, channel: str, user_ref: str) -> None:
        self._pipelined(
            ("DEL", self._key(channel, user_ref)), ("DEL", self.legacy(channel, user_ref))
        )

    def held(
        self, channel: str, user_ref: str, lock: str, along: tuple[str, ...] = ()
    ) -> HeldConversation:
        """The state of a chat under the lock `lock` (in the chat's slot), taken and read in
        one round trip on entering, saved and released in one by `save`."""
        state = self._key(channel, user_ref)
        lock_key = f"{self.prefix}:lock:{{{channel}:{user_ref}}}:{lock}"
        return HeldConversation(self, [lock_key, state], [*along, self.legacy(channel, user_ref)])

    def lock_and_load(
        self, keys: list[str], token: str, expiry_ms: int, reads: list[str]
    ) -> list[str | None] | None:
        """The lock and the state (one Lua call, one slot), then `reads` (any slot), in one
        round trip: None when the lock is someone else's, else [the state, *reads]."""
        found, *values = self._pipelined(
            ("EVAL", LOCK_AND_LOAD, 2, *keys, token, expiry_ms), *(("GET", k) for k in reads)
        )
        if found is None:
            return None
        return [found[1] if len(found) > 1 else None, *values]  # a trailing nil is dropped

    def save_and_unlock(self, keys: list[str], token: str, raw: str) -> int:
        """OURS, TAKEN (not saved) or UNCLAIMED (expired, saved): see SAVE_AND_UNLOCK."""
        args = (token, raw, self.ttl_s)
        return int(self.client.eval(SAVE_AND_UNLOCK, 2, *keys, *args))

    def _pipelined(self, *commands: tuple[Any, ...]) -> list[Any]:
        pipe = self.client.pipeline(transaction=False)
        for command in commands:
            pipe.execute_command(*command)
        return pipe.execute()


class HeldConversation:
    """A context manager: entering locks and loads (TimeoutError when the lock stays busy
    for the lock's timeout + 5 s, like RedisLocks); `save` saves and unlocks; leaving
    without a save only unlocks. `state` and `along` (the values of the keys read along)
    are set once entered. `reads`: the keys read along, then the state's legacy name."""

    def __init__(self, store: RedisConversationStore, keys: list[str], reads: list[str]) -> None:
        self.store = store
        self.keys = keys
        self.reads = reads
        self.token = uuid.uuid4().hex
        self.state: dict[str, object] | None = None
        self.along: list[str | None] = []
        self.from_legacy = False
        self.released = False

    def __repr__(self) -> str:
        return self.keys[0]

    def __enter__(self) -> HeldConversation:
        store = self.store
        deadline = time.monotonic() + store.lock_timeout_s + 5
        expiry_ms = int(store.lock_timeout_s * 1000)
        while True:
            found = store.lock_and_load(self.keys, self.token, expiry_ms, self.reads)
            if found is not None:
                break
            if time.monotonic() >= deadline:
                raise TimeoutError(f"lock {self.keys[0]} busy")
            time.sleep(LOCK_RETRY_S)
        state, *self.along, legacy = found
        self.from_legacy = state is None and legacy is not None
        raw = legacy if self.from_legacy else state
        self.state = None if raw is None else json.loads(raw)
        return self

    def save(self, state: dict[str, object] | None) -> None:
        """Save `state` (None: keep the stored one) and release the lock, in one round trip
        (two the first time a state read under its legacy name is moved)."""
        if self.released:
            return
        self.released = True
        raw = "" if state is None else json.dumps(state)
        saved = self.store.save_and_unlock(self.keys, self.token, raw)
        if saved != OURS:
            log.warning("lock %s expired while held", self.keys[0])
        if self.from_legacy and raw and saved != TAKEN:
            self.store.client.delete(self.reads[-1])

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
