import pytest

from bot.flows.context import MENU_IDS
from domain.orders import OrderStatus
from domain.proofs import ProofStatus
from tests.flows.conftest import JPEG, PNG
from tests.flows.test_quote_and_order import orders_in_db, quote, used


def ordered(chat, volume="3"):
    quote(chat, volume=volume)
    chat.press("quote:order")


def proofs_in_db(app):
    with app.services.uow_factory() as uow:
        return uow.proofs.pending()


def test_proof_from_menu_with_reference_after(trader):
    ordered(trader)
    trader.press("menu:proof")
    assert "photo" in trader.text and "C00001" in trader.text
    trader.say("voilà")
    assert "J'attends une photo" in trader.text
    replies = trader.photo(PNG)
    assert "Preuve reçue pour la commande C00001" in replies[0].text
    assert "référence de la transaction" in trader.text
    trader.say("MP231125.1234.A56789")
    assert "MP2311251234A56789" in trader.text
    [proof] = proofs_in_db(trader.app)
    assert proof.content == PNG and proof.reference == "MP2311251234A56789"
    assert proof.status is ProofStatus.PENDING
    assert orders_in_db(trader.app)[0].status is OrderStatus.PROOF_SUBMITTED


def test_photo_with_caption_from_idle_goes_to_the_only_order(trader):
    ordered(trader)
    trader.photo(JPEG, caption="ref OM-420042")
    assert "Preuve reçue pour la commande C00001" in trader.text
    [proof] = proofs_in_db(trader.app)
    assert proof.reference == "REFOM420042"
    assert trader.state == "idle"


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"%PDF-1.4 ...", "pas une photo"), (b"GIF89a....", "pas une photo"), (b"", "pas une photo")],
)
def test_wrong_files_are_refused_and_change_nothing(trader, content, expected):
    ordered(trader)
    trader.press("menu:proof")
    trader.photo(content)
    assert expected in trader.text or "vide" in trader.text
    assert proofs_in_db(trader.app) == []
    assert orders_in_db(trader.app)[0].status is OrderStatus.RESERVED
    assert trader.state == "proof_photo"


def test_channel_refused_large_file(trader):
    ordered(trader)
    trader.press("menu:proof")
    trader.send(image_error="too_large")
    assert "5 Mo" in trader.text and proofs_in_db(trader.app) == []


def test_several_orders_choose_then_photo_kept(trader):
    ordered(trader, "1")
    ordered(trader, "2")
    trader.photo(PNG)  # out of the blue: which order? the photo is kept meanwhile
    assert "Pour quelle commande" in trader.text
    assert trader.choice_ids[:2] == ["proof:2", "proof:1"]
    trader.press("proof:1")
    assert "Preuve reçue pour la commande C00001" in trader.replies[-2].text
    assert [p.order_id for p in proofs_in_db(trader.app)] == [1]


def test_forged_order_choice_is_refused(trader, app):
    other = app.chat("u2")
    other.register(phone="620 99 99 99")
    ordered(other)
    ordered(trader)
    trader.press("menu:proof")
    trader.press("proof:1")  # the other trader's order, never offered to this chat
    assert "plus valable" in trader.text
    assert proofs_in_db(app) == []


def test_no_order_waiting(trader):
    trader.press("menu:proof")
    assert "Aucune commande n'attend de paiement" in trader.text


def test_second_proof_while_first_is_checked(trader):
    ordered(trader)
    trader.photo(PNG, caption="OM-111111")
    trader.press("menu:proof")
    assert "(C00001) est en cours de vérification" in trader.text


def test_my_orders_and_cancel(trader):
    ordered(trader)
    trader.press("menu:orders")
    assert "C00001 — TEXTILE, 3,0 CBM, 28 125 000 GNF — conteneur TD-2026-01" in (
        trader.replies[-2].text.replace("\u00a0", " ")
    )
    n = len(MENU_IDS)
    assert trader.choice_ids[:n] == [f"menu:{m}" for m in MENU_IDS]  # numbers keep meaning
    assert trader.choice_ids[n] == "orders:pick_cancel"
    trader.say(str(n + 1))  # 🗑 Annuler une commande; only one can be: straight to confirm
    assert "Annuler la commande C00001" in trader.text
    trader.press("orders:cancel_yes")
    assert "Commande C00001 annulée" in trader.text
    assert used(trader.app) == [("TD-2026-01", 0, "collecte")]
    trader.press("orders:cancel:1")  # the old button
    assert "plus valable" in trader.text


