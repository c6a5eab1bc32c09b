"""What a trader said, in their own words: volume, goods, price and intent.

Pure rules, no I/O. `understand("3cbm pagnes 10k rmb")` gives 3 CBM, TEXTILE, 10 000 ¥.
Nothing is guessed silently: `15,000 yuan` keeps both readings (15 and 15 000); goods that
are neither textile nor electronics come back as DIVERS with `category_guessed`; numbers
that cannot be placed stay in `unplaced`. Numbers written in words (`trois cbm`) are not
read: the unit still says the trader wants a quote, and the flow asks for the volume.

Units decide first (`3 cbm`, `¥8000`). Without one, a number up to the container's capacity
looks like a volume, a larger one (or `15.000`, `10k`) like a price; else it is unplaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Literal

from bot.text.parsing import parse_amount
from bot.text.vocabulary import (
    CATEGORY_WORDS,
    COUNT_WORDS,
    INTENT_WORDS,
    OTHER_GOODS,
    STOP_WORDS,
    Intent,
    key,
    keys,
    near,
    normalise,
)
from domain.errors import InvalidInput
from domain.pricing import Category

SMALL_PRICE_CNY = Decimal(10)  # below this, a price for a whole shipment is confirmed first
MAX_BARE_DIGITS = 8  # a longer number with no unit is a phone or a reference, not a quote
Slot = Literal["volume", "price"]

_GROUPED = r"\d{1,3}(?:[ \u00a0\u202f\u2009']\d{3}(?!\d))+(?:[.,]\d+)?"
_NUMBER = rf"-?(?:{_GROUPED}|\d+(?:[.,]\d+)*)"
_TOKEN = re.compile(
    rf"(?P<num>(?<![a-z0-9_\-/.,]){_NUMBER})(?P<k>\s?k(?![a-z])|\s+mille?(?![a-z]))?"
    r"|(?<![a-z])(?P<volume>cbms?|cmb|m\^?3|metres?\s*cubes?|metres?3|cubes?)(?![a-z])"
    r"|(?<![a-z])(?P<price>yuans?|rmb|cny|renminbi|¥|元)(?![a-z])"
    r"|(?P<word>[a-z]+)"
)
_AMBIGUOUS_COMMA = re.compile(r"-?\d{1,3},\d{3}")  # 15,000: fifteen, or fifteen thousand?
_THOUSANDS_LOOK = re.compile(r"-?\d{1,3}(?:[., \u00a0\u202f\u2009']\d{3})+")


_CATEGORY = {cat: keys(words) for cat, words in CATEGORY_WORDS.items()}
_OTHER_GOODS = keys(OTHER_GOODS)
_INTENT = {intent: keys(words) for intent, words in INTENT_WORDS.items()}
_STOP = keys(STOP_WORDS)
_COUNT = keys(COUNT_WORDS)
_KNOWN = frozenset().union(*_CATEGORY.values(), *_INTENT.values(), _OTHER_GOODS)


@dataclass(frozen=True)
class Understood:
    intent: Intent | None = None
    category: Category | None = None
    category_word: str = ""  # the word that named it, as typed (folded): "tissus", "riz"
    category_guessed: bool = False  # DIVERS from goods we do not classify: to be confirmed
    volume: Decimal | None = None  # CBM
    price: Decimal | None = None  # yuan
    ambiguous_price: tuple[Decimal, Decimal] | None = None  # 15,000 -> (15, 15000)
    unplaced: tuple[Decimal, ...] = ()  # numbers read but not given to a slot
    volume_too_large: bool = False  # more than a container holds
    price_too_small: bool = False  # below SMALL_PRICE_CNY

    @property
    def names_goods(self) -> bool:
        """A volume, a category or a price was named: enough to start a quote."""
        price = self.price is not None or self.ambiguous_price is not None
        return self.category is not None or self.volume is not None or price


@dataclass
class _Token:
    kind: str  # num, volume, price, word
    text: str
    k: str = ""  # "k" or "mille": thousands
    unit: str = ""  # for numbers: volume, price, count, or "" (bare)
    key: str = field(init=False)

    def __post_init__(self) -> None:
        self.key = key(self.text) if self.kind == "word" else ""


def _tokens(text: str) -> list[_Token]:
    found = []
    for m in _TOKEN.finditer(normalise(text)):
        kind = next(name for name in ("num", "volume", "price", "word") if m.group(name))
        found.append(_Token(kind, m.group(kind), k=(m.group("k") or "").strip()))
    return found


def _attach_units(tokens: list[_Token]) -> None:
    """A unit right after a number is its own (`3 cbm`), else right before (`¥ 8000`)."""
    used: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.kind != "num":
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        prv = tokens[i - 1] if i > 0 else None
        unit_at = i + 1 if nxt and nxt.kind in ("volume", "price") else None
        if unit_at is None and prv and prv.kind in ("volume", "price") and i - 1 not in used:
            unit_at = i - 1
        if unit_at is not None:
            tok.unit = tokens[unit_at].kind
            used.add(unit_at)
        elif nxt and nxt.kind == "word" and nxt.key in _COUNT:
            tok.unit = "count"


def _volume_of(tok: _Token) -> Decimal | None:
    try:
        return parse_amount(tok.text) * (1000 if tok.k else 1)
    except InvalidInput:
        return None


def _prices_of(tok: _Token) -> tuple[Decimal, ...]:
    """One reading, two when the comma may be decimal or thousands (`15,000`), or none."""
    if not tok.k and _AMBIGUOUS_COMMA.fullmatch(tok.text):
        return (Decimal(tok.text.replace(",", ".")), Decimal(tok.text.replace(",", "")))
    try:
        return (parse_amount(tok.text, thousands_dot=True) * (1000 if tok.k else 1),)
    except InvalidInput:
        return ()


def _looks_like_price(tok: _Token, capacity: Decimal) -> bool:
    if tok.k or _THOUSANDS_LOOK.fullmatch(tok.text):
        return True
    volume = _volume_of(tok)
    return volume is not None and volume > capacity


@dataclass
class _Slots:
    volume: Decimal | None = None
    prices: tuple[Decimal, ...] = ()
    unplaced: list[Decimal] = field(default_factory=list)

    def take_volume(self, tok: _Token) -> None:
        value = _volume_of(tok)
        if self.volume is None and value is not None:
            self.volume = value

    def take_price(self, tok: _Token) -> None:
        if not self.prices:
            self.prices = _prices_of(tok)

    def leave(self, tok: _Token) -> None:
        value = _volume_of(tok)
        if value is not None:
            self.unplaced.append(value)


def _place_bare(slots: _Slots, bare: list[_Token], capacity: Decimal) -> None:
    """Numbers with no unit: small as a volume, large as a price, when that is clear."""
    pricey = [tok for tok in bare if _looks_like_price(tok, capacity)]
    small = [tok for tok in bare if tok not in pricey]
    for tok in bare:
        if len(bare) <= 2 and tok in pricey and len(pricey) == 1 and not slots.prices:
            slots.take_price(tok)
        elif len(bare) <= 2 and tok in small and len(small) == 1 and slots.volume is None:
            slots.take_volume(tok)
        else:
            slots.leave(tok)


def _read_numbers(
    tokens: list[_Token], capacity: Decimal, expecting: Slot | None, bare_ok: bool
) -> _Slots:
    slots = _Slots()
    numbers = [tok for tok in tokens if tok.kind == "num"]
    for tok in numbers:
        if tok.unit == "volume":
            slots.take_volume(tok)
        elif tok.unit == "price":
            slots.take_price(tok)
    bare = [tok for tok in numbers if not tok.unit]
    open_ = expecting == "volume" and slots.volume is None
    open_ = open_ or (expecting == "price" and not slots.prices)
    if open_ and len(bare) == 1:
        (slots.take_volume if expecting == "volume" else slots.take_price)(bare[0])
    elif bare_ok and not expecting:
        short = [tok for tok in bare if sum(ch.isdigit() for ch in tok.text) <= MAX_BARE_DIGITS]
        _place_bare(slots, short, capacity)
    else:
        for tok in bare:
            slots.leave(tok)
    return slots


def _matches(key: str, words: frozenset[str]) -> bool:
    return key in words or (key not in _KNOWN and any(near(key, w) for w in words))


def _words(tokens: list[_Token]) -> list[_Token]:
    return [tok for tok in tokens if tok.kind == "word"]


def _intent(tokens: list[_Token]) -> Intent | None:
    keys = [tok.key for tok in _words(tokens)]
    for intent, words in _INTENT.items():
        if any(_matches(key, words) for key in keys):
            return intent
    return None


def _named_category(tokens: list[_Token]) -> tuple[Category | None, str, bool]:
    """(category, word, guessed) from words we know; two categories named: none."""
    named = [(cat, tok.text) for tok in _words(tokens) for cat, words in _CATEGORY.items()
             if _matches(tok.key, words)]  # fmt: skip
    if len({cat for cat, _ in named}) == 1:
        return named[0][0], named[0][1], False
    other = [tok.text for tok in _words(tokens) if _matches(tok.key, _OTHER_GOODS)]
    if not named and other:
        return Category.DIVERS, other[0], True
    return None, "", False


def _unknown_goods(tokens: list[_Token]) -> str:
    """The word naming goods we do not know (`3 cbm de riz`): after the first number,
    else the last one before it; '' when every word is a known or common one."""
    first_number = next((i for i, tok in enumerate(tokens) if tok.kind == "num"), len(tokens))
    before: list[str] = []
    after: list[str] = []
    for i, tok in enumerate(tokens):
        counted = i > 0 and tokens[i - 1].kind == "num" and tok.key in _COUNT
        if tok.kind != "word" or counted or len(tok.key) < 3 or tok.key in _STOP:
            continue
        if tok.key in _KNOWN or any(near(tok.key, w) for w in _KNOWN):
            continue
        (after if i > first_number else before).append(tok.text)
    return (after or before[-1:] or [""])[0]


def understand(
    text: str, *, capacity_cbm: Decimal = Decimal(76), expecting: Slot | None = None
) -> Understood:
    """What `text` says. `expecting` names the question being answered: a lone number
    without a unit is then that slot's answer."""
    tokens = _tokens(text)
    _attach_units(tokens)
    intent = _intent(tokens)
    category, word, guessed = _named_category(tokens)
    with_unit = any(tok.unit in ("volume", "price") for tok in tokens)
    bare_ok = category is not None or with_unit or intent in (None, *_CHATTY, Intent.QUOTE)
    slots = _read_numbers(tokens, capacity_cbm, expecting, bare_ok)
    if category is None and (slots.volume is not None or slots.prices):
        word = _unknown_goods(tokens)
        category, guessed = (Category.DIVERS, True) if word else (None, False)
    price = slots.prices[0] if len(slots.prices) == 1 else None
    heard = Understood(
        intent=intent,
        category=category,
        category_word=word,
        category_guessed=guessed,
        volume=slots.volume,
        price=price,
        ambiguous_price=slots.prices if len(slots.prices) == 2 else None,
        unplaced=tuple(slots.unplaced),
        volume_too_large=slots.volume is not None and slots.volume > capacity_cbm,
        price_too_small=price is not None and 0 < price < SMALL_PRICE_CNY,
    )
    return replace(heard, intent=_final_intent(heard, tokens, text))


_CHATTY = (Intent.GREETING, Intent.THANKS)


def _final_intent(heard: Understood, tokens: list[_Token], text: str) -> Intent | None:
    """Goods or a unit named: a quote (unless the words ask for something else); only
    emoji or punctuation: small talk."""
    units = any(tok.kind in ("volume", "price") for tok in tokens)
    if heard.intent in (None, *_CHATTY) and (heard.names_goods or units):
        return Intent.QUOTE
    if heard.intent is None and text.strip() and not tokens:
        return Intent.THANKS
    return heard.intent
