"""Telegram end to end: PTB's Application, our handlers, the fake Bot API on loopback."""

from __future__ import annotations

import json

from bot.channels.telegram_delivery import TEXT_LIMIT
from bot.text.formatting import split_text
from domain.orders import OrderStatus
from tests.channels.conftest import ADMIN_CHAT, ADMIN_PHONE, ADMIN_USER, many_traders, register
from tests.flows.conftest import PNG

TRADER = 5001


def keyboard_ids(call) -> list[str]:
    markup = json.loads(str(call.params["reply_markup"]))
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


def after(fake, chat, start, needle):
    fake.wait_for(lambda: any(needle in t for t in fake.texts(chat)[start:]))


def order_with_proof(fake, chat):
    start = len(fake.texts(chat))
    for step in ("menu:quote", "cat:textile"):
        before = len(fake.texts(chat))
        fake.press(chat, step)
        fake.wait_for(lambda before=before: len(fake.texts(chat)) > before)
    fake.text(chat, "3")
    after(fake, chat, start, "prix des marchandises")
    fake.text(chat, "10 000")
    after(fake, chat, start, "Total à payer")
    fake.press(chat, "quote:order")
    after(fake, chat, start, "Commande C00001 enregistrée")
    fake.photo(chat, PNG, caption="OM-770077")
    after(fake, chat, start, "Preuve reçue pour la commande C00001")


def admin_login(fake, app, chat=ADMIN_CHAT):
    """An admin who never registered as a trader: the phone, typed, then the SMS code."""
    start = len(fake.texts(chat))
    fake.text(chat, "/admin", user_id=ADMIN_USER)
    after(fake, chat, start, "Pour vous identifier")
    fake.text(chat, "620 90 09 00", user_id=ADMIN_USER)
    after(fake, chat, start, "Code envoyé par SMS")
    fake.text(chat, app.sms.last_code(ADMIN_PHONE), user_id=ADMIN_USER)
    after(fake, chat, start, "Session ouverte")


def test_trader_journey_to_an_approved_payment(tg):
    fake, app, start_bot, clock = tg
    start_bot()
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    contact_prompt = next(c for c in fake.sent(TRADER) if "Partager" in str(c.params["text"]))
    assert json.loads(str(contact_prompt.params["reply_markup"]))["keyboard"][0][0][
        "request_contact"
    ]
    order_with_proof(fake, TRADER)
    fake.wait_for(lambda: fake.sent(ADMIN_CHAT))
    card = fake.sent(ADMIN_CHAT)[-1]
    assert card.method == "sendPhoto" and card.files["photo"] == PNG
    assert "Marge : 3 025 000 GNF" in str(card.params["caption"]).replace("\u00a0", " ")
    assert keyboard_ids(card) == ["adm:approve:1", "adm:reject:1"]
    admin_login(fake, app)
    card_message = {
        "message_id": 999,
        "date": 0,
        "chat": {"id": ADMIN_CHAT, "type": "group"},
        "photo": [{"file_id": "x", "file_unique_id": "x", "width": 1, "height": 1}],
        "caption": "card",
    }
    fake.press(ADMIN_CHAT, "adm:approve:1", user_id=ADMIN_USER, message=card_message)
    after(fake, TRADER, 0, "Paiement validé pour la commande C00001")
    fake.wait_for(lambda: fake.edits())
    assert "VALIDÉE par User" in str(fake.edits()[-1].params["caption"])  # Telegram name
    assert fake.edits()[-1].method == "editMessageCaption"
    with app.services.uow_factory() as uow:
        assert uow.orders.get(1).status is OrderStatus.PAID
    assert not any(c.method.startswith("!") for c in fake.calls)


def test_rejection_reason_and_session_expiry(tg):
    fake, app, start_bot, clock = tg
    start_bot()
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    order_with_proof(fake, TRADER)
    admin_login(fake, app)
    fake.press(ADMIN_CHAT, "adm:reject:1", user_id=ADMIN_USER)
    fake.wait_for(lambda: any("Motif" in str(c.params.get("text")) for c in fake.edits()))
    fake.press(ADMIN_CHAT, "adm:reason:1:unreadable", user_id=ADMIN_USER)
    after(fake, TRADER, 0, "Preuve refusée pour la commande C00001 : photo illisible")
    clock.advance(minutes=61)
    start = len(fake.texts(ADMIN_CHAT))
    fake.text(ADMIN_CHAT, "/stats", user_id=ADMIN_USER)
    after(fake, ADMIN_CHAT, start, "Session administrateur fermée")


