"""Issue 11: traders understood the first time, in their own words."""

from __future__ import annotations

import pytest

from bot.flows.context import MENU_IDS
from bot.text.messages import t
from tests.flows.test_quote_and_order import orders_in_db

MENU = [f"menu:{item}" for item in MENU_IDS]
NOT_UNDERSTOOD = "Je n'ai pas compris"


def test_one_message_gives_the_exact_quote_with_order_ready(trader):
    trader.say("3 cbm tissu 10000 yuan")
    text = trader.text
    assert text.startswith("Compris : 3,0 CBM · TEXTILE · 10 000 ¥")
    assert "TEXTILE, 3,0 CBM" in text and "Total à payer : 28 125 000 GNF" in text
    assert trader.choice_ids == ["quote:order", "quote:edit", "flow:cancel"]
    trader.press("quote:order")
    assert "Commande C00001 enregistrée" in trader.text
    assert orders_in_db(trader.app)[0].total_gnf == 28_125_000


@pytest.mark.parametrize("text", ["slt", "bonjour", "Bjr 🙏", "salam", "bonsoir"])
def test_greetings_get_a_friendly_answer_and_the_menu(trader, text):
    trader.say(text)
    assert NOT_UNDERSTOOD not in trader.text and trader.text.startswith("Bonjour ! 👋")
    assert trader.choice_ids == MENU and trader.state == "idle"


@pytest.mark.parametrize("text", ["merci", "ok", "d'accord", "👍"])
def test_small_talk_gets_a_friendly_answer_and_the_menu(trader, text):
    trader.say(text)
    assert trader.text == t("talk.thanks") and trader.choice_ids == MENU


@pytest.mark.parametrize("text", ["prix?", "tarif", "combien ?", "je veux un devis"])
def test_quote_words_start_the_quote(trader, text):
    trader.say(text)
    assert trader.text == t("quote.ask_category") and trader.state == "quote_category"


def test_goods_and_volume_in_words_ask_only_the_price(trader):
    trader.say("je veux envoyer 3 cbm de tissus")
    assert trader.text.startswith("Compris : 3,0 CBM · TEXTILE\n")
    assert t("quote.ask_price") in trader.text and trader.state == "quote_price"
    trader.say("10 000")
    assert "Total à payer : 28 125 000 GNF" in trader.text


def test_all_three_in_any_order_and_format(trader):
    trader.say("combien pour 2,5 m3 électronique 15 000 yuan")
    assert "ÉLECTRONIQUE, 2,5 CBM" in trader.text and "15 000 ¥ × 1 250 GNF" in trader.text
    assert trader.choice_ids[0] == "quote:order"


def test_a_price_alone_asks_the_category_then_the_volume(trader):
    trader.say("10000 yuan")
    assert trader.text.startswith("Compris : 10 000 ¥\n") and trader.state == "quote_category"
    trader.say("tissu")
    assert trader.text == t("quote.ask_volume")
    trader.say("3")
    assert "Total à payer : 28 125 000 GNF" in trader.text


def test_tissu_matches_textile_at_the_category_step(trader):
    trader.press("menu:quote")
    trader.say("tissu")
    assert trader.state == "quote_volume" and trader.text == t("quote.ask_volume")
    trader.say("3")
    trader.say("10000")
    assert "TEXTILE, 3,0 CBM" in trader.text


@pytest.mark.parametrize("word", ["pagnes", "Vêtements", "chaussures", "habits"])
def test_common_textile_words_at_the_category_step(trader, word):
    trader.press("menu:quote")
    trader.say(word)
    assert trader.state == "quote_volume"


def test_15_000_with_a_comma_is_asked_not_taken_as_15(trader):
    trader.press("menu:quote")
    trader.press("cat:textile")
    trader.say("3")
    trader.say("15,000")
    assert trader.text == "Le prix des marchandises est-il de 15 ¥ ou de 15 000 ¥ ?"
    assert trader.choice_ids == ["price:1500", "price:1500000", "flow:cancel"]
    trader.say("2")  # typed, as on WhatsApp
    assert "15 000 ¥ × 1 250 GNF" in trader.text and "Total à payer" in trader.text


def test_the_small_reading_can_be_picked_too(trader):
    trader.say("3 cbm tissu 15,000 yuan")
    assert "15 ¥ ou de 15 000 ¥" in trader.text
    trader.press("price:1500")
    assert "15 ¥ × 1 250 GNF" in trader.text


