"""`python -m bot telegram` killed (SIGKILL) while it handles a trader's order, then started
again: the order exists once and the trader is told about it exactly once.

The kill falls at an observable point, with no hook in the product: either the
confirmation is on its way to the Bot API (the fake holds it, then drops it, so Telegram never
got it), or the order is committed while the bot waits to record the message as handled
(the test holds a lock on that table). Telegram serves an update again until a later
getUpdates confirms it with a higher offset; the fake does the same.
"""

from __future__ import annotations

from sqlalchemy import create_engine, text

from storage.db import normalise_url
from tests.fakes.telegram_api import FakeTelegram
from tests.faults import seed
from tests.faults.chat import CHAT, CONFIRMATION, settled, show_quote, start_bot, texts_with
from tests.faults.conftest import services_on
from tests.faults.harness import LEASES, wait_until

# A restarted bot takes the update again when its lease ends, and the chat once the dead
# holder's lock expires (short here, as the leases: one bot runs at a time, so a lock that
# expires under a slow handling lets no one in): the recovery bound follows them, with a
# generous margin for a loaded machine (it only bounds a failure; success stops the wait).
LOCK_TIMEOUT_S = 2
RECOVERY_S = LEASES["telegram_inbox_lease_seconds"] + LOCK_TIMEOUT_S + 30


def bot_env(fake: FakeTelegram, db_url: str, redis_url: str) -> dict[str, str]:
    return seed.telegram_env(fake, db_url, redis_url, lock_timeout_seconds=LOCK_TIMEOUT_S)


def check_once(services, trader_id: int, fake: FakeTelegram) -> None:
    orders = seed.orders_of(services, trader_id)
    assert len(orders) == 1, f"{len(orders)} orders for one confirmed quote"
    assert [c.used_l for c in seed.containers(services)] == [orders[0].volume_l]
    assert len(texts_with(fake, CONFIRMATION)) == 1, fake.texts(CHAT)


def test_killed_while_the_confirmation_is_on_its_way(db_url, redis_url, procs, fake_tg):
    services = services_on(db_url, redis_url)
    seed.ready(services)
    (trader_id,) = seed.traders(services, [("telegram", str(CHAT))])
    env = bot_env(fake_tg, db_url, redis_url)
    bot = start_bot(procs, "bot-1", env)
    show_quote(fake_tg, procs)

    fake_tg.hold("sendMessage", CHAT)
    fake_tg.press(CHAT, "quote:order")
    wait_until(lambda: fake_tg.held, 10, "the confirmation sent to the Bot API", procs)
    assert CONFIRMATION in str(fake_tg.held[0].params["text"])
    procs.kill(bot)
    fake_tg.release()  # dropped: Telegram never received it

    start_bot(procs, "bot-2", env)
    wait_until(lambda: texts_with(fake_tg, CONFIRMATION), RECOVERY_S, "confirmation", procs)
    settled(fake_tg, procs)
    check_once(services, trader_id, fake_tg)


def test_killed_between_the_order_and_the_handled_mark(db_url, redis_url, procs, fake_tg):
    services = services_on(db_url, redis_url)
    seed.ready(services)
    (trader_id,) = seed.traders(services, [("telegram", str(CHAT))])
    env = bot_env(fake_tg, db_url, redis_url)
    bot = start_bot(procs, "bot-1", env)
    show_quote(fake_tg, procs)

    blocker = create_engine(normalise_url(db_url))
    with blocker.connect() as connection:
        # Reads go on; recording a handled message waits until this transaction ends.
        connection.execute(text("LOCK TABLE processed_messages IN EXCLUSIVE MODE"))
        fake_tg.press(CHAT, "quote:order")
        wait_until(lambda: _waiting_on_a_lock(db_url), 10, "the bot blocked on the lock", procs)
        procs.kill(bot)
        connection.rollback()
    blocker.dispose()

    start_bot(procs, "bot-2", env)
    wait_until(lambda: texts_with(fake_tg, CONFIRMATION), RECOVERY_S, "confirmation", procs)
    settled(fake_tg, procs)
    check_once(services, trader_id, fake_tg)


def _waiting_on_a_lock(db_url: str) -> bool:
    engine = create_engine(normalise_url(db_url))
    try:
        with engine.connect() as connection:
            query = text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            return bool(connection.execute(query).scalar())
    finally:
        engine.dispose()