def test_forged_cancel_of_another_traders_order(trader, app):
    other = app.chat("u2")
    other.register(phone="620 99 99 99")
    ordered(other)
    trader.press("orders:cancel:1")
    assert "plus valable" in trader.text
    assert used(app) == [("TD-2026-01", 3000, "collecte")]


def test_container_status_shows_fill_bar(trader):
    ordered(trader, "38")
    trader.press("menu:container")
    assert "TD-2026-01 — collecte en Chine" in trader.text
    assert "▓▓▓▓▓░░░░░ 50 %" in trader.text


def test_help_language_and_hint(trader):
    trader.say("aide")
    assert "conteneur partagé" in trader.text
    trader.say("blabla")
    assert "Je n'ai pas compris" in trader.text and "menu:quote" in trader.choice_ids
    trader.press("menu:language")
    trader.press("lang:en")
    assert "I will speak English" in trader.text
    trader.press("menu:quote")
    assert "Which category" in trader.text
    with trader.app.services.uow_factory() as uow:
        assert uow.traders.get(1).language.value == "en"


def test_huge_message_changes_nothing(trader):
    trader.press("menu:quote")
    trader.say("x" * 50_000)
    assert "trop long" in trader.text and trader.state == "quote_category"


def test_unknown_button_from_old_message(trader):
    trader.press("quote:order")
    assert "plus valable" in trader.text and trader.state == "idle"


@pytest.mark.parametrize(
    ("error", "expected"), [("too_large", "5 Mo"), ("not_an_image", "pas une")]
)
def test_file_refused_by_the_channel_outside_the_proof_flow(trader, error, expected):
    trader.send(image_error=error)
    assert expected in trader.text and trader.state == "idle"


def test_cancel_pick_among_several_and_no_keeps_the_order(trader):
    ordered(trader)
    ordered(trader, "2")
    ordered(trader, "1")
    trader.press("menu:orders")
    assert len(trader.choice_ids) == len(MENU_IDS) + 1  # the same menu, one cancel entry
    trader.press("orders:pick_cancel")
    assert "Quelle commande annuler" in trader.text
    assert trader.choice_ids == ["orders:cancel:3", "orders:cancel:2", "orders:cancel:1",
                                 "flow:cancel"]  # fmt: skip
    trader.say("2")
    assert "Annuler la commande C00002" in trader.text
    trader.say("2")  # Non, la garder
    assert "la commande C00002 est gardée" in trader.text and "annulé" not in trader.text
    assert used(trader.app) == [("TD-2026-01", 6000, "collecte")]


def test_aide_in_the_middle_of_a_quote_answers_then_resumes(trader):
    trader.press("menu:quote")
    trader.press("cat:textile")
    trader.say("3")  # now the price is asked
    help_reply, again = trader.say("aide")
    assert "conteneur partagé" in help_reply.text
    assert "Reprenons" in again.text and "prix des marchandises" in again.text
    trader.say("10 000")
    assert "Total à payer : 28 125 000 GNF" in trader.text.replace("\u00a0", " ")


def test_a_photo_sent_while_a_question_is_open_is_kept_as_the_proof(trader):
    ordered(trader)  # C00001 awaits payment
    trader.press("menu:quote")
    trader.press("cat:textile")  # the volume is asked
    replies = trader.photo(JPEG, caption="OM-445566")
    texts = [r.text for r in replies]
    assert any("Preuve reçue pour la commande C00001" in t for t in texts)
    assert "Reprenons" in texts[-1] and "volume" in texts[-1]
    assert [p.reference for p in proofs_in_db(trader.app)] == ["OM445566"]
    trader.say("2")
    assert "prix des marchandises" in trader.text  # the quote went on where it was


def test_a_photo_with_nothing_to_pay_is_answered_and_the_question_stays(trader):
    trader.press("menu:quote")
    trader.press("cat:textile")
    replies = trader.photo(PNG)
    assert "Aucune commande n'attend de paiement" in replies[0].text
    assert "Reprenons" in replies[-1].text and trader.state == "quote_volume"


def test_a_digit_after_a_captionless_photo_is_not_a_reference(trader):
    ordered(trader)
    trader.photo(PNG)
    assert "référence" in trader.text.lower()
    trader.say("2")
    assert "Référence 2 ajoutée" not in trader.text
    assert proofs_in_db(trader.app)[0].reference is None
