"""Drive the engine as a script of inbound events, through the production wiring."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.engine.events import Inbound, Reply
from bot.runtime.engines import build_engine
from bot.runtime.infrastructure import Services, build
from bot.services.defaults import load_defaults
from bot.settings import Settings
from storage.kv import make_redis
from tests.conftest import migrated_sqlite

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
_ids = itertools.count(1)


@dataclass
class FakeSms:
    sent: list[tuple[str, str]] = field(default_factory=list)

    def send(self, phone: str, text: str) -> None:
        self.sent.append((phone, text))

    def last_code(self, phone: str) -> str:
        for to, text in reversed(self.sent):
            if to == phone:
                return re.search(r"\b(\d{6})\b", text).group(1)  # type: ignore[union-attr]
        raise AssertionError(f"no SMS to {phone}")


class Chat:
    """One chat with the bot: say, press, send photos; every reply is kept."""

    def __init__(self, app: App, user_ref: str, channel: str = "console", **defaults):
        self.app = app
        self.user_ref = user_ref
        self.channel = channel
        self.defaults = defaults
        self.replies: list[Reply] = []

    def send(self, **fields) -> list[Reply]:
        fields.setdefault("message_id", f"m{next(_ids)}")
        event = Inbound(self.channel, self.user_ref, **{**self.defaults, **fields})
        replies = self.app.engine.handle(event)
        self.replies += replies
        self.app.transcript += replies
        return replies

    def say(self, text: str) -> list[Reply]:
        return self.send(text=text)

    def press(self, choice: str) -> list[Reply]:
        return self.send(choice=choice)

    def photo(self, content: bytes = PNG, caption: str = "") -> list[Reply]:
        return self.send(image=content, text=caption)

    @property
    def text(self) -> str:
        """The last replies' text, with no-break spaces made plain for easy assertions."""
        return self.replies[-1].text.replace("\u00a0", " ") if self.replies else ""

    @property
    def choice_ids(self) -> list[str]:
        return [c.id for c in self.replies[-1].choices]

    @property
    def state(self) -> str:
        raw = self.app.services.conversations.load(self.channel, self.user_ref) or {}
        return str(raw.get("state", "start"))

    def register(self, name: str = "Mamadou Diallo", phone: str = "620 12 34 56") -> None:
        self.say("bonjour")
        self.say(name)
        self.say(phone)
        e164 = "+224" + re.sub(r"\D", "", phone)[-9:]
        self.say(self.app.sms.last_code(e164))
        assert "compte est actif" in self.text or "account is active" in self.text, self.text


class BusyLocks:
    """Every chat's lock held by another worker for longer than the wait."""

    @contextmanager
    def hold(self, name: str) -> Iterator[None]:
        raise TimeoutError(name)
        yield


class BusyConversations:
    """The conversation store, with every chat's lock held by another worker for longer
    than the wait: the held conversation cannot be entered; plain loads still work."""

    def __init__(self, store: object) -> None:
        self.store = store

    def held(self, *args: object, **kwargs: object) -> AbstractContextManager[None]:
        @contextmanager
        def busy() -> Iterator[None]:
            raise TimeoutError("chat busy")
            yield

        return busy()

    def __getattr__(self, name: str) -> object:
        return getattr(self.store, name)


@dataclass
class App:
    services: Services
    sms: FakeSms
    transcript: list[Reply] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.engine = build_engine(self.services)

    def restart(self) -> App:
        """A new engine on the same database and Redis, as after a process restart."""
        return App(self.services, self.sms, self.transcript)

    def chat(self, user_ref: str = "u1", channel: str = "console", **defaults) -> Chat:
        return Chat(self, user_ref, channel, **defaults)


def make_app(database_url: str, capacity_cbm: int = 76, sms=None, **settings) -> App:
    """The production wiring on `database_url`; a new SQLite file starts as a copy of the
    migrated template (so build() has nothing to migrate)."""
    path = Path(database_url.removeprefix("sqlite:///"))
    copied = database_url.startswith("sqlite:///") and not path.exists()
    if copied:
        migrated_sqlite(path)
    config = Settings(
        _env_file=None,
        database_url=database_url,
        secret_key="test-secret-key-of-enough-length-0123",
        container_capacity_cbm=capacity_cbm,
        **settings,
    )
    fake_sms = FakeSms()
    services = build(config, migrate=not copied, sms=sms or fake_sms)
    make_redis(None).flushdb()
    load_defaults(services.uow_factory(), services.clock(), config.capacity_l)
    return App(services, fake_sms)


@pytest.fixture
def app(tmp_path) -> App:
    return make_app(f"sqlite:///{tmp_path / 'bot.db'}")


@pytest.fixture
def small_app(tmp_path) -> App:
    """A 10 CBM container, to reach "full" quickly."""
    return make_app(f"sqlite:///{tmp_path / 'small.db'}", capacity_cbm=10)


@pytest.fixture
def trader(app) -> Chat:
    chat = app.chat()
    chat.register()
    return chat
