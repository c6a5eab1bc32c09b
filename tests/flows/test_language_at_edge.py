"""What a channel says itself (busy, a numbered list's hint, a push) is in the trader's
language: the language travels with each reply (issue 13)."""

from __future__ import annotations

from bot.delivery.dispatch import render
from bot.text.messages import t
from tests.flows.conftest import BusyConversations
from webhooks.whatsapp_interactive import shape_for, variables
from webhooks.whatsapp_sender import render as whatsapp_text


def speak_english(chat) -> None:
    chat.press("menu:language")
    chat.press("lang:en")
    assert chat.replies[-1].text.startswith(t("language.set", "en")), chat.text


def test_every_reply_carries_the_traders_language(app, trader):
    assert trader.say("menu")[-1].lang == "fr"
    speak_english(trader)
    assert all(reply.lang == "en" for reply in trader.say("menu"))


def test_busy_is_said_in_the_traders_language(app, trader):
    speak_english(trader)
    app.engine.conversations = BusyConversations(app.engine.conversations)
    (busy,) = trader.say("menu")
    assert busy.text == t("busy", "en")
    assert busy.lang == "en"


def test_busy_is_said_in_the_traders_language_when_the_chat_state_was_lost(app, trader):
    speak_english(trader)
    app.services.conversations.save("console", trader.user_ref, {})
    app.engine.conversations = BusyConversations(app.engine.conversations)
    assert trader.say("menu")[0].text == t("busy", "en")


def test_busy_for_someone_unknown_is_french(app):
    app.engine.conversations = BusyConversations(app.engine.conversations)
    assert app.chat("stranger").say("bonjour")[0].text == t("busy", "fr")


def test_the_whatsapp_numbered_list_hint_is_in_the_traders_language(app, trader):
    speak_english(trader)
    menu = trader.say("menu")[-1]
    assert menu.choices
    text = whatsapp_text(menu)
    assert text.endswith(t("wa.answer_with_number", "en"))
    assert t("wa.answer_with_number", "fr") not in text


def test_a_push_carries_its_recipients_language(app):
    row = {
        "template": "notify.expired",
        "lang": "en",
        "payload": {"number": "TD-2026-00001", "volume": {"cbm": 2500}},
    }
    reply = render(row, app.services.uow_factory)
    assert reply is not None and reply.lang == "en"
    assert reply.text == t("notify.expired", "en", number="TD-2026-00001", volume="2.5\u00a0CBM")


def test_the_whatsapp_list_button_is_in_the_traders_language(app, trader):
    speak_english(trader)
    menu = trader.say("menu")[-1]
    shape = shape_for(menu)
    assert shape is not None and shape.kind == "list-picker"
    assert variables(shape, menu)["2"] == t("wa.list_button", "en")