ADMIN_COMMANDS = [
    "/admin",
    "/taux 1",
    "/tarifs",
    "/conteneurs",
    "/etape TD-2026-01",
    "/eta TD-2026-01 15/01/2027 retard",
    "/nouveau_conteneur",
    "/attente",
    "/commande C00001",
    "/stats",
    "/annonce x",
    "/export",
    "/tickets",
    "/repondre T1 bonjour",
    "/fermer T1",
]
SECRET_NUMBERS = ("3 025 000", "12 600 000", "Marge", "Coût réel", "réel")


def test_non_admins_are_refused_every_admin_command(tg):
    fake, app, start_bot, clock = tg
    start_bot()
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    for n, command in enumerate(ADMIN_COMMANDS):
        fake.text(TRADER, command)  # in the trader's private chat
        fake.text(ADMIN_CHAT, command, user_id=TRADER)  # in the admin chat
        fake.wait_for(
            lambda n=n: (
                sum("n'existe pas ici" in t for t in fake.texts(TRADER)) >= n + 1
                and sum("Pour vous identifier" in t for t in fake.texts(ADMIN_CHAT)) >= n + 1
            )
        )
    fake.press(ADMIN_CHAT, "adm:approve:1", user_id=8888)  # a stranger's forged button
    fake.wait_for(lambda: sum("identifier" in t for t in fake.texts()) >= len(ADMIN_COMMANDS) + 1)
    with app.services.uow_factory() as uow:
        assert str(uow.pricing.current_rate()[0]) == "1250"


def test_admin_input_outside_the_admin_chat_shows_nothing(tg):
    """A logged-in admin, in their own private chat and in a stranger's group: every admin
    command and button gets one neutral line; nothing secret is sent outside the admin chat."""
    fake, app, start_bot, clock = tg
    start_bot()
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    order_with_proof(fake, TRADER)
    admin_login(fake, app)
    stranger_group = -777
    for n, command in enumerate(ADMIN_COMMANDS):
        fake.text(ADMIN_USER, command)
        fake.text(stranger_group, command, user_id=ADMIN_USER)
        fake.wait_for(
            lambda n=n: all(
                sum("n'existe pas ici" in t for t in fake.texts(chat)) >= n + 1
                for chat in (ADMIN_USER, stranger_group)
            )
        )
    for chat in (ADMIN_USER, stranger_group):
        fake.press(chat, "adm:approve:1", user_id=ADMIN_USER)
    fake.wait_for(lambda: sum("n'existe pas ici" in t for t in fake.texts()) >= 24)
    outside = [c for c in fake.calls if str(c.params.get("chat_id")) != str(ADMIN_CHAT)]
    for call in outside:
        shown = json.dumps(call.params, ensure_ascii=False).replace("\\u00a0", " ")
        assert not any(secret in shown for secret in SECRET_NUMBERS), shown
    with app.services.uow_factory() as uow:
        assert uow.orders.get(1).status is OrderStatus.PROOF_SUBMITTED
        assert str(uow.pricing.current_rate()[0]) == "1250"


def test_group_members_are_not_traders(tg):
    fake, app, start_bot, _clock = tg
    start_bot()
    group = -4242
    fake.text(group, "/start", user_id=1)
    fake.text(group, "/commandes", user_id=2)
    fake.press(group, "menu:orders", user_id=2)
    fake.wait_for(lambda: sum("message privé" in t for t in fake.texts(group)) >= 3)
    fake.text(group, "bonjour tout le monde", user_id=3)  # chatter: not for the bot
    fake.text(1, "/start")  # the same person in a private chat is served as a trader
    after(fake, 1, 0, "nom")
    assert sum("message privé" in t for t in fake.texts(group)) == 3
    assert app.services.conversations.load("telegram", str(group)) is None


