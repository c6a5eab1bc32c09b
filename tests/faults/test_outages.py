"""Redis and PostgreSQL going away under running processes, on servers of our own (the
shared test servers are never stopped).

Redis restarted mid-conversation (no persistence: every conversation, lock and code is
lost): the trader is still recognised, goes on, and nothing is doubled. PostgreSQL stopped
abruptly (like a crash) and started again: what traders send meanwhile is answered in French
with "try again in a moment", nothing is half-written, and the same processes serve again.
"""

from __future__ import annotations

from storage.migrate import upgrade
from tests.faults import seed
from tests.faults.chat import (
    CHAT,
    CONFIRMATION,
    answer_to,
    buttons,
    settled,
    show_quote,
    start_bot,
    start_worker,
    texts_with,
)
from tests.faults.conftest import services_on
from tests.faults.harness import Proc, free_port, wait_until
from tests.faults.servers import ScratchPostgres, ScratchRedis
from tests.faults.web import Web, whatsapp_env

WA_TRADER = "whatsapp:+224620123456"
RETRY = "réessayez"
# The background loops (bot.delivery.loops) that must meet the outage and survive it, by the
# process whose log says so: the outage lasts until each has failed a pass.
LOOPS = {"worker": ("dispatcher", "whatsapp worker"), "bot": ("telegram inbox",)}


def test_redis_restarted_mid_conversation(db_url, procs, fake_tg, tmp_path):
    redis = ScratchRedis(tmp_path, free_port()).start()
    try:
        services = services_on(db_url, redis.url)
        seed.ready(services)
        (trader_id,) = seed.traders(services, [("telegram", str(CHAT))])
        start_bot(procs, "bot", seed.telegram_env(fake_tg, db_url, redis.url))
        show_quote(fake_tg, procs)

        redis.kill()
        redis.start()  # empty: the bot no longer knows where the conversation was
        answer = answer_to(fake_tg, procs, lambda: fake_tg.press(CHAT, "quote:order"), "stale")
        assert "menu:quote" in buttons(fake_tg, -1), answer  # recognised: the trader's menu
        assert not seed.orders_of(services, trader_id)  # a forgotten quote orders nothing

        show_quote(fake_tg, procs)
        fake_tg.press(CHAT, "quote:order")
        wait_until(lambda: texts_with(fake_tg, CONFIRMATION), 15, "the confirmation", procs)
        settled(fake_tg, procs)
        assert len(seed.orders_of(services, trader_id)) == 1
        assert len(texts_with(fake_tg, CONFIRMATION)) == 1
    finally:
        redis.kill()


def test_postgres_outage(redis_url, procs, fake_tg, fake_twilio):
    pg = ScratchPostgres(free_port()).init()
    try:
        upgrade(pg.url)
        services = services_on(pg.url, redis_url)
        seed.ready(services)
        tg_trader, _ = seed.traders(services, [("telegram", str(CHAT)), ("whatsapp", WA_TRADER)])
        bot = start_bot(procs, "bot", seed.telegram_env(fake_tg, pg.url, redis_url))
        web = Web(procs, whatsapp_env(fake_twilio, pg.url, redis_url))
        both = {**seed.telegram_env(fake_tg, pg.url, redis_url), **web.env}
        running = {"bot": bot, "worker": start_worker(procs, "worker", both)}
        web.wait_ready()
        show_quote(fake_tg, procs)
        assert web.post(WA_TRADER, "devis") == 200
        wait_until(lambda: _wa(fake_twilio, "Quelle catégorie"), 15, "WhatsApp quote", procs)

        pg.stop()
        answer = answer_to(fake_tg, procs, lambda: fake_tg.press(CHAT, "quote:order"), "reply")
        assert any(RETRY in text.lower() for text in answer), answer
        status, twiml = web.exchange(WA_TRADER, "2")
        assert status == 200 and RETRY in twiml.lower(), (status, twiml)
        wait_until(lambda: _loops_failed(running), 30, "every loop met the outage", procs)
        pg.start()

        fake_tg.press(CHAT, "quote:order")  # the same button, once the database is back
        wait_until(lambda: texts_with(fake_tg, CONFIRMATION), 15, "the confirmation", procs)
        assert web.post(WA_TRADER, "2") == 200
        wait_until(lambda: _wa(fake_twilio, "Quel volume"), 15, "WhatsApp goes on", procs)
        settled(fake_tg, procs)
        orders = seed.orders_of(services, tg_trader)
        assert len(orders) == 1 and len(texts_with(fake_tg, CONFIRMATION)) == 1
        assert [c.used_l for c in seed.containers(services)] == [orders[0].volume_l]
        assert len(_wa(fake_twilio, "Quel volume")) == 1
    finally:
        procs.close()
        pg.destroy()


def _loops_failed(running: dict[str, Proc]) -> bool:
    """Each background loop has logged a failed pass (and goes on: checked afterwards)."""
    return all(
        f"{loop}: pass failed" in running[name].output()
        for name, loops in LOOPS.items()
        for loop in loops
    )


def _wa(fake, needle: str) -> list[str]:
    return [body for body in fake.bodies(WA_TRADER) if needle in body]
