"""The Telegram apology after a bug is in the sender's language (issue 13): the channel asks
the engine (or, in the admin chat, the desk) which language the chat speaks."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime

from telegram import Chat, Message, Update, User

from bot.channels.telegram import TelegramChannel
from bot.runtime.engines import build_desk
from bot.text.messages import t
from tests.flows.conftest import make_app

ADMIN_CHAT = -100


@dataclass
class FakeBot:
    sent: list[tuple[int, str]] = field(default_factory=list)

    async def send_message(self, chat_id: int, text: str, **_: object) -> None:
        self.sent.append((chat_id, text))


@dataclass
class Context:
    bot: FakeBot
    error: Exception = field(default_factory=lambda: KeyError("a bug"))


def update_from(chat_id: int, user_id: int) -> Update:
    kind = Chat.PRIVATE if chat_id > 0 else Chat.SUPERGROUP
    message = Message(
        1,
        datetime(2026, 11, 25, tzinfo=UTC),
        Chat(chat_id, kind),
        from_user=User(user_id, "U", False),
    )
    return Update(7, message=message)


def apology(app, chat_id: int, user_id: int) -> str:
    desk = build_desk(app.services, admin_chat=str(ADMIN_CHAT))
    channel = TelegramChannel(None, app.engine, desk, app.services.settings)  # type: ignore[arg-type]
    bot = FakeBot()
    asyncio.run(channel.on_error(update_from(chat_id, user_id), Context(bot)))  # type: ignore[arg-type]
    ((to, text),) = bot.sent
    assert to == chat_id
    return text


def test_an_english_speaking_trader_gets_the_apology_in_english(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'bot.db'}", admin_chat_id=ADMIN_CHAT)
    trader = app.chat("5001", channel="telegram")
    trader.register()
    trader.press("menu:language")
    trader.press("lang:en")
    assert apology(app, 5001, 5001) == t("error", "en")


def test_someone_unknown_gets_it_in_french(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'bot.db'}", admin_chat_id=ADMIN_CHAT)
    assert apology(app, 5002, 5002) == t("error", "fr")
