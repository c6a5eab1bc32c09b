"""Every Redis script of storage/ runs on a Redis Cluster: a script's keys must hash to one
slot (a hash tag, `{…}`), or the cluster refuses the call (CROSSSLOT), even on one node.

A one-node cluster owning every slot, started here on a Unix socket (no port taken), checks
the keys of each call as a cluster of many nodes would."""

from __future__ import annotations

import shutil
import socket as socket_module
import subprocess
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
import redis

from domain.otp import OtpPolicy, OtpScope
from storage.hit_counter import RedisHitCounter
from storage.kv import RedisConversationStore, RedisLocks, RedisVersions, make_redis
from storage.otp_store import RedisOtpStore
from storage.send_budget import RedisSendBudget
from tests.conftest import NOW

pytestmark = pytest.mark.skipif(not shutil.which("redis-server"), reason="no redis-server")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[redis.Redis]:
    folder = tmp_path_factory.mktemp("cluster")
    socket = folder / "redis.sock"
    server = subprocess.Popen(
        ["redis-server", "--port", "0", "--unixsocket", str(socket), "--dir", str(folder),
         "--cluster-enabled", "yes", "--cluster-config-file", str(folder / "nodes.conf"),
         "--cluster-port", str(_free_port()), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        client = make_redis(f"unix://{socket}")
        _wait(lambda: socket.exists() and client.ping(), "the server")
        client.execute_command("CLUSTER", "ADDSLOTSRANGE", 0, 16383)
        _wait(lambda: "cluster_state:ok" in client.execute_command("CLUSTER", "INFO"), "slots")
        yield client
    finally:
        server.terminate()
        server.wait(10)


def _free_port() -> int:
    """A loopback port for the cluster bus: by default it is the client port + 10000, so
    10000 for every one-node cluster at once (two test processes: the second never starts)."""
    with socket_module.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(ready, what: str) -> None:
    for _ in range(200):
        try:
            if ready():
                return
        except (redis.ConnectionError, FileNotFoundError):
            pass
        time.sleep(0.05)
    raise RuntimeError(f"cluster: {what} not ready")


def test_the_cluster_refuses_keys_of_two_slots(cluster):
    """What the tests below rely on: one node, and still CROSSSLOT."""
    with pytest.raises(redis.exceptions.ClusterCrossSlotError):
        cluster.eval("return 1", 2, "td:lock:chat:console:u", "td:conv:console:u")


def test_a_chats_lock_and_state_with_a_version_read_along(cluster):
    store = RedisConversationStore(cluster, prefix="c")
    versions = RedisVersions(cluster, prefix="c")
    versions.bump("terms")
    cluster.set("c:conv:telegram:42", '{"state": "idle"}')  # kept before the hash tag
    with store.held("telegram", "42", "chat:telegram:42", (versions.key("terms"),)) as held:
        assert held.state == {"state": "idle"}
        assert held.along == [versions.current("terms")]
        held.save({"state": "ask_volume"})
    assert store.load("telegram", "42") == {"state": "ask_volume"}
    store.save("telegram", "42", {"state": "idle"})
    store.clear("telegram", "42")
    assert store.load("telegram", "42") is None


def test_one_time_codes(cluster):
    store, scope, policy = (
        RedisOtpStore(cluster, prefix="c"),
        OtpScope("trader", "+224620"),
        OtpPolicy(),
    )
    token = store.reserve_send(scope, "chat-1", NOW, policy)
    assert store.put_code(scope, token, "hash-1", NOW, policy)
    store.try_code(scope, "hash-1", NOW + timedelta(seconds=5), policy)
    store.release_send(
        scope,
        "chat-1",
        store.reserve_send(scope, "chat-2", NOW, OtpPolicy(resend_cooldown=timedelta(0))),
    )


def test_the_send_budget(cluster):
    budget = RedisSendBudget(cluster, "telegram:1", {"all": 30, "bulk": 27}, 1.0, prefix="c")
    assert budget.take("42").taken and not budget.take("42").taken


def test_counters_and_locks(cluster):
    assert RedisHitCounter(cluster, prefix="c").hit("1.2.3.4", 60, NOW) == 1
    with RedisLocks(cluster, prefix="c").hold("clock:digest", wait_s=0):
        pass
