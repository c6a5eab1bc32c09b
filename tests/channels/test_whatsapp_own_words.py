"""Issue 11 on WhatsApp: a registered trader gets the quote from one message, through the
signed webhook and the real twilio client."""

from __future__ import annotations

import pytest

from tests.channels.test_whatsapp import SID, TOKEN, TRADER, WhatsAppWorld
from tests.fakes.twilio_api import FakeTwilio


@pytest.fixture
def wa(tmp_path, time_machine):
    time_machine.move_to("2026-11-25 10:00:00+00:00", tick=False)
    fake = FakeTwilio(auth=(SID, TOKEN)).start()
    yield WhatsAppWorld(fake, tmp_path, sms_provider="twilio")
    fake.stop()


def test_one_message_quote_is_the_next_reply(wa):
    wa.register()
    before = len(wa.fake.bodies(TRADER))
    wa.say("3 cbm tissu 10000 yuan")
    [reply] = [b.replace("\u00a0", " ") for b in wa.fake.bodies(TRADER)[before:]]
    assert reply.startswith("Compris : 3,0 CBM · TEXTILE · 10 000 ¥")
    assert "Total à payer : 28 125 000 GNF" in reply
    assert reply.endswith("[✅ Commander | ✏️ Modifier | ❌ Annuler]")  # native buttons
    wa.say("1")  # typed, as on the numbered fallback
    assert "Commande C00001 enregistrée" in wa.last()


def test_15_000_is_asked_with_two_choices(wa):
    wa.register()
    wa.say("3 cbm tissu 15,000 yuan")
    assert "15 ¥ ou de 15 000 ¥ ?" in wa.last() and "[15 ¥ | 15 000 ¥ | ❌ Annuler]" in wa.last()
    wa.say("2")
    assert "15 000 ¥ × 1 250 GNF" in wa.last()
