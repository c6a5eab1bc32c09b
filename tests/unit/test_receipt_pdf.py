"""The PDF receipt: one valid page, the trader's figures in their language, never the margin,
a QR code holding the verification URL."""

from __future__ import annotations

import io
from dataclasses import fields
from datetime import timedelta
from decimal import Decimal

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Rect

from bot.cards.receipt_pdf import qr_rects, qr_widget, receipt_reply, render_pdf
from bot.services.receipts import ReceiptView
from domain.pricing import Category, TraderQuote
from domain.receipts import VALIDITY, ReceiptKind, is_token, new_token
from tests.conftest import NOW

URL = "https://bot.example.org/r/"
VIEW = ReceiptView(
    number="R00007",
    order_number="C00042",
    trader_name="Mamadou Diallo",
    container_code="TD-2026-01",
    quote=TraderQuote(
        category=Category.TEXTILE,
        volume_l=3000,
        price_fen=1_000_000,
        rate=Decimal("1250"),
        rate_set_at=NOW - timedelta(days=2),
        commission_pct=Decimal("5"),
        goods_gnf=12_500_000,
        commission_gnf=625_000,
        logistics_gnf=15_000_000,
        total_gnf=28_125_000,
    ),
    kind=ReceiptKind.FULL,
    amount_gnf=28_125_000,
    reference="OM550055",
    paid_at=NOW,
    remaining_due_gnf=0,
    token=new_token(),
    expires_at=NOW + VALIDITY,
    language="fr",
)


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text().replace("\u00a0", " ")


def test_a_one_page_pdf_with_every_figure_in_french():
    pdf = render_pdf(VIEW, "fr", URL + VIEW.token)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    text = text_of(pdf)
    for expected in (
        "Reçu de paiement", "R00007", "C00042", "Mamadou Diallo", "TD-2026-01", "TEXTILE",
        "3,0 CBM", "10 000 ¥", "1 ¥ = 1 250 GNF (taux du 23/11/2026)", "12 500 000 GNF",
        "Commission (5,0 %)", "625 000 GNF", "15 000 000 GNF", "28 125 000 GNF",
        "totalité de la commande", "OM550055", "Reste à payer", "0 GNF", "25/11/2026",
        URL + VIEW.token, "jusqu'au 25/12/2026",
    ):  # fmt: skip
        assert expected in text, expected


def test_in_english_for_an_english_trader():
    text = text_of(render_pdf(VIEW, "en", URL + VIEW.token))
    for expected in ("Payment receipt", "Order", "Amount paid", "Remaining due", "28,125,000 GNF"):
        assert expected in text
    assert "Reçu" not in text and "Reste à payer" not in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_never_the_margin_nor_the_real_cost(lang):
    """The margin and the real cost are not even in the view the PDF is drawn from; nothing
    on the page names them (the figures of test_approval_sends_the_pdf_on_telegram, where
    the order really has a margin, are checked there too)."""
    names = {f.name for f in (*fields(ReceiptView), *fields(TraderQuote))}
    assert not {n for n in names if "margin" in n or "real" in n}
    text = text_of(render_pdf(VIEW, lang, URL + VIEW.token)).lower()
    for leak in ("4 225 000", "4,225,000", "11 400 000", "11,400,000", "marge", "margin", "réel"):
        assert leak not in text


def test_the_same_receipt_gives_the_same_bytes():
    assert render_pdf(VIEW, "fr", URL) == render_pdf(VIEW, "fr", URL)


def test_the_qr_code_holds_the_verification_url_and_is_the_widgets_own_picture():
    widget = qr_widget(URL + VIEW.token)
    assert widget.value == URL + VIEW.token
    drawn = [
        (s.x, s.y, s.width, s.height)
        for s in qr_widget(URL + VIEW.token).draw().contents
        if isinstance(s, Rect) and s.fillColor is not None
    ]
    assert sorted(qr_rects(widget)) == pytest.approx(sorted(drawn))


def test_without_a_public_url_no_qr_code():
    text = text_of(render_pdf(VIEW, "fr", None))
    assert "C00042" in text and "code QR" not in text


def test_the_message_carries_the_pdf_and_the_path_whatsapp_fetches():
    reply = receipt_reply(VIEW, "fr", "https://bot.example.org/")
    name, pdf = reply.document
    assert name == "recu-C00042.pdf" and URL + VIEW.token in text_of(pdf)
    assert reply.document_path == f"/receipts/{VIEW.token}.pdf"
    assert "R00007" in reply.text and "C00042" in reply.text


def test_tokens_are_unguessable_and_checked_by_shape():
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100 and all(is_token(t) for t in tokens)
    for bad in ("", "x" * 42, "x" * 44, "a/" * 21 + "a", "é" * 43):
        assert not is_token(bad)


def test_a_renewed_receipt_gets_a_new_token_and_30_more_days():
    from domain.receipts import Receipt

    receipt = Receipt.issue(1, "proof:1", 100, NOW)
    old = receipt.token
    later = NOW + VALIDITY + timedelta(days=3)
    assert not receipt.is_valid(later)
    receipt.renew(later)
    assert receipt.token != old and receipt.is_valid(later)
