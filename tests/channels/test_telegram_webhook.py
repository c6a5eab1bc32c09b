"""Webhook mode: PTB's server refuses any request without our secret token."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request

import pytest
from pydantic import SecretStr

from bot.channels.telegram import webhook_options
from tests.channels.conftest import RunningBot

SECRET = "s" * 40


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(port: int, body: dict, secret: str | None) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/telegram",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"}
        | ({"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}),
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class WebhookBot(RunningBot):
    async def _start(self) -> None:
        app = self.channel.application
        await app.initialize()
        await self.channel.started(app)
        await app.start()
        options = webhook_options(self.channel.settings, listen="127.0.0.1")
        await app.updater.start_webhook(**options)


def test_secret_is_required(tg):
    fake, app, _start_bot, _clock = tg
    settings = app.services.settings
    settings.telegram_webhook_url = "https://example.invalid/telegram"
    settings.telegram_webhook_port = free_port()
    settings.telegram_webhook_secret = SecretStr("too-short")
    with pytest.raises(ValueError, match="32"):
        webhook_options(settings)
    settings.telegram_webhook_secret = SecretStr(SECRET)
    bot = WebhookBot(app.services).start()
    try:
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": 0,
                "text": "/start",
                "chat": {"id": 4242, "type": "private"},
                "from": {"id": 4242, "is_bot": False, "first_name": "A"},
            },
        }
        port = settings.telegram_webhook_port
        assert post(port, update, None) == 403
        assert post(port, update, "wrong-secret-" + "x" * 30) == 403
        assert fake.texts(4242) == []
        assert post(port, {**update, "update_id": 2}, SECRET) == 200
        fake.wait_for(lambda: any("quel est votre nom" in t for t in fake.texts(4242)))
        set_hook = next(c for c in fake.calls if c.method == "setWebhook")
        assert set_hook.params["secret_token"] == SECRET
    finally:
        bot.stop()
