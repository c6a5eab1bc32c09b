"""The dispatcher (in `python -m bot worker`, the Procfile's worker) killed (SIGKILL) in the
middle of an announcement to N traders, then started again: every trader gets it, and a kill
costs at most one duplicate.

Why one duplicate may be unavoidable: Telegram's sendMessage takes no idempotency key and
sending cannot share a transaction with our database, so a message whose request reached
Telegram just before the kill, but whose "sent" was not yet recorded, is sent again. The
dispatcher sends one message at a time, so at most one is in that state per kill.

N is 120 here (CI) and 2 000 with FAULTS_FULL=1: enough for the kill to land with a third sent
and the rest still leased to the killed process (the test checks both), which is what the
scenario is about; the count itself is not. The processes may send TELEGRAM_MAX_PER_SECOND=300
(Telegram's real limit would make the test wait on pacing, which tests/channels/test_dispatch.py
covers on a virtual clock). Messages leased to the killed process fall due again when their
lease (the suite's short OUTBOX_LEASE_SECONDS) runs out: the wait is bounded by that lease plus
the sending time.
"""

from __future__ import annotations

import uuid
from collections import Counter

from bot.delivery.budget import bulk_rate
from bot.services import announcements
from tests.fakes.telegram_api import FakeTelegram
from tests.faults import seed
from tests.faults.chat import start_worker
from tests.faults.conftest import FULL, services_on
from tests.faults.harness import LEASES, wait_until

TRADERS = 2000 if FULL else 120
MAX_PER_SECOND = 300
FIRST_CHAT = 100_000
TEXT = "Le conteneur TD-2026-07 part samedi."


def announcement_counts(fake: FakeTelegram) -> Counter[str]:
    return Counter(
        str(call.params["chat_id"])
        for call in fake.sent()
        if TEXT in str(call.params.get("text", ""))
    )


def test_dispatcher_killed_mid_announcement(db_url, redis_url, procs, fake_tg):
    services = services_on(db_url, redis_url)
    seed.ready(services)
    chats = [str(FIRST_CHAT + n) for n in range(TRADERS)]
    seed.traders(services, [("telegram", chat) for chat in chats])
    reached = announcements.announce(
        services.uow_factory(), uuid.uuid4().hex, announcements.ALL, TEXT, "admin", seed.now()
    )
    assert reached == TRADERS
    env = seed.telegram_env(
        fake_tg, db_url, redis_url, log_level="WARNING", telegram_max_per_second=MAX_PER_SECOND
    )
    sending_s = TRADERS / bulk_rate(MAX_PER_SECOND)

    worker = start_worker(procs, "worker-1", env)
    third = TRADERS // 3
    wait_until(lambda: len(fake_tg.sent()) >= third, 30 + sending_s, "a third sent", procs)
    procs.kill(worker)
    before_restart = announcement_counts(fake_tg)
    assert 0 < sum(before_restart.values()) < TRADERS
    # Mid-announcement: what is left is leased to the dead dispatcher, not merely pending.
    assert seed.outbox_counts(services).get("sending", 0) > 0, seed.outbox_counts(services)

    start_worker(procs, "worker-2", env)
    budget = LEASES["outbox_lease_seconds"] + sending_s + 30
    wait_until(lambda: seed.outbox_counts(services) == {"sent": TRADERS}, budget, "all sent", procs)
    counts = announcement_counts(fake_tg)
    missing = [chat for chat in chats if counts[chat] == 0]
    duplicates = sum(n - 1 for n in counts.values() if n > 1)
    assert not missing, f"{len(missing)} traders never got the announcement"
    assert duplicates <= 1, f"{duplicates} duplicates after one kill"
    assert set(counts) == set(chats)
