"""Signed photo links: made with SECRET_KEY for one picture, dead after 30 days."""

from datetime import UTC, datetime, timedelta

import pytest

from domain.links import LINK_LIFETIME, link_valid, photo_path

KEY = b"k" * 32
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def parts(path: str) -> tuple[str, int, int, str]:
    _, _, kind, item, expires, sig = path.removesuffix(".jpg").split("/")
    return kind, int(item), int(expires), sig


def test_a_link_opens_its_own_picture_until_it_expires():
    kind, item, expires, sig = parts(photo_path(KEY, "warehouse", 7, NOW))
    assert (kind, item) == ("warehouse", 7)
    assert link_valid(KEY, kind, item, expires, sig, NOW + LINK_LIFETIME - timedelta(seconds=1))
    assert not link_valid(KEY, kind, item, expires, sig, NOW + LINK_LIFETIME)


@pytest.mark.parametrize(
    "change",
    [
        lambda k, i, e, s: (b"x" * 32, i, e, s),  # another key
        lambda k, i, e, s: (k, i + 1, e, s),  # another picture
        lambda k, i, e, s: (k, i, e + 86400, s),  # a later expiry
        lambda k, i, e, s: (k, i, e, s[:-1] + ("0" if s[-1] != "0" else "1")),  # forged
    ],
)
def test_a_tampered_link_opens_nothing(change):
    _, item, expires, sig = parts(photo_path(KEY, "warehouse", 7, NOW))
    key, item, expires, sig = change(KEY, item, expires, sig)
    assert not link_valid(key, "warehouse", item, expires, sig, NOW)
