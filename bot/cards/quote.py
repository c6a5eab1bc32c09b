"""A quote's figures as the catalogue's messages show them: the trader's quote summary and
the admin's order detail fill their templates from the same values."""

from __future__ import annotations

from bot.text.keys import CATEGORY
from bot.text.values import Moment, Money, Percent, Rate, Text, Volume, Yuan
from domain.pricing import TraderQuote


def quote_values(quote: TraderQuote) -> dict[str, object]:
    """What a trader may see of a quote (no margin, no real cost), as typed values the
    renderer writes in the reader's language."""
    return {
        "category": Text(CATEGORY[quote.category]),
        "volume": Volume(quote.volume_l),
        "price": Yuan(quote.price_fen),
        "rate": Rate(quote.rate),
        "rate_date": Moment(quote.rate_set_at),
        "goods": Money(quote.goods_gnf),
        "commission_pct": Percent(quote.commission_pct),
        "commission": Money(quote.commission_gnf),
        "logistics": Money(quote.logistics_gnf),
        "total": Money(quote.total_gnf),
    }
