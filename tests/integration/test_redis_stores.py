"""One contract, two backends: the in-process substitute and a real Redis server."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest

from domain.errors import OtpInvalid, OtpLocked, OtpRateLimited
from domain.otp import OtpPolicy, OtpScope
from storage.kv import RedisConversationStore, RedisLocks
from storage.otp_store import RedisOtpStore
from tests.conftest import NOW

LOCK = "t:lock:{console:u}:chat:console:u"  # in the chat's cluster slot, as its state


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
    assert 0 < redis_client.ttl("t:conv:{console:u}") <= 100


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


# Issue 12: the chat's lock and state in one round trip each way (Lua scripts)


def _counter_increments(store: RedisConversationStore, n: int) -> None:
    """Read-modify-write of the state under the held conversation: no update lost."""
    with store.held("console", "race", "chat:console:race") as held:
        state = held.state or {"count": 0}
        time.sleep(0.001)
        held.save({"count": int(state["count"]) + 1})  # type: ignore[call-overload]


def test_held_conversation_serialises_read_modify_write(redis_client):
    store = RedisConversationStore(redis_client, prefix="t")
    threads = [threading.Thread(target=_counter_increments, args=(store, n)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.load("console", "race") == {"count": 16}
    assert redis_client.get("t:lock:{console:race}:chat:console:race") is None


def test_leaving_without_a_save_releases_and_keeps_the_state(redis_client):
    store = RedisConversationStore(redis_client, prefix="t")
    store.save("console", "u", {"state": "idle"})
    with pytest.raises(RuntimeError), store.held("console", "u", "chat:console:u") as held:
        assert held.state == {"state": "idle"}
        raise RuntimeError("a bug in a flow")
    assert store.load("console", "u") == {"state": "idle"}
    assert redis_client.get(LOCK) is None


def test_a_holder_whose_lock_was_taken_neither_frees_it_nor_overwrites_the_newer_state(
    redis_client,
):
    """Ownership: a holder whose lock expired and was taken by another must not free the
    other's lock, nor save over the state the other loaded and may have moved on from
    (review of issue 12: two messages must never run on the same state)."""
    store = RedisConversationStore(redis_client, prefix="t", lock_timeout_s=0.05)
    store.save("console", "u", {"state": "ask_volume"})
    with store.held("console", "u", "chat:console:u") as held:
        time.sleep(0.1)  # expired
        redis_client.set(LOCK, "someone-else", px=5000)
        store.save("console", "u", {"state": "quote_review"})  # the other holder's step
        held.save({"state": "ask_price"})
    assert redis_client.get(LOCK) == "someone-else"
    assert store.load("console", "u") == {"state": "quote_review"}


def test_a_holder_whose_lock_expired_unclaimed_still_saves(redis_client):
    """Expired but taken by nobody: nobody read the state since, so the step is kept."""
    store = RedisConversationStore(redis_client, prefix="t", lock_timeout_s=0.05)
    with store.held("console", "u", "chat:console:u") as held:
        time.sleep(0.1)  # expired, free
        held.save({"state": "idle"})
    assert store.load("console", "u") == {"state": "idle"}
    assert redis_client.pttl("t:conv:{console:u}") > 0


def test_taking_the_lock_again_with_the_same_token_counts_as_taken(redis_client):
    """A retried LOCK_AND_LOAD whose first reply was lost finds its own token: taken, not
    busy (review of issue 12)."""
    store = RedisConversationStore(redis_client, prefix="t")
    store.save("console", "u", {"state": "idle"})
    keys = [LOCK, "t:conv:{console:u}"]
    assert store.lock_and_load(keys, "token-1", 30_000, []) is not None
    again = store.lock_and_load(keys, "token-1", 30_000, [])
    assert again == ['{"state": "idle"}']
    assert store.lock_and_load(keys, "token-2", 30_000, []) is None


def test_keys_read_along_come_back_with_the_state(redis_client):
    store = RedisConversationStore(redis_client, prefix="t")
    redis_client.set("t:version:terms", "7")
    with store.held("console", "u", "chat:console:u", ("t:version:terms", "t:none")) as held:
        assert held.state is None and held.along == ["7", None]
        assert 0 < redis_client.pttl(LOCK) <= 30_000
    assert redis_client.get(LOCK) is None


# Cluster-ready names (a hash tag per chat), read-old-write-new for the states kept before


def test_a_state_kept_under_its_old_name_is_found_and_moved_by_the_next_save(redis_client):
    """An upgrade keeps every conversation: the state under the name before the hash tag is
    read (locked or not) while the chat has none under the new name, and moved by a save."""
    store = RedisConversationStore(redis_client, prefix="t")
    redis_client.set("t:conv:console:u", '{"state": "ask_volume"}', ex=100)
    assert store.load("console", "u") == {"state": "ask_volume"}
    with store.held("console", "u", "chat:console:u") as held:  # left without a save: kept
        assert held.state == {"state": "ask_volume"}
    assert redis_client.get("t:conv:console:u") is not None
    with store.held("console", "u", "chat:console:u") as held:
        assert held.state == {"state": "ask_volume"}
        held.save({"state": "ask_price"})
    assert redis_client.get("t:conv:console:u") is None
    assert redis_client.get("t:conv:{console:u}") == '{"state": "ask_price"}'
    with store.held("console", "u", "chat:console:u") as held:
        assert held.state == {"state": "ask_price"}


def test_the_new_name_wins_and_every_write_retires_the_old_one(redis_client):
    store = RedisConversationStore(redis_client, prefix="t")
    redis_client.set("t:conv:console:u", '{"state": "old"}')
    redis_client.set("t:conv:{console:u}", '{"state": "new"}')
    assert store.load("console", "u") == {"state": "new"}
    with store.held("console", "u", "chat:console:u") as held:
        assert held.state == {"state": "new"}
    store.save("console", "u", {"state": "saved"})
    assert redis_client.get("t:conv:console:u") is None
    redis_client.set("t:conv:console:u", '{"state": "old"}')
    store.clear("console", "u")
    assert store.load("console", "u") is None


def test_codes_and_counts_kept_under_the_old_names_are_moved_and_still_count(redis_client):
    """A code sent before the upgrade still verifies after it, and its sends still count
    (the cooldown holds): the keys under the names before the hash tag are moved first."""
    store, scope, policy = (
        RedisOtpStore(redis_client, prefix="t"),
        OtpScope("trader", "+1"),
        OtpPolicy(),
    )
    token = store.reserve_send(scope, "c1", NOW, policy)
    assert store.put_code(scope, token, "hash-1", NOW, policy)
    for key in redis_client.keys("t:otp:*"):  # as the version before the tag kept them
        redis_client.rename(key, key.replace("{", "").replace("}", ""))
    with pytest.raises(OtpRateLimited):
        store.reserve_send(scope, "c1", NOW + timedelta(seconds=5), policy)
    store.try_code(scope, "hash-1", NOW + timedelta(seconds=5), policy)  # right: no error
    assert all("{trader}" in key for key in redis_client.keys("t:otp:*"))


class OtpStoreBeforeTheTag(RedisOtpStore):
    """The version before the hash tag, still running during a rolling upgrade."""

    def keys(self, scope: OtpScope, chat: str = "") -> list[str]:
        return [key.replace("{", "", 1).replace("}", "", 1) for key in super().keys(scope, chat)]

    def adopt_legacy(self, keys: list[str]) -> None:
        pass


def test_wrong_guesses_counted_under_both_names_during_an_upgrade_all_count(redis_client):
    """While old and new processes both run, a phone's wrong guesses go under both names: the
    new name's count must take in the old one's, not drop it (review R: it deleted the old
    name when the new one existed, giving an attacker fresh guesses)."""
    policy = OtpPolicy(max_attempts=100, max_wrong_per_window=5)
    scope, later = OtpScope("trader", "+1"), timedelta(seconds=40)
    new, old = RedisOtpStore(redis_client, prefix="t"), OtpStoreBeforeTheTag(redis_client, "t")
    for store, at in ((new, NOW), (old, NOW + later)):
        assert store.put_code(scope, store.reserve_send(scope, "c1", at, policy), "h", at, policy)
        for _ in range(2):
            with pytest.raises(OtpInvalid):
                store.try_code(scope, "wrong", at, policy)
    with pytest.raises(OtpLocked):  # 2 + 2 + this one: 5 in the window
        new.try_code(scope, "wrong", NOW + 2 * later, policy)
