"""The worker's pushes to Telegram (TelegramPushSender): one Bot for the process, initialised
once (a getMe), not one per message; a refusal is a failed delivery, and the next push
goes through on the same Bot (issue 12)."""

from __future__ import annotations

import pytest

from bot.channels.telegram_push import TelegramPushSender
from bot.engine.events import Reply
from bot.settings import Settings
from domain.errors import DeliveryFailed
from tests.fakes.telegram_api import FakeTelegram


@pytest.fixture
def fake():
    fake = FakeTelegram().start()
    yield fake
    fake.stop()


def test_pushes_share_one_initialised_bot(fake):
    settings = Settings(
        _env_file=None,
        telegram_bot_token=fake.token,
        telegram_api_base_url=f"{fake.base}/bot",
        telegram_file_base_url=f"{fake.base}/file/bot",
        secret_key="push-test-secret-0123456789abcdefgh",
    )
    sender = TelegramPushSender(settings)
    refs = [sender.send(str(1000 + n), Reply(f"annonce {n}")) for n in range(5)]
    assert all(refs) and len(set(refs)) == 5
    assert [c.method for c in fake.calls].count("getMe") == 1
    assert [t for t in fake.texts() if t.startswith("annonce")] == [
        f"annonce {n}" for n in range(5)
    ]

    fake.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    with pytest.raises(DeliveryFailed):
        sender.send("2000", Reply("bloqué"))
    assert sender.send("2001", Reply("suivant"))
    assert [c.method for c in fake.calls].count("getMe") == 1
