"""Phone numbers: parsed and validated with libphonenumber, stored as E.164."""

from __future__ import annotations

import re

import phonenumbers

from domain.errors import InvalidPhone

DEFAULT_REGION = "GN"
MAX_INPUT_LENGTH = 40


def normalise_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """'+224 620 12 34 56', '00224620123456', '620-12-34-56', '0620123456' -> '+224620123456'."""
    if not text or len(text) > MAX_INPUT_LENGTH:
        raise InvalidPhone()
    cleaned = text.strip().replace(".", " ")
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    number = _parse(cleaned, region)
    if number is None:  # '0620 12 34 56': a trunk 0 Guinea does not use, but people type
        number = _parse(_LEADING_ZERO.sub(r"\1", cleaned, count=1), region)
    if number is None:
        raise InvalidPhone()
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_LEADING_ZERO = re.compile(r"^(\+\d{1,3}[\s-]*)?0[\s-]*(?=\d)")


def _parse(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def mask_phone(e164: str) -> str:
    """'+224620123456' -> '+224 6•• •• •4 56' style: enough to recognise, not to copy."""
    return e164[:5] + "•" * max(len(e164) - 7, 0) + e164[-2:]