def test_3_cbm_at_the_price_step_is_refused_with_the_price_question(trader):
    trader.press("menu:quote")
    trader.press("cat:textile")
    trader.say("3")
    trader.say("3 cbm")
    assert trader.text == t("quote.volume_not_price")
    assert trader.state == "quote_price" and "Total" not in trader.text
    trader.say("10000")
    assert "Total à payer : 28 125 000 GNF" in trader.text


def test_a_price_at_the_volume_step_is_refused_with_the_volume_question(trader):
    trader.press("menu:quote")
    trader.press("cat:textile")
    trader.say("10000 yuan")
    assert trader.text == t("quote.price_not_volume") and trader.state == "quote_volume"


def test_unknown_goods_are_divers_confirmed_with_a_button(trader):
    trader.say("3 cbm de riz 10000 yuan")
    assert "« riz » : je classe ces marchandises en DIVERS" in trader.text
    assert trader.choice_ids == ["cat:divers", "cat:electronique", "cat:textile", "flow:cancel"]
    trader.press("cat:divers")
    assert "DIVERS, 3,0 CBM" in trader.text and trader.choice_ids[0] == "quote:order"


def test_unknown_goods_can_be_put_in_another_category(trader):
    trader.say("3 cbm de riz 10000 yuan")
    trader.press("cat:textile")
    assert "TEXTILE, 3,0 CBM" in trader.text


def test_a_volume_over_the_container_is_refused_and_the_rest_kept(trader):
    trader.say("100 cbm tissu 10000 yuan")
    assert "au plus 76,0 CBM" in trader.text and trader.state == "quote_volume"
    trader.say("3")
    assert "TEXTILE, 3,0 CBM" in trader.text and "Total à payer : 28 125 000 GNF" in trader.text


def test_a_tiny_price_is_confirmed(trader):
    trader.say("3 cbm tissu 5 yuan")
    assert trader.text.endswith("Le prix de toutes les marchandises est-il bien de 5 ¥ ?")
    assert trader.choice_ids == ["price:500", "price:other", "flow:cancel"]
    trader.press("price:other")
    assert trader.text == t("quote.ask_price") and trader.state == "quote_price"
    trader.say("10000")
    assert "Total à payer : 28 125 000 GNF" in trader.text


def test_a_tiny_price_confirmed_gives_the_quote(trader):
    trader.say("3 cbm tissu 5 yuan")
    trader.press("price:500")
    assert "5 ¥ × 1 250 GNF" in trader.text


def test_a_new_one_message_quote_from_the_quote_shown(trader):
    trader.say("3 cbm tissu 10000 yuan")
    trader.say("2 cbm telephone 8000 yuan")
    assert "ÉLECTRONIQUE, 2,0 CBM" in trader.text


def test_intent_words_reach_their_flow(trader):
    trader.say("j'ai payé")
    assert trader.text == t("proof.none")
    trader.say("mes colis")
    assert trader.text == t("orders.none")
    trader.say("c'est quand le départ ?")
    assert trader.text.startswith("🚢 Conteneur TD-2026-01")
    trader.say("aidez moi svp")
    assert "Demandez un devis" in trader.text
    assert NOT_UNDERSTOOD not in " ".join(r.text for r in trader.replies[-4:])


def test_truly_not_understood_gets_the_hint_and_the_menu(trader):
    trader.say("n'importe quoi")
    assert trader.text == t("hint") and trader.choice_ids == MENU


def test_english_speakers_get_the_echo_in_english(trader):
    trader.press("menu:language")
    trader.press("lang:en")
    trader.say("3 cbm fabric 10000 rmb")
    assert trader.text.startswith("Understood: 3.0 CBM · TEXTILES · 10,000 ¥")


def test_one_message_quote_on_whatsapp(app):
    chat = app.chat("whatsapp:+224620123456", channel="whatsapp", sender_phone="+224620123456")
    chat.say("bonjour")
    chat.say("Mamadou Diallo")
    chat.say("1")  # Oui, this number
    chat.say(app.sms.last_code("+224620123456"))
    assert "compte est actif" in chat.text
    chat.say("3cbm pagnes 10k rmb")
    assert "Total à payer : 28 125 000 GNF" in chat.text
    assert chat.choice_ids[0] == "quote:order"


@pytest.mark.parametrize(("answer", "expected"), [("oui", "5 ¥ × 1 250 GNF"), ("non", "Quel est")])
def test_a_tiny_price_answered_by_typing_oui_or_non(trader, answer, expected):
    trader.say("3 cbm tissu 5 yuan")
    trader.say(answer)
    assert expected in trader.text
