"""Issue 15 on each channel: a trader finds suppliers by a trade word and pages through
them, on Telegram (the real PTB against the fake Bot API) and on WhatsApp (the signed
webhook and the real twilio client against the fake Twilio)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.flows.context import MENU_IDS
from bot.services import suppliers as supplier_service
from bot.services.suppliers import Draft
from domain.suppliers import Contact, SupplierCategory
from tests.channels.conftest import register
from tests.channels.test_telegram import keyboard_ids
from tests.channels.test_whatsapp import SID, TOKEN, WhatsAppWorld
from tests.fakes.twilio_api import FakeTwilio

TRADER = 5015
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def seven_phone_suppliers(services) -> None:
    drafts = [
        Draft(f"Shenzhen Phones {n}", "Shenzhen", SupplierCategory.TELEPHONES,
              Contact(phone=f"+8613800138{n:03d}"), "smartphones", recommended=n == 7)
        for n in range(1, 8)
    ]  # fmt: skip
    drafts.append(
        Draft("Wax House", "Guangzhou", SupplierCategory.TEXTILE, Contact(wechat="waxhouse88"))
    )
    supplier_service.import_drafts(services.uow_factory(), drafts, "admin", NOW)


def buttons(call) -> list[str]:
    return keyboard_ids(call) if "reply_markup" in call.params else []


def text_of(call) -> str:
    return str(call.params["text"]).replace("\u00a0", " ")


def test_telegram_trader_finds_phone_suppliers_and_pages(tg):
    fake, app, start_bot, clock = tg
    seven_phone_suppliers(app.services)
    start_bot()
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    start = len(fake.sent(TRADER))
    fake.text(TRADER, "où acheter des téléphones ?")
    fake.wait_for(lambda: any("page 1/2" in t for t in fake.texts(TRADER)[start:]))
    page = next(c for c in fake.sent(TRADER)[start:] if "page 1/2" in text_of(c))
    assert text_of(page).index("Shenzhen Phones 7") < text_of(page).index("Shenzhen Phones 1")
    assert "Wax House" not in text_of(page) and "GNF" not in text_of(page)
    fake.wait_for(lambda: "sup:page:telephones:2" in buttons(fake.sent(TRADER)[-1]))
    start = len(fake.sent(TRADER))
    fake.press(TRADER, "sup:page:telephones:2")
    fake.wait_for(lambda: any("page 2/2" in t for t in fake.texts(TRADER)[start:]))
    page2 = next(t for t in fake.texts(TRADER)[start:] if "page 2/2" in t)
    assert "Shenzhen Phones 6" in page2 and "Shenzhen Phones 4" not in page2
    fake.wait_for(lambda: buttons(fake.sent(TRADER)[-1])[-1:] == ["menu:suppliers"])  # no Next


@pytest.fixture
def wa(tmp_path, time_machine):
    time_machine.move_to("2026-11-25 10:00:00+00:00", tick=False)
    fake = FakeTwilio(auth=(SID, TOKEN)).start()
    yield WhatsAppWorld(fake, tmp_path, sms_provider="twilio", whatsapp_interactive=False)
    fake.stop()


def test_whatsapp_trader_finds_textile_suppliers_then_pages_phones(wa):
    seven_phone_suppliers(wa.services)
    wa.register()
    wa.say("fournisseurs textile")
    bodies = [b.replace("\u00a0", " ") for b in wa.fake.bodies("whatsapp:+224620123456")]
    assert any("Wax House (Guangzhou) — WeChat : waxhouse88" in b for b in bodies)
    wa.say("9")  # 🏭 Fournisseurs, the menu's ninth entry (after support and balance)
    assert "Quelle catégorie" in wa.last()
    wa.say("Téléphones (7)")
    assert f"{len(MENU_IDS) + 1}. ➡️ Suivant" in wa.last()  # after the whole menu
    wa.say("suivant")
    bodies = [b.replace("\u00a0", " ") for b in wa.fake.bodies("whatsapp:+224620123456")]
    assert any("page 2/2 (7 en tout)" in b for b in bodies[-2:])
