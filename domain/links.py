"""Signed, expiring links to a picture we keep (a warehouse receipt's photo), for channels
that fetch media by URL (WhatsApp through Twilio). The path carries what, which one, until
when, and an HMAC of the three with SECRET_KEY: unguessable, unforgeable, dead after expiry,
with nothing stored."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta

LINK_LIFETIME = timedelta(days=30)


def _signature(key: bytes, kind: str, item_id: int, expires: int) -> str:
    message = f"{kind}:{item_id}:{expires}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def photo_path(key: bytes, kind: str, item_id: int, now: datetime) -> str:
    expires = int((now + LINK_LIFETIME).timestamp())
    return f"/photos/{kind}/{item_id}/{expires}/{_signature(key, kind, item_id, expires)}.jpg"


def link_valid(key: bytes, kind: str, item_id: int, expires: int, sig: str, now: datetime) -> bool:
    """The link was made with `key` for this picture, and has not expired."""
    expected = _signature(key, kind, item_id, expires)
    return hmac.compare_digest(expected, sig) and now.timestamp() < expires
