"""The real PTB Application against the local fake Bot API, run in a background thread.

Time the tests do not wait out: the dispatcher's rate limits run on virtual time, PTB's limiter
only retries a RetryAfter (the fake Bot API paces sends where a test asks it to,
`max_sends_per_second`), and the dispatcher looks for work every 0.1 s instead of every second.
The limits themselves are tested in test_dispatch.py."""

from __future__ import annotations

import asyncio
import re
import threading
from datetime import UTC, datetime, timedelta

import pytest
from telegram.ext import AIORateLimiter

from bot.channels.telegram import build_channel
from bot.channels.telegram_inbox import TelegramInbox
from bot.channels.telegram_push import TelegramSender
from bot.delivery.budget import SharedRateLimiter
from bot.delivery.dispatch import Dispatcher
from bot.runtime.engines import build_desk, build_engine
from bot.runtime.senders import build_dispatcher, connect_channels
from bot.services.traders import register as register_trader
from domain.traders import Language
from tests.fakes.telegram_api import FakeTelegram
from tests.flows.conftest import make_app

ADMIN_CHAT = -100500
ADMIN_USER = 7001
ADMIN_PHONE = "+224620900900"


class Clock:
    """A clock the tests move: every part of the wiring reads time through it."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class VirtualTime:
    """Monotonic seconds that move only when a rate limiter waits: the production limits
    are kept (and can be measured) without the test waiting them out."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def on_virtual_time(dispatcher: Dispatcher, virtual: VirtualTime | None = None) -> Dispatcher:
    """The dispatcher's waits counted, not waited. The shared Telegram budget keeps Redis's
    clock, which virtual time cannot move: its slots are reserved ahead of it (counted the
    same), but a chat's second would be waited for in a loop; its spacing per chat is off
    here and proven in real time (tests/unit/test_send_budget.py)."""
    virtual = virtual or VirtualTime()
    for limiter in dispatcher.limits.values():
        limiter.sleep = virtual.sleep
        if isinstance(limiter, SharedRateLimiter):
            limiter.budget.per_chat_us = 0
        else:
            limiter.clock = virtual
    return dispatcher


def unpaced() -> AIORateLimiter:
    """PTB's limiter without Telegram's flood pacing (20 a minute in a group: 3 s a message
    after the 20th), still retrying a RetryAfter as in production."""
    return AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=3)


class RunningBot:
    """The bot on its own loop and thread; `dispatch=False` for a test that drives
    dispatchers by hand (a background one could claim what the test announces)."""

    def __init__(self, services, dispatch: bool = True) -> None:
        self.services = services
        self.dispatch = dispatch
        engine, desk = build_engine(services), build_desk(services)
        self.channel = build_channel(services.settings, engine, desk, unpaced())
        connect_channels(services, TelegramSender(self.channel))
        self.dispatcher = on_virtual_time(build_dispatcher(services))
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.error: Exception | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> RunningBot:
        self.thread.start()
        assert self.ready.wait(20), "the bot did not start"
        if self.error is not None:
            raise self.error
        return self

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self._start())
            if self.dispatch:
                self.dispatcher.start(idle_s=0.1)
        except Exception as error:  # surfaced in start(), in the test's thread
            self.error = error
            return
        finally:
            self.ready.set()
        self.loop.run_forever()

    async def _start(self) -> None:
        app = self.channel.application
        await app.initialize()
        await self.channel.started(app)
        self.inbox = TelegramInbox(app, self.services.uow_factory, self.services.clock,
                                   poll_timeout_s=1)  # fmt: skip
        self.tasks = [
            asyncio.ensure_future(self.inbox.fetch_forever()),
            asyncio.ensure_future(self.inbox.work_forever()),
        ]

    async def _stop(self) -> None:
        await self.inbox.stop()
        await self.channel.stop_pushes()  # as bot.channels.telegram.serve does
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        await self.channel.application.shutdown()

    def stop(self) -> None:
        self.dispatcher.stop()
        asyncio.run_coroutine_threadsafe(self._stop(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@pytest.fixture
def fake_tg():
    fake = FakeTelegram().start()
    yield fake
    fake.stop()


def _tg(fake_tg, tmp_path, admin_chat: int):
    clock = Clock()
    app = make_app(
        f"sqlite:///{tmp_path / 'tg.db'}",
        telegram_bot_token=fake_tg.token,
        telegram_api_base_url=f"{fake_tg.base}/bot",
        telegram_file_base_url=f"{fake_tg.base}/file/bot",
        admin_chat_id=admin_chat,
        admin_phones=ADMIN_PHONE,
    )
    app.services.clock = clock
    bots: list[RunningBot] = []

    def start_bot() -> RunningBot:
        bot = RunningBot(app.services).start()
        bots.append(bot)
        return bot

    yield fake_tg, app, start_bot, clock
    for bot in bots:
        if bot.thread.is_alive():
            bot.stop()


@pytest.fixture
def tg(fake_tg, tmp_path):
    """(fake Bot API, services, start_bot, clock): the admin chat is a group of admins."""
    yield from _tg(fake_tg, tmp_path, ADMIN_CHAT)


@pytest.fixture
def tg_solo(fake_tg, tmp_path):
    """The same, with one admin whose own private chat with the bot is the admin chat."""
    yield from _tg(fake_tg, tmp_path, ADMIN_USER)


def last_code(app, phone: str) -> str:
    return app.sms.last_code(phone)


def register(fake: FakeTelegram, app, chat_id: int, name: str, phone: str, clock: Clock) -> None:
    """Registration through Telegram: name, the share-my-number button, the SMS code."""
    start = len(fake.texts(chat_id))
    fake.text(chat_id, "/start")
    fake.wait_for(lambda: len(fake.texts(chat_id)) > start)
    fake.text(chat_id, name)
    fake.wait_for(lambda: any("Partager" in t for t in fake.texts(chat_id)[start:]))
    fake.contact(chat_id, phone)
    e164 = "+224" + re.sub(r"\D", "", phone)[-9:]
    fake.wait_for(lambda: any("envoyé par SMS" in t for t in fake.texts(chat_id)[start:]))
    fake.text(chat_id, last_code(app, e164))
    fake.wait_for(lambda: any("compte est actif" in t for t in fake.texts(chat_id)[start:]))
    clock.advance(minutes=1)


def many_traders(uow_factory, clock, count: int, first_chat: int = 100_000) -> list[int]:
    """`count` French traders of Telegram chats, registered straight in the database."""
    chats = [first_chat + n for n in range(count)]
    for n, chat in enumerate(chats):
        register_trader(
            uow_factory(),
            name=f"T {n}",
            phone=f"+224621{n:06d}",
            channel="telegram",
            user_ref=str(chat),
            language=Language.FR,
            now=clock(),
        )
    return chats
