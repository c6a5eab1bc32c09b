"""Issue 11 on Telegram: a registered trader gets the quote from one message."""

from __future__ import annotations

from tests.channels.conftest import register
from tests.channels.test_telegram import keyboard_ids

TRADER = 5002


def test_one_message_quote_is_the_next_reply_with_order_ready(tg):
    fake, app, start_bot, clock = tg
    start_bot()
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    start = len(fake.sent(TRADER))
    fake.text(TRADER, "3 cbm tissu 10000 yuan")
    fake.wait_for(lambda: len(fake.sent(TRADER)) > start)
    reply = fake.sent(TRADER)[start]
    text = str(reply.params["text"]).replace("\u00a0", " ")
    assert text.startswith("Compris : 3,0 CBM · TEXTILE · 10 000 ¥")
    assert "Total à payer : 28 125 000 GNF" in text
    assert keyboard_ids(reply) == ["quote:order", "quote:edit", "flow:cancel"]
    fake.press(TRADER, "quote:order")
    fake.wait_for(lambda: any("Commande C00001 enregistrée" in t for t in fake.texts(TRADER)))
