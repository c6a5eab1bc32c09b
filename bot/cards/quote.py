"""A quote's figures as the catalogue's messages show them: the trader's quote summary and
the admin's order detail fill their templates from the same values."""

from __future__ import annotations

from bot.text import formatting as fmt
from bot.text.messages import t
from domain.pricing import TraderQuote


def quote_values(quote: TraderQuote, lang: str) -> dict[str, str]:
    """What a trader may see of a quote (no margin, no real cost), formatted for `lang`."""
    return {
        "category": t(f"category.{quote.category.value}", lang),
        "volume": fmt.cbm(quote.volume_l, lang),
        "price": fmt.cny(quote.price_fen, lang),
        "rate": fmt.rate(quote.rate, lang),
        "rate_date": fmt.when(quote.rate_set_at, lang),
        "goods": fmt.gnf(quote.goods_gnf, lang),
        "commission_pct": fmt.percent(quote.commission_pct, lang),
        "commission": fmt.gnf(quote.commission_gnf, lang),
        "logistics": fmt.gnf(quote.logistics_gnf, lang),
        "total": fmt.gnf(quote.total_gnf, lang),
    }
