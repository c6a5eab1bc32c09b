"""`/recu C00001`: a trader gets their receipt again; someone else's order reveals nothing."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from bot.services import proofs
from tests.flows.conftest import PNG
from tests.flows.test_proof_and_account import ordered


def approve(app, proof_id: int = 1) -> None:
    proofs.approve_proof(app.services.uow_factory(), proof_id, "admin:1", app.services.clock())


def paid(chat) -> None:
    """The chat's order, its proof sent and approved by an admin."""
    ordered(chat)
    chat.photo(PNG, caption="OM-550055")
    approve(chat.app)


def pdf_text(reply) -> str:
    _name, content = reply.document
    [page] = PdfReader(io.BytesIO(content)).pages
    return page.extract_text().replace("\u00a0", " ")


@pytest.mark.parametrize(
    "asked", ["/recu C00001", "/reçu c1", "reçu C00001", "Recu #1", "/receipt 1"]
)
def test_own_receipt_is_sent_again(trader, asked):
    paid(trader)
    document, menu = trader.say(asked)
    assert document.document[0] == "recu-C00001.pdf"
    assert document.document_path.startswith("/receipts/")
    assert "C00001" in pdf_text(document) and "28 125 000 GNF" in pdf_text(document)
    assert "Reçu de paiement R00001" in document.text and menu.choices


def test_in_english_for_an_english_trader(trader):
    paid(trader)
    trader.press("menu:language")
    trader.press("lang:en")
    document, _ = trader.say("/recu C00001")
    assert "Payment receipt" in pdf_text(document) and "Payment receipt R00001" in document.text


def test_someone_elses_order_reads_like_an_unknown_one(app, trader):
    paid(trader)
    other = app.chat("u2")
    other.register(name="Aissatou Bah", phone="620 99 99 99")
    [theirs] = other.say("/recu C00001")
    [unknown] = other.say("/recu C00099")
    assert theirs.document is None and "Mamadou" not in theirs.text
    assert theirs.text == unknown.text.replace("C00099", "C00001")
    assert "Je ne trouve pas de commande C00001 à votre nom" in theirs.text


def test_an_order_not_yet_paid_has_no_receipt(trader):
    ordered(trader)
    trader.say("/recu C00001")
    assert "pas encore de paiement validé" in trader.text


def test_recu_alone_is_still_a_word_about_a_proof(trader):
    ordered(trader)
    trader.say("/recu")
    assert "/recu C00001" in trader.text  # how to ask
    trader.say("reçu")
    assert trader.state.startswith("proof")
    trader.say("voici mon reçu C00001")  # words around it: not a receipt request
    assert not any(r.document for r in trader.replies[-2:])


def test_a_reference_typed_in_the_proof_flow_is_never_a_receipt_request(trader):
    ordered(trader)
    trader.photo(PNG)  # the bot asks for the transaction reference
    trader.say("recu C00001")
    assert not trader.replies[-1].document
    assert "Référence" in trader.text or "référence" in trader.text
