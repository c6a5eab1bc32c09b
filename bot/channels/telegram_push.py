"""Pushes to Telegram outside an update: the dispatcher's sender (worker threads onto the
bot's event loop) and the worker's sender (one Bot of its own, on a loop of its own thread)."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from bot.channels.telegram import TelegramChannel
from bot.channels.telegram_delivery import deliver, message_ref, telegram_refusals
from bot.engine.events import Reply


class TelegramSender:
    """The dispatcher's door to Telegram: from worker threads onto the bot's event loop.
    Only these bulk sends (and the worker's below) may be paid broadcasts, never replies."""

    def __init__(self, channel: TelegramChannel) -> None:
        self.channel = channel
        self.paid = bool(channel.settings.telegram_paid_broadcast)

    def send(self, user_ref: str, reply: Reply) -> str | None:
        with telegram_refusals():
            sent = self.channel.send_from_thread(user_ref, reply, paid=self.paid)
            return message_ref(sent)


class TelegramPushSender:
    """Pushes from a process that does not run the bot (the worker): one Bot, initialised
    once, on an event loop of its own thread, its HTTP connections kept (issue 12: a Bot per
    message cost a getMe, a new connection and a new loop: 117 ms and 68 ms of CPU a push)."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._bot: Any = None

    def send(self, user_ref: str, reply: Reply) -> str | None:
        with telegram_refusals():
            loop, bot = self._started()
            paid = bool(self.settings.telegram_paid_broadcast)
            sending = deliver(bot, int(user_ref), reply, paid=paid)
            future = asyncio.run_coroutine_threadsafe(sending, loop)
            return message_ref(future.result())

    def _started(self) -> tuple[asyncio.AbstractEventLoop, Any]:
        """The loop (started once) and the Bot (initialised once it can be)."""
        from telegram import Bot

        with self._lock:
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                name = "telegram-push"
                threading.Thread(target=self._loop.run_forever, name=name, daemon=True).start()
            if self._bot is None:
                settings = self.settings
                bot = Bot(
                    settings.telegram_bot_token.get_secret_value(),
                    base_url=settings.telegram_api_base_url,
                    base_file_url=settings.telegram_file_base_url,
                )
                asyncio.run_coroutine_threadsafe(bot.initialize(), self._loop).result()
                self._bot = bot
            return self._loop, self._bot
