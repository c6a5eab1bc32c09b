"""A trader's Telegram chat with `python -m bot telegram`, as the fault scenarios drive it."""

from __future__ import annotations

import json

from tests.fakes.telegram_api import FakeTelegram
from tests.faults.harness import Processes, wait_until

CHAT = 5001
CONFIRMATION = "Commande C00001 enregistrée"
MENU = "Que voulez-vous faire"
BOOT_S = 30


def texts_with(fake: FakeTelegram, needle: str, chat: int = CHAT) -> list[str]:
    return [t for t in fake.texts(chat) if needle in t]


def buttons(fake: FakeTelegram, index: int, chat: int = CHAT) -> list[str]:
    """The callback data of the inline keyboard of the chat's message number `index`."""
    markup = fake.sent(chat)[index].params.get("reply_markup")
    rows = json.loads(str(markup)).get("inline_keyboard", []) if markup else []
    return [button["callback_data"] for row in rows for button in row]


def start_bot(procs: Processes, name: str, env: dict[str, str]):
    return procs.python(name, ["-m", "bot", "telegram"], env)


def start_worker(procs: Processes, name: str, env: dict[str, str]):
    """The Procfile's `worker`: the outbox dispatcher, and the WhatsApp messages stored."""
    return procs.python(name, ["-m", "bot", "worker"], env)


def show_quote(fake: FakeTelegram, procs: Processes, chat: int = CHAT) -> None:
    """Menu → quote → TEXTILE → 3 CBM → 10 000 ¥: the quote with its Order button."""
    for step in ("menu:quote", "cat:textile"):
        before = len(fake.texts(chat))
        fake.press(chat, step)
        wait_until(lambda b=before: len(fake.texts(chat)) > b, BOOT_S, f"answer to {step}", procs)
    before = len(texts_with(fake, "Total à payer", chat))
    fake.text(chat, "3")
    wait_until(lambda: texts_with(fake, "prix des marchandises", chat), 10, "price asked", procs)
    fake.text(chat, "10 000")
    wait_until(
        lambda: len(texts_with(fake, "Total à payer", chat)) > before, 10, "the quote", procs
    )


def answer_to(fake: FakeTelegram, procs: Processes, act, what: str, chat: int = CHAT) -> list[str]:
    """Do `act()` and return the texts the chat receives for it."""
    before = len(fake.texts(chat))
    act()
    wait_until(lambda: len(fake.texts(chat)) > before, 15, what, procs)
    return fake.texts(chat)[before:]


def settled(fake: FakeTelegram, procs: Processes, chat: int = CHAT) -> None:
    """A later message answered: the chat's earlier updates are all handled (one chat's
    updates are handled in order)."""
    before = len(texts_with(fake, MENU, chat))
    fake.text(chat, "menu")
    wait_until(lambda: len(texts_with(fake, MENU, chat)) > before, 15, "the menu", procs)
