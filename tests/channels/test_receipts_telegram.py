"""Receipts on Telegram: the admin's approval sends the trader a PDF with sendDocument."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.channels.conftest import ADMIN_CHAT, ADMIN_USER, register
from tests.channels.test_telegram import TRADER, admin_login, after, order_with_proof


def pdf_text(content: bytes) -> str:
    [page] = PdfReader(io.BytesIO(content)).pages
    return page.extract_text().replace("\u00a0", " ")


def test_approval_sends_the_pdf_receipt_with_send_document(tg):
    fake, app, start_bot, clock = tg
    start_bot()
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    order_with_proof(fake, TRADER)
    fake.wait_for(lambda: fake.sent(ADMIN_CHAT))
    admin_login(fake, app)
    fake.press(ADMIN_CHAT, "adm:approve:1", user_id=ADMIN_USER)
    after(fake, TRADER, 0, "Paiement validé pour la commande C00001")
    fake.wait_for(lambda: any(c.method == "sendDocument" for c in fake.sent(TRADER)))
    [sent] = [c for c in fake.sent(TRADER) if c.method == "sendDocument"]
    pdf = sent.files["document"]
    assert pdf.startswith(b"%PDF-") and "Reçu de paiement R00001" in str(sent.params["caption"])
    text = pdf_text(pdf)
    assert "C00001" in text and "Mamadou Diallo" in text and "28 125 000 GNF" in text
    assert "OM770077" in text
    assert "3 025 000" not in text  # the order's margin, shown on the admin card only


def test_recu_sends_it_again_and_a_stranger_learns_nothing(tg):
    fake, app, start_bot, clock = tg
    start_bot()
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    order_with_proof(fake, TRADER)
    fake.wait_for(lambda: fake.sent(ADMIN_CHAT))
    admin_login(fake, app)
    fake.press(ADMIN_CHAT, "adm:approve:1", user_id=ADMIN_USER)
    fake.wait_for(lambda: any(c.method == "sendDocument" for c in fake.sent(TRADER)))
    fake.text(TRADER, "/recu C00001")
    fake.wait_for(lambda: len([c for c in fake.sent(TRADER) if c.method == "sendDocument"]) == 2)
    stranger = 5002
    register(fake, app, stranger, "Aissatou Bah", "620 99 99 99", clock)
    fake.text(stranger, "/recu C00001")
    after(fake, stranger, 0, "Je ne trouve pas de commande C00001 à votre nom")
    assert not any(c.method == "sendDocument" for c in fake.sent(stranger))
