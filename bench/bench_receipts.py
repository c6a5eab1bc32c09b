"""PDF receipt rendering: milliseconds a page, in French and English, and the PDF's size.

Usage: python bench/bench_receipts.py [PAGES] (default 200). Pure CPU: no database.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.cards.receipt_pdf import fonts, render_pdf
from bot.services.receipts import ReceiptView
from domain.pricing import Category, TraderQuote
from domain.receipts import VALIDITY, ReceiptKind, new_token

NOW = datetime(2026, 11, 25, 10, tzinfo=UTC)


def view(n: int) -> ReceiptView:
    return ReceiptView(
        f"R{n:05d}", f"C{n:05d}", "Mamadou Diallo", "TD-2026-01",
        TraderQuote(Category.TEXTILE, 3000, 1_000_000, Decimal("1250"), NOW - timedelta(days=1),
                    Decimal("5"), 12_500_000, 625_000, 15_000_000, 28_125_000),
        ReceiptKind.FULL, 28_125_000, "OM550055", NOW, 0, new_token(), NOW + VALIDITY, "fr",
    )  # fmt: skip


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    started = time.perf_counter()
    print(f"fonts: {fonts()} registered in {(time.perf_counter() - started) * 1000:.1f} ms")
    for lang in ("fr", "en"):
        render_pdf(view(0), lang, "https://bot.example.org/r/x")  # warm up
        timings, size = [], 0
        for n in range(1, pages + 1):
            receipt = view(n)
            start = time.perf_counter()
            pdf = render_pdf(receipt, lang, f"https://bot.example.org/r/{receipt.token}")
            timings.append((time.perf_counter() - start) * 1000)
            size = len(pdf)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(
            f"{lang}: {pages} pages, mean {statistics.fmean(timings):.1f} ms, "
            f"p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, {size / 1024:.0f} KB"
        )


if __name__ == "__main__":
    main()
