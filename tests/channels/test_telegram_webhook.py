"""Webhook mode: the web process stores each update before answering Telegram (a request
without our secret token touches nothing), and the bot process handles it from the store."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import SecretStr

from bot.runtime.wiring import build_web
from tests.channels.conftest import RunningBot

SECRET = "s" * 40
UPDATE = {
    "update_id": 1,
    "message": {
        "message_id": 1,
        "date": 0,
        "text": "/start",
        "chat": {"id": 4242, "type": "private"},
        "from": {"id": 4242, "is_bot": False, "first_name": "A"},
    },
}


class WebhookBot(RunningBot):
    """The bot process in webhook mode: no polling, only the work on stored updates."""

    async def _start(self) -> None:
        await super()._start()
        self.tasks[0].cancel()  # the polling loop


def post(client, body: dict, secret: str | None):
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
    return client.post("/webhooks/telegram", json=body, headers=headers)


def test_secret_is_required_and_updates_are_stored_then_handled(tg):
    fake, app, _start_bot, _clock = tg
    settings = app.services.settings
    settings.telegram_webhook_url = "https://example.invalid/webhooks/telegram"
    settings.telegram_webhook_secret = SecretStr("too-short")
    with pytest.raises(ValueError, match="32"):
        build_web(app.services)
    settings.telegram_webhook_secret = SecretStr(SECRET)
    flask_app, worker = build_web(app.services)
    assert worker is None  # no WhatsApp configured: the web process serves Telegram only
    client = flask_app.test_client()
    assert post(client, UPDATE, None).status_code == 403
    assert post(client, UPDATE, "wrong-secret-" + "x" * 30).status_code == 403
    assert post(client, {"hello": 1}, SECRET).status_code == 400
    assert post(client, UPDATE, SECRET).status_code == 200
    assert post(client, UPDATE, SECRET).status_code == 200  # Telegram retried: stored once
    with app.services.uow_factory() as uow:  # one stored row, left unclaimed for the bot
        now = app.services.clock()
        assert uow.inbound.claim(now, timedelta(minutes=1), "telegram", "t") is not None
        assert uow.inbound.claim(now, timedelta(minutes=1), "telegram", "t") is None
        uow.rollback()
    bot = WebhookBot(app.services).start()
    try:
        fake.wait_for(lambda: any("quel est votre nom" in t for t in fake.texts(4242)))
    finally:
        bot.stop()
    assert sum("quel est votre nom" in t for t in fake.texts(4242)) == 1
