"""Helpers for tests that drive both fakes at once: a Telegram trader (the real PTB
Application on the fake Bot API, chat TG), a WhatsApp trader (the fake Twilio, TRADER) and
the Telegram admin chat."""

from __future__ import annotations

import json
import re

from bot.text import formatting as fmt
from storage.orm import outbox
from tests.channels.conftest import ADMIN_CHAT, ADMIN_USER
from tests.channels.test_telegram_eta import confirm
from tests.channels.test_whatsapp import PUBLIC, TRADER, WhatsAppWorld
from tests.fakes.telegram_api import FakeTelegram

TG = 5001


class StoppedClock:
    """`register` moves the tests' clock; here the clock is the real one."""

    def advance(self, **_delta: float) -> None:
        pass


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def gnf(amount: int) -> str:
    return plain(fmt.gnf(amount))


def wa_wait(fake_tg: FakeTelegram, world: WhatsAppWorld, needle: str, count: int = 1) -> None:
    """Until the WhatsApp trader has read `needle` `count` times (notifications come from the
    bot's dispatcher thread, or from this thread's drain)."""

    def seen() -> bool:
        world.drain()
        return sum(needle in plain(b) for b in world.fake.bodies(TRADER)) >= count

    fake_tg.wait_for(seen)


def tg_wait(fake_tg: FakeTelegram, needle: str, count: int = 1, chat: int = TG) -> None:
    fake_tg.wait_for(lambda: sum(needle in plain(t) for t in fake_tg.texts(chat)) >= count)


def admin(fake_tg: FakeTelegram, text: str, needle: str, **extra) -> None:
    start = len(fake_tg.texts(ADMIN_CHAT))
    fake_tg.text(ADMIN_CHAT, text, user_id=ADMIN_USER, **extra)
    fake_tg.wait_for(lambda: any(needle in plain(t) for t in fake_tg.texts(ADMIN_CHAT)[start:]))


def admin_confirms(fake_tg: FakeTelegram, text: str, preview: str, done: str) -> None:
    admin(fake_tg, text, preview)
    start = len(fake_tg.texts(ADMIN_CHAT))
    confirm(fake_tg)
    fake_tg.wait_for(lambda: any(done in plain(t) for t in fake_tg.texts(ADMIN_CHAT)[start:]))


def tg_documents(fake_tg: FakeTelegram) -> list:
    return [c for c in fake_tg.sent(TG) if c.method == "sendDocument"]


def wa_media(world: WhatsAppWorld) -> list[str]:
    return [m["MediaUrl"] for m in world.fake.messages(TRADER) if "MediaUrl" in m]


def qr_page_is_valid(world: WhatsAppWorld, pdf: str, number: str) -> None:
    token = re.search(rf"{re.escape(PUBLIC)}/r/([\w-]+)", pdf.replace("\n", ""))
    assert token is not None, pdf
    page = world.client.get(f"/r/{token[1]}")
    assert page.status_code == 200 and "Reçu valide" in page.text and number in page.text


def outbox_settled(world: WhatsAppWorld) -> bool:
    world.drain()
    with world.services.uow_factory() as uow:
        statuses = {row.status for row in uow.session.execute(outbox.select())}
    assert "failed" not in statuses
    return statuses <= {"sent"}


def wa_texts(world: WhatsAppWorld) -> list[str]:
    """Everything the WhatsApp trader read: bodies, templates' variables, media links."""
    texts = []
    for message in world.fake.messages(TRADER):
        variables = json.loads(message.get("ContentVariables", "{}"))
        parts = [world.fake.shown(message), message.get("MediaUrl", ""), *variables.values()]
        texts.append(plain("\n".join(parts)))
    return texts


def told(fake_tg: FakeTelegram, world: WhatsAppWorld, needle: str) -> tuple[int, int]:
    """How many times each trader (Telegram, WhatsApp) read `needle`, once all is sent."""
    fake_tg.wait_for(lambda: outbox_settled(world))
    tg = sum(needle in plain(t) for t in fake_tg.texts(TG))
    return tg, sum(needle in t for t in wa_texts(world))