def test_one_admin_whose_private_chat_is_the_admin_chat(tg_solo):
    """ADMIN_CHAT_ID = the admin's own user id: identification, proofs, decisions there."""
    fake, app, start_bot, clock = tg_solo
    start_bot()
    fake.text(ADMIN_USER, "/start")
    after(fake, ADMIN_USER, 0, "Pour vous identifier")
    prompt = fake.sent(ADMIN_USER)[-1]
    assert json.loads(str(prompt.params["reply_markup"]))["keyboard"][0][0]["request_contact"]
    fake.contact(ADMIN_USER, ADMIN_PHONE)
    after(fake, ADMIN_USER, 0, "Code envoyé par SMS")
    fake.text(ADMIN_USER, app.sms.last_code(ADMIN_PHONE))
    after(fake, ADMIN_USER, 0, "Session ouverte")
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    order_with_proof(fake, TRADER)
    fake.wait_for(lambda: any(c.method == "sendPhoto" for c in fake.sent(ADMIN_USER)))
    card = [c for c in fake.sent(ADMIN_USER) if c.method == "sendPhoto"][-1]
    assert keyboard_ids(card) == ["adm:approve:1", "adm:reject:1"]
    fake.press(ADMIN_USER, "adm:approve:1")
    after(fake, TRADER, 0, "Paiement validé pour la commande C00001")
    with app.services.uow_factory() as uow:
        assert uow.orders.get(1).status is OrderStatus.PAID
        assert uow.traders.by_phone(ADMIN_PHONE) is None  # never registered as a trader


def test_a_refused_photo_card_arrives_as_a_document(tg):
    fake, app, start_bot, clock = tg
    start_bot()
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    fake.fail("sendPhoto", 400, "Bad Request: IMAGE_PROCESS_FAILED")
    order_with_proof(fake, TRADER)
    fake.wait_for(lambda: any(c.method == "sendDocument" for c in fake.sent(ADMIN_CHAT)))
    [card] = [c for c in fake.sent(ADMIN_CHAT) if c.method == "sendDocument"]
    assert card.files["document"] == PNG and "Marge" in str(card.params["caption"])
    assert keyboard_ids(card) == ["adm:approve:1", "adm:reject:1"]


def test_a_refused_photo_card_arrives_as_a_document_then_as_text(tg):
    fake, app, start_bot, clock = tg
    start_bot()
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    fake.fail("sendPhoto", 400, "Bad Request: IMAGE_PROCESS_FAILED", times=2)
    fake.fail("sendDocument", 400, "Bad Request: file is too big")
    order_with_proof(fake, TRADER)
    fake.wait_for(lambda: any(c.method == "sendMessage" for c in fake.sent(ADMIN_CHAT)))
    [text_card] = [c for c in fake.sent(ADMIN_CHAT) if c.method == "sendMessage"]
    assert "Marge" in str(text_card.params["text"]) and "/commande" in str(text_card.params["text"])
    assert keyboard_ids(text_card) == ["adm:approve:1", "adm:reject:1"]


def test_forged_and_replayed_trader_buttons(tg):
    fake, app, start_bot, clock = tg
    start_bot()
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    start = len(fake.texts(TRADER))
    fake.press(TRADER, "orders:cancel:77")
    after(fake, TRADER, start, "plus valable")
    fake.press(TRADER, "x" * 64)
    fake.wait_for(lambda: sum("plus valable" in t for t in fake.texts(TRADER)) == 2)


def test_restart_mid_conversation(tg):
    fake, app, start_bot, clock = tg
    bot = start_bot()
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    fake.press(TRADER, "menu:quote")
    fake.press(TRADER, "cat:divers")
    after(fake, TRADER, 0, "Quel volume")
    bot.stop()
    start_bot()
    start = len(fake.texts(TRADER))
    fake.text(TRADER, "2,5")
    after(fake, TRADER, start, "prix des marchandises")


