"""Phone numbers: parsed and validated with libphonenumber, stored as E.164."""

from __future__ import annotations

import phonenumbers

from domain.errors import InvalidPhone

DEFAULT_REGION = "GN"
MAX_INPUT_LENGTH = 40


def normalise_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """'+224 620 12 34 56', '00224620123456', '620-12-34-56' -> '+224620123456'."""
    if not text or len(text) > MAX_INPUT_LENGTH:
        raise InvalidPhone()
    cleaned = text.strip().replace(".", " ")
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    try:
        number = phonenumbers.parse(cleaned, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone() from exc
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhone()
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(e164: str) -> str:
    """'+224620123456' -> '+224 6•• •• •4 56' style: enough to recognise, not to copy."""
    return e164[:5] + "•" * max(len(e164) - 7, 0) + e164[-2:]
