"""TELEGRAM_PAID_BROADCAST (issue 12): when on, the outbox's sends to Telegram ask for a paid
broadcast (`allow_paid_broadcast`, up to 1 000 messages/s at 0.1 Star each); live replies
never do, and nothing does when it is off (the default)."""

from __future__ import annotations

import pytest

from bot.channels.telegram_push import TelegramPushSender
from bot.engine.events import Reply
from bot.runtime.senders import build_dispatcher
from bot.services.announcements import announce
from bot.settings import Settings
from tests.channels.conftest import RunningBot, on_virtual_time
from tests.channels.test_dispatch import many_traders
from tests.fakes.telegram_api import FakeTelegram
from tests.flows.conftest import make_app

CHAT = 4242


def paid(call) -> bool:
    return call.params.get("allow_paid_broadcast") in (True, "true", "True")


def fake_settings(fake: FakeTelegram) -> dict:
    return {
        "telegram_bot_token": fake.token,
        "telegram_api_base_url": f"{fake.base}/bot",
        "telegram_file_base_url": f"{fake.base}/file/bot",
    }


@pytest.mark.parametrize("enabled", [True, False])
def test_only_the_outbox_pays_and_only_when_enabled(fake_tg, tmp_path, enabled):
    app = make_app(
        f"sqlite:///{tmp_path / 'paid.db'}",
        telegram_paid_broadcast=enabled,
        **fake_settings(fake_tg),
    )
    services = app.services
    many_traders(services.uow_factory, services.clock, 1, first_chat=CHAT)
    bot = RunningBot(services, dispatch=False).start()  # driven by hand below
    try:
        fake_tg.text(CHAT, "/start")  # a live reply
        fake_tg.wait_for(lambda: fake_tg.sent(CHAT))
        replies = list(fake_tg.sent(CHAT))
        announce(services.uow_factory(), "p1", "all", "Annonce payée", "admin", services.clock())
        assert on_virtual_time(build_dispatcher(services)).run_once() == 1
    finally:
        bot.stop()
    assert replies and not any(paid(call) for call in replies)
    announced = [c for c in fake_tg.sent() if "Annonce payée" in str(c.params.get("text"))]
    assert announced and all(paid(call) == enabled for call in announced)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_workers_pushes_pay_when_enabled(fake_tg, enabled):
    settings = Settings(
        _env_file=None,
        secret_key="paid-test-secret-0123456789abcdefgh",
        telegram_paid_broadcast=enabled,
        **fake_settings(fake_tg),
    )
    sender = TelegramPushSender(settings)
    sender.send(str(CHAT), Reply("texte"))
    sender.send(str(CHAT), Reply("photo", photo=b"\x89PNG"))
    sender.send(str(CHAT), Reply("reçu", document=("recu.pdf", b"%PDF")))
    sends = fake_tg.sent(CHAT)
    assert sorted(c.method for c in sends) == ["sendDocument", "sendMessage", "sendPhoto"]
    assert all(paid(call) == enabled for call in sends)