def test_photos_checked_before_and_after_download(tg):
    fake, app, start_bot, clock = tg
    start_bot()
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    fake.photo(TRADER, PNG, size=6 * 1024 * 1024)  # announced too large: never downloaded
    after(fake, TRADER, 0, "5 Mo")
    assert not [c for c in fake.calls if c.method == "getFile"]
    fake.document(TRADER, b"%PDF-1.7", "application/pdf", "recu.pdf")
    after(fake, TRADER, 0, "pas une photo")


def test_server_errors_are_retried_not_lost(tg):
    fake, _app, start_bot, _clock = tg
    start_bot()
    fake.fail("sendMessage", 500, "Internal Server Error", times=2)
    fake.text(TRADER, "/start")
    after(fake, TRADER, 0, "quel est votre nom")
    assert len([c for c in fake.calls if c.method == "!sendMessage"]) == 2


def test_429_storm_during_an_announcement(tg):
    """Telegram refuses the sends above 4 a second (429, retry after 1 s): every trader still
    gets the announcement once. The traders are registered straight in the database (their
    registration through Telegram: test_trader_journey_to_an_approved_payment)."""
    fake, app, start_bot, clock = tg
    start_bot()
    traders = many_traders(app.services.uow_factory, clock, 8, first_chat=6000)
    admin_login(fake, app)
    fake.max_sends_per_second = 4
    fake.text(ADMIN_CHAT, "/annonce Départ du conteneur lundi", user_id=ADMIN_USER)
    fake.wait_for(lambda: any("À qui" in t for t in fake.texts(ADMIN_CHAT)))
    fake.press(ADMIN_CHAT, "adm:audience:all", user_id=ADMIN_USER)
    fake.wait_for(lambda: any("Envoyer à 8" in str(c.params.get("text")) for c in fake.edits()))
    fake.press(ADMIN_CHAT, "adm:announce:send", user_id=ADMIN_USER)
    fake.wait_for(lambda: any("envoi à 8" in str(c.params.get("text")) for c in fake.edits()))
    fake.wait_for(
        lambda: all(any("lundi" in t for t in fake.texts(c)) for c in traders), timeout=60
    )
    for chat in traders:
        got = [t for t in fake.texts(chat) if "Départ du conteneur lundi" in t]
        assert len(got) == 1, chat
    assert fake.rejected_429 > 0  # the storm happened, and nothing was lost


def test_split_text_keeps_everything_within_limits():
    text = "\n".join(f"ligne {n} " + "x" * 50 for n in range(300))
    pieces = split_text(text, TEXT_LIMIT)
    assert all(len(p) <= 4096 for p in pieces) and len(pieces) > 1
    assert "\n".join(pieces) == text
    assert split_text("y" * 9000, TEXT_LIMIT) == ["y" * 4096, "y" * 4096, "y" * 808]


def test_only_the_senders_own_contact_is_accepted(tg):
    fake, app, start_bot, _clock = tg
    start_bot()
    fake.text(TRADER, "/start")
    fake.text(TRADER, "Awa Camara")
    after(fake, TRADER, 0, "Partager")
    fake.contact(TRADER, "+224620777777", owner=999)  # someone else's card
    after(fake, TRADER, 0, "votre propre numéro")
    assert app.sms.sent == []
    fake.contact(TRADER, "+224620777777")
    after(fake, TRADER, 0, "envoyé par SMS")
    removal = [
        c for c in fake.sent(TRADER) if "remove_keyboard" in str(c.params.get("reply_markup"))
    ]
    assert removal  # the share-my-number keyboard goes away once a number is in


def test_timeouts_and_network_errors_are_retried(monkeypatch):
    import asyncio

    from telegram.error import NetworkError, TimedOut

    from bot.channels import telegram_delivery
    from bot.channels.telegram_delivery import with_retries

    monkeypatch.setattr(telegram_delivery, "BACKOFF_S", 0.0)  # the attempts, not the waits
    failures = [TimedOut(), NetworkError("reset")]

    async def flaky() -> str:
        if failures:
            raise failures.pop(0)
        return "sent"

    assert asyncio.run(with_retries(flaky)) == "sent"

    async def down() -> str:
        raise TimedOut()

    import pytest

    with pytest.raises(TimedOut):
        asyncio.run(with_retries(down))
