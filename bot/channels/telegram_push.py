"""Pushes to Telegram outside an update: the dispatcher's sender (worker threads onto the
bot's event loop) and the web process's sender (one short-lived Bot per message)."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.channels.telegram import TelegramChannel
from bot.channels.telegram_delivery import deliver, message_ref, telegram_refusals
from bot.engine.events import Reply


class TelegramSender:
    """The dispatcher's door to Telegram: from worker threads onto the bot's event loop."""

    def __init__(self, channel: TelegramChannel) -> None:
        self.channel = channel

    def send(self, user_ref: str, reply: Reply) -> str | None:
        with telegram_refusals():
            return message_ref(self.channel.send_from_thread(user_ref, reply))


class TelegramPushSender:
    """Pushes from a process that does not run the bot (the web process): one short-lived
    Bot per message, on its own event loop."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings

    def send(self, user_ref: str, reply: Reply) -> str | None:
        with telegram_refusals():
            return message_ref(asyncio.run(self._send(int(user_ref), reply)))

    async def _send(self, chat_id: int, reply: Reply) -> Any:
        from telegram import Bot

        settings = self.settings
        async with Bot(
            settings.telegram_bot_token.get_secret_value(),
            base_url=settings.telegram_api_base_url,
            base_file_url=settings.telegram_file_base_url,
        ) as bot:
            return await deliver(bot, chat_id, reply)
