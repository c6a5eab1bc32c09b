"""Support tickets end to end: on Telegram (the real PTB Application on the fake Bot API,
an admin replying to the ticket's card) and on WhatsApp (the fake Twilio, inside and
outside the 24-hour window)."""

from __future__ import annotations

import json
from datetime import timedelta

from bot.engine.events import Inbound, Reply
from bot.runtime.engines import build_desk
from tests.channels.conftest import ADMIN_CHAT, ADMIN_USER, register
from tests.channels.test_telegram import admin_login, after
from tests.channels.test_whatsapp import ADMIN_PHONE, TRADER
from tests.channels.test_whatsapp import fake_twilio as fake_twilio  # fixtures
from tests.channels.test_whatsapp import wa as wa
from tests.flows.conftest import PNG

TG_TRADER = 5001


def sent_to_admins(fake, needle: str):
    fake.wait_for(lambda: any(needle in t for t in fake.texts(ADMIN_CHAT)))
    return next(
        c
        for c in fake.sent(ADMIN_CHAT)
        if needle in str(c.params.get("text") or c.params.get("caption"))
    )


def test_a_telegram_ticket_answered_by_a_reply_to_its_card(tg):
    fake, app, start_bot, clock = tg
    start_bot()
    register(fake, app, TG_TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    fake.press(TG_TRADER, "menu:support")
    after(fake, TG_TRADER, 0, "Écrivez votre question")
    fake.text(TG_TRADER, "Mon colis est bloqué ?")
    after(fake, TG_TRADER, 0, "demande T1")
    card = sent_to_admins(fake, "Demande T1 — Mamadou Diallo")
    card_id = card.result["message_id"]  # type: ignore[index]
    assert "Canal : telegram" in str(card.params["text"])
    fake.photo(TG_TRADER, PNG, caption="la facture")
    photo = sent_to_admins(fake, "T1 · Mamadou Diallo :\nla facture")
    assert photo.method == "sendPhoto" and photo.files["photo"] == PNG
    assert json.loads(str(photo.params["reply_parameters"]))["message_id"] == card_id

    admin_login(fake, app)
    fake.text(ADMIN_CHAT, "Il part lundi.", user_id=ADMIN_USER, reply_to=card_id)
    after(fake, TG_TRADER, 0, "Réponse du conseiller (demande T1) :\nIl part lundi.")
    after(fake, ADMIN_CHAT, 0, "Réponse envoyée à Mamadou Diallo (T1)")
    photo_id = photo.result["message_id"]  # type: ignore[index]
    fake.text(ADMIN_CHAT, "Et la facture est bonne.", user_id=ADMIN_USER, reply_to=photo_id)
    after(fake, TG_TRADER, 0, "Et la facture est bonne.")
    fake.text(ADMIN_CHAT, "/fermer T1", user_id=ADMIN_USER)
    after(fake, TG_TRADER, 0, "Votre demande T1 est close")
    fake.text(ADMIN_CHAT, "encore ?", user_id=ADMIN_USER, reply_to=card_id)
    after(fake, ADMIN_CHAT, 0, "La demande T1 est déjà fermée")
    assert not any("Admin" in t or "User" in t for t in fake.texts(TG_TRADER))
    assert not any(c.method.startswith("!") for c in fake.calls)


class AdminChatSender:
    """The Telegram admin chat, as seen from the web process: every post gets an id."""

    def __init__(self) -> None:
        self.sent: list[Reply] = []

    def send(self, user_ref: str, reply: Reply) -> str:
        self.sent.append(reply)
        return str(900 + len(self.sent))


def whatsapp_admin(wa):
    admin_chat = AdminChatSender()
    wa.services.channels.admin = (admin_chat, "-100")
    desk = build_desk(wa.services, admin_chat="-100")

    def says(**fields) -> str:
        [reply] = desk.handle(Inbound("telegram", "7001", chat_ref="-100", **fields))
        wa.drain()
        return reply.text

    says(text="/admin")
    says(text="620 90 09 00")
    assert "Session ouverte" in says(text=wa.app.sms.last_code(ADMIN_PHONE))
    return says, admin_chat


def test_a_whatsapp_trader_gets_the_admins_answer_in_and_out_of_the_window(wa, time_machine):
    wa.register()
    says, admin_chat = whatsapp_admin(wa)
    wa.say("J'ai un problème avec mon colis")
    assert "demande T1" in wa.last()
    url = wa.fake.add_media(PNG, "image/png")
    wa.say("le carton abîmé", NumMedia="1", MediaUrl0=url, MediaContentType0="image/png")
    assert "Transmis au conseiller (T1)" in wa.last()
    card, photo = admin_chat.sent[-2:]
    assert "Demande T1 — Mamadou Diallo" in card.text and "Canal : whatsapp" in card.text
    assert photo.photo == PNG and photo.reply_to == "901"

    assert "Réponse envoyée" in says(text="Nous regardons.", reply_to="901")
    assert "Réponse du conseiller (demande T1) :\nNous regardons." in wa.last()
    assert "Body" in wa.fake.messages(TRADER)[-1]  # inside the 24-hour window: free-form

    time_machine.shift(timedelta(hours=25))
    wa.services.recent.client.flushdb()  # the 24-hour keys expired with the clock (and
    says, _ = whatsapp_admin(wa)  # the admin's session with them: identified again)
    assert "Réponse envoyée" in says(text="/repondre T1 Remboursement validé.")
    last = wa.fake.messages(TRADER)[-1]
    assert last["ContentSid"].startswith("HX") and "Body" not in last
    assert "Remboursement validé." in last["ContentVariables"]
    assert "Demande T1 fermée" in says(text="/fermer T1")
    assert "Votre demande T1 est close" in wa.fake.messages(TRADER)[-1]["ContentVariables"]
