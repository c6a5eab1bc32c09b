"""The one-page PDF of a payment receipt, in the trader's language (reportlab).

Deterministic: the same receipt gives the same bytes (reportlab's `invariant`), so it is
rendered when sent or fetched, never stored. Fonts: DejaVu Sans from the system (every
character of French, the ¥ sign), Helvetica when it is missing. The QR code is reportlab's
own widget and holds the verification URL.
"""

from __future__ import annotations

import io
import itertools
import logging
import threading
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from bot.engine.events import Reply
from bot.services.receipts import ReceiptView
from bot.text import formatting as fmt
from bot.text.keys import CATEGORY, RECEIPT_KIND
from bot.text.messages import t
from bot.text.values import Percent, Rate

log = logging.getLogger(__name__)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"DejaVuSans": "DejaVuSans.ttf", "DejaVuSans-Bold": "DejaVuSans-Bold.ttf"}
FALLBACK = ("Helvetica", "Helvetica-Bold")
QR_SIZE = 38 * mm
MARGIN = 20 * mm
LINE = 7.5 * mm
_fonts: tuple[str, str] | None = None
_fonts_lock = threading.Lock()


def fonts() -> tuple[str, str]:
    """(regular, bold) font names, registered with reportlab once per process."""
    global _fonts
    with _fonts_lock:
        if _fonts is None:
            _fonts = _register()
        return _fonts


def _register() -> tuple[str, str]:
    try:
        for name, file in FONTS.items():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    except Exception as error:  # a machine without DejaVu: the standard fonts still print
        log.warning("DejaVu fonts unavailable (%s): receipts use Helvetica", error)
        return FALLBACK
    return ("DejaVuSans", "DejaVuSans-Bold")


def qr_widget(url: str, size: float = QR_SIZE) -> QrCodeWidget:
    """The QR code of `url`, `size` points square."""
    return QrCodeWidget(url, barWidth=size, barHeight=size, barBorder=2)


def qr_rects(widget: QrCodeWidget) -> list[tuple[float, float, float, float]]:
    """The widget's dark modules as rectangles (x, y, width, height) from its lower left
    corner, one per run of dark modules in a row: the rectangles the widget itself draws."""
    qr = widget.qr  # type: ignore[attr-defined]  # made by QrCodeWidget(); types-reportlab omits it
    qr.make()
    border, count = widget.barBorder, qr.getModuleCount()
    box = widget.barWidth / (count + 2 * border)
    rects = []
    for r, row in enumerate(qr.modules):
        c = 0
        for dark, run in itertools.groupby(bool(m) for m in row):
            n = len(list(run))
            if dark:
                rects.append(((c + border) * box, widget.barHeight - (r + border + 1) * box,
                              n * box, box))  # fmt: skip
            c += n
    return rects


def draw_qr(pdf: Canvas, widget: QrCodeWidget, x: float, y: float) -> None:
    """The QR code as one filled path, without a shape object per module (3 times faster
    than rendering the widget's drawing)."""
    path = pdf.beginPath()
    for left, bottom, width, height in qr_rects(widget):
        path.rect(x + left, y + bottom, width, height)
    pdf.drawPath(path, stroke=0, fill=1)


def lines(view: ReceiptView, lang: str) -> list[tuple[str, str]]:
    """The receipt's (label, value) lines: what a trader may see, and nothing else."""
    quote = view.quote

    def money(amount: int) -> str:
        return fmt.gnf(amount, lang)

    rate = t("receipt.rate_value", lang, rate=Rate(quote.rate),
             date=fmt.when(quote.rate_set_at, lang)[:10])  # fmt: skip
    no_reference = t("receipt.no_reference", lang)
    return [
        (t("receipt.number", lang), view.number),
        (t("receipt.date", lang), fmt.when(view.paid_at, lang)),
        (t("receipt.order", lang), view.order_number),
        (t("receipt.trader", lang), view.trader_name),
        (t("receipt.container", lang), view.container_code),
        (t("receipt.category", lang), t(CATEGORY[quote.category], lang)),
        (t("receipt.volume", lang), fmt.cbm(quote.volume_l, lang)),
        (t("receipt.goods_cny", lang), fmt.cny(quote.price_fen, lang)),
        (t("receipt.rate", lang), rate),
        (t("receipt.goods_gnf", lang), money(quote.goods_gnf)),
        (t("receipt.commission", lang, pct=Percent(quote.commission_pct)),
         money(quote.commission_gnf)),
        (t("receipt.logistics", lang), money(quote.logistics_gnf)),
        (t("receipt.total", lang), money(quote.total_gnf)),
        (t("receipt.kind", lang), t(RECEIPT_KIND[view.kind], lang)),
        (t("receipt.paid", lang), money(view.amount_gnf)),
        (t("receipt.reference", lang), view.reference or no_reference),
        (t("receipt.remaining", lang), money(view.remaining_due_gnf)),
    ]  # fmt: skip


def render_pdf(
    view: ReceiptView, lang: str, verify_url: str | None, *, compress: bool = True
) -> bytes:
    """The PDF bytes. Without a verification URL (no PUBLIC_BASE_URL), no QR code."""
    regular, bold = fonts()
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=int(compress))
    pdf.setTitle(f"{t('receipt.title', lang)} {view.number} — {view.order_number}")
    width, height = A4
    y = height - MARGIN
    pdf.setFont(bold, 20)
    pdf.drawString(MARGIN, y, t("receipt.title", lang))
    pdf.setFont(regular, 10)
    pdf.drawString(MARGIN, y - 7 * mm, t("receipt.issuer", lang))
    y -= 20 * mm
    for label, value in lines(view, lang):
        emphasis = label in (t("receipt.paid", lang), t("receipt.remaining", lang))
        pdf.setFont(regular, 11)
        pdf.drawString(MARGIN, y, label)
        pdf.setFont(bold if emphasis else regular, 11)
        pdf.drawRightString(width - MARGIN, y, value)
        y -= LINE
    if verify_url:
        _verification(pdf, view, lang, verify_url, (regular, y - 6 * mm))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _verification(
    pdf: Canvas, view: ReceiptView, lang: str, url: str, where: tuple[str, float]
) -> None:
    font, y = where
    until = fmt.when(view.expires_at, lang)[:10]
    pdf.setFont(font, 9)
    pdf.drawString(MARGIN, y, t("receipt.verify", lang, until=until))
    pdf.drawString(MARGIN, y - 5 * mm, url)
    draw_qr(pdf, qr_widget(url), MARGIN, y - 10 * mm - QR_SIZE)


def receipt_reply(view: ReceiptView, lang: str, public_base_url: str | None) -> Reply:
    """The receipt as a message: the PDF, a caption, and the path WhatsApp fetches it at."""
    base = (public_base_url or "").rstrip("/")
    pdf = render_pdf(view, lang, f"{base}{view.verify_path}" if base else None)
    until = fmt.when(view.expires_at, lang)[:10]
    caption = t("receipt.caption", lang, receipt=view.number, number=view.order_number,
                until=until)  # fmt: skip
    return Reply(caption, document=(view.pdf_name, pdf), document_path=view.pdf_path)
