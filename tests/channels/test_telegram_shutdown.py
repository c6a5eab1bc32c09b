"""The bot stopping while the dispatcher pushes through it (`python -m bot` with a token runs
both): a push under way finishes before the loop closes, and a push that comes after is a
failed delivery, retried later, never a bug (which would fail the message and apologise for
it) nor a coroutine left on a dead loop ("coroutine 'deliver' was never awaited")."""

from __future__ import annotations

import asyncio
import gc
import threading
import time
import warnings
from typing import Any

import pytest

from bot.channels.telegram import build_channel, run
from bot.engine.events import Reply
from bot.settings import Settings
from domain.errors import DeliveryFailed
from tests.channels.conftest import unpaced
from tests.fakes.telegram_api import FakeTelegram

CHAT = "7001"


class IdleInbox:
    """An inbox with nothing to fetch or handle: `stop` ends the bot's loops, as SIGTERM's
    shutdown does."""

    def __init__(self) -> None:
        self.stopping = threading.Event()

    async def fetch_forever(self) -> None:
        while not self.stopping.is_set():
            await asyncio.sleep(0.01)

    async def work_forever(self) -> None:
        await self.fetch_forever()

    async def stop(self) -> None:
        self.stopping.set()


@pytest.fixture
def fake():
    fake = FakeTelegram().start()
    yield fake
    fake.stop()


def running_bot(fake: FakeTelegram) -> tuple[Any, IdleInbox, threading.Thread]:
    settings = Settings(
        _env_file=None,
        telegram_bot_token=fake.token,
        telegram_api_base_url=f"{fake.base}/bot",
        telegram_file_base_url=f"{fake.base}/file/bot",
    )
    channel, inbox = build_channel(settings, None, None, unpaced()), IdleInbox()
    thread = threading.Thread(target=run, args=(channel, inbox), daemon=True)
    thread.start()
    assert channel.running.wait(20)
    return channel, inbox, thread


def test_a_push_under_way_at_shutdown_is_delivered(fake):
    channel, inbox, thread = running_bot(fake)
    fake.slow("sendMessage", 0.5)
    outcome: list[object] = []
    pushing = threading.Thread(
        target=lambda: outcome.append(_push(channel, "annonce")), daemon=True
    )
    pushing.start()
    deadline = time.monotonic() + 10
    while fake.scripted["sendMessage"] and time.monotonic() < deadline:
        time.sleep(0.01)  # until the request is at Telegram
    inbox.stopping.set()
    thread.join(20)
    pushing.join(20)
    assert not thread.is_alive() and not pushing.is_alive()
    assert outcome and not isinstance(outcome[0], BaseException), outcome
    assert fake.texts(int(CHAT)) == ["annonce"]


def test_a_push_after_shutdown_is_a_failed_delivery_with_nothing_left_behind(fake):
    channel, inbox, thread = running_bot(fake)
    inbox.stopping.set()
    thread.join(20)
    assert not thread.is_alive()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(DeliveryFailed):
            channel.send_from_thread(CHAT, Reply("trop tard"), timeout_s=2)
        gc.collect()
    assert not [w for w in caught if "never awaited" in str(w.message)]
    assert fake.texts(int(CHAT)) == []


def _push(channel: Any, text: str) -> object:
    try:
        return channel.send_from_thread(CHAT, Reply(text), timeout_s=10)
    except BaseException as error:  # the outcome is the test's to judge
        return error
