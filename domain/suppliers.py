"""The supplier directory: Chinese suppliers by category, with a contact traders can use.

The directory holds what the importer knows of a supplier (name, city, category, a phone or
a WeChat id, a short note, a photo, whether we recommend them) and nothing of ours: no
price, no margin, nothing about other traders. Two suppliers with the same name in the same
city are one supplier (compared without case, accents or extra spaces).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from domain.errors import InvalidInput, InvalidPhone
from domain.phones import normalise_phone
from domain.stored import Stored

PAGE_SIZE = 5
MAX_NAME, MAX_CITY, MAX_NOTE = 80, 40, 200
SUPPLIER_REGION = "CN"  # a bare number is read as Chinese; +224… and others are kept
_WECHAT = re.compile(r"^(?:wechat|weixin|wx)\s*(?:id)?\s*[:=]?\s*(\S+)$", re.IGNORECASE)
_WECHAT_ID = re.compile(r"^[A-Za-z][-_A-Za-z0-9]{5,19}$")


class SupplierCategory(StrEnum):
    TEXTILE = "textile"
    CHAUSSURES = "chaussures"
    TELEPHONES = "telephones"
    ELECTRONIQUE = "electronique"
    ELECTROMENAGER = "electromenager"
    COSMETIQUES = "cosmetiques"
    MEUBLES = "meubles"
    QUINCAILLERIE = "quincaillerie"
    PIECES_AUTO = "pieces_auto"
    JOUETS = "jouets"
    ALIMENTATION = "alimentation"
    EMBALLAGE = "emballage"
    DIVERS = "divers"


@dataclass(frozen=True)
class Contact:
    phone: str | None = None  # E.164
    wechat: str | None = None


def parse_contact(text: str) -> Contact:
    """'+86 138 0013 8000', '13800138000', 'wechat:zhang_li88' -> a Contact;
    InvalidInput('bad_contact') for anything that is neither a phone nor a WeChat id."""
    cleaned = text.strip()
    found = _WECHAT.match(cleaned)
    if found:
        if not _WECHAT_ID.match(found.group(1)):
            raise InvalidInput("bad_contact")
        return Contact(wechat=found.group(1))
    try:
        return Contact(phone=normalise_phone(cleaned, SUPPLIER_REGION))
    except InvalidPhone:
        raise InvalidInput("bad_contact") from None


def fold(text: str) -> str:
    """'  Guangzhou  TÉXTILE ' -> 'guangzhou textile': how two names are compared."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return " ".join(plain.split())


def clean_text(text: str, longest: int, reason: str, shortest: int = 2) -> str:
    cleaned = " ".join(text.split())
    if not shortest <= len(cleaned) <= longest:
        raise InvalidInput(reason)
    return cleaned


@dataclass(eq=False)
class Supplier(Stored):
    name: str
    city: str
    category: SupplierCategory
    created_at: datetime
    phone: str | None = None
    wechat: str | None = None
    note: str = ""
    recommended: bool = False
    photo: bytes | None = None
    name_key: str = ""  # fold(name) | fold(city): unique
    id: int | None = field(default=None)

    def __post_init__(self) -> None:
        self.name = clean_text(self.name, MAX_NAME, "supplier_name")
        self.city = clean_text(self.city, MAX_CITY, "supplier_city")
        self.note = clean_text(self.note, MAX_NOTE, "supplier_note", shortest=0)
        if not (self.phone or self.wechat):
            raise InvalidInput("bad_contact")
        self.name_key = identity_key(self.name, self.city)

    def set_contact(self, contact: Contact) -> None:
        self.phone, self.wechat = contact.phone, contact.wechat

    def rename(self, name: str | None = None, city: str | None = None) -> None:
        self.name = clean_text(name, MAX_NAME, "supplier_name") if name else self.name
        self.city = clean_text(city, MAX_CITY, "supplier_city") if city else self.city
        self.name_key = identity_key(self.name, self.city)


def identity_key(name: str, city: str) -> str:
    return f"{fold(name)}|{fold(city)}"[:130]


def duplicates(keys: list[str]) -> list[str]:
    """The identity keys that appear more than once in a list (an import), in order."""
    seen: set[str] = set()
    twice: list[str] = []
    for item in keys:
        if item in seen and item not in twice:
            twice.append(item)
        seen.add(item)
    return twice


def page_bounds(total: int, page: int) -> tuple[int, int, bool]:
    """(offset, limit, has_next) of a 1-based page of PAGE_SIZE suppliers."""
    offset = max(page - 1, 0) * PAGE_SIZE
    return offset, PAGE_SIZE, offset + PAGE_SIZE < total
