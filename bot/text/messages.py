"""The one renderer: every sentence a person reads, in their language, values written there.

`t(key, lang, **values)` picks the language (French when unknown), writes each typed value
(bot.text.values: Money, Volume, Day...) in that language with bot.text.formatting,
and fills the catalogue's template; a field followed by a counted noun ("{count:order}")
shows the number with its noun, singular or plural (bot.text.catalogue.counts).
`render(message, lang)` is the same for a Message carried to the edge (an outbox row).
The sentences live in bot.text.catalogue: trader.py, admin.py and counts.py (counted nouns).
"""

from __future__ import annotations

import string
from collections.abc import Callable
from functools import cache
from typing import Any

from bot.text import formatting as fmt
from bot.text.catalogue.admin import ADMIN
from bot.text.catalogue.counts import COUNTS
from bot.text.catalogue.trader import TRADER
from bot.text.values import (
    Day,
    Fill,
    Lines,
    Message,
    Moment,
    Money,
    Percent,
    Rate,
    Text,
    Volume,
    Yuan,
)
from domain.errors import DeliveryFailed, OtpError, OtpInvalid, OtpLocked, OtpRateLimited

MESSAGES: dict[str, tuple[str, str]] = {**TRADER, **ADMIN}


def t(key: str, lang: str = "fr", **values: object) -> str:
    french, english = MESSAGES[key]
    template = english if lang == "en" else french
    if not values:
        return template
    shown = {name: show(value, lang) for name, value in values.items()}
    if _counts(template):
        return _Filler(lang).vformat(template, (), shown)
    return template.format(**shown)


@cache
def _counts(template: str) -> bool:
    """Whether a field of `template` names a counted noun ("{count:order}")."""
    return any(spec for _, _, spec, _ in string.Formatter().parse(template))


class _Filler(string.Formatter):
    """str.format, plus "{count:order}": the number with its noun, in `lang`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> Any:
        if format_spec in COUNTS:
            return plural(int(value), format_spec, self.lang)
        return super().format_field(value, format_spec)


def render(message: Message, lang: str = "fr") -> str:
    return t(message.key, lang, **message.values)


def plural(n: int, noun: str, lang: str = "fr") -> str:
    """'1 commande' / '3 commandes', '1 order' / '3 orders': French keeps 0 and 1 singular."""
    french, english = COUNTS[noun]
    one, many = english if lang == "en" else french
    singular = n == 1 if lang == "en" else n in (0, 1)
    return (one if singular else many).format(n=n)


_SHOWN: dict[type, Callable[[Any, str], str]] = {
    Money: lambda v, lang: fmt.gnf(v.gnf, lang),
    Volume: lambda v, lang: fmt.cbm(v.litres, lang),
    Yuan: lambda v, lang: fmt.cny(v.fen, lang),
    Rate: lambda v, lang: fmt.rate(v.gnf_per_cny, lang),
    Percent: lambda v, lang: fmt.percent(v.value, lang),
    Fill: lambda v, lang: fmt.fill_bar(v.pct, lang),
    Day: lambda v, lang: fmt.day(v.value, lang),
    Moment: lambda v, lang: fmt.when(v.value, lang),
    Text: lambda v, lang: t(v.key, lang),
    Message: lambda v, lang: render(v, lang),
    Lines: lambda v, lang: "\n".join(render(m, lang) for m in v.messages) or v.empty,
}


def show(value: object, lang: str = "fr") -> object:
    """A typed value written in `lang`; anything else (str, int) as it is."""
    shown = _SHOWN.get(type(value))
    return value if shown is None else shown(value, lang)


def code_problem(error: OtpError | DeliveryFailed, lang: str = "fr") -> str:
    """What to tell someone whose one-time code could not be sent or was not accepted
    (traders registering and admins opening a session alike)."""
    if isinstance(error, OtpRateLimited):
        if error.retry_after_s <= 60:
            return t("reg.wait", lang, seconds=error.retry_after_s)
        return t("reg.wait_long", lang, minutes=-(-error.retry_after_s // 60))
    if isinstance(error, OtpInvalid):
        return t("reg.wrong_code", lang, left=error.attempts_left)
    if isinstance(error, OtpLocked):
        return t("reg.code_locked", lang)
    if isinstance(error, DeliveryFailed):
        return t("reg.sms_failed", lang)
    return t("reg.code_expired", lang)
