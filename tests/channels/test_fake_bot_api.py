"""The fake Bot API reads getUpdates offsets as Telegram does: the fault suite relies on it
to see what a restarted bot is served again."""

from __future__ import annotations

import json
import urllib.request

from tests.fakes.telegram_api import FakeTelegram


def get_updates(fake: FakeTelegram, **params: int) -> list[int]:
    request = urllib.request.Request(
        f"{fake.base}/bot{fake.token}/getUpdates",
        data=json.dumps(params).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return [u["update_id"] for u in json.loads(response.read())["result"]]


def test_updates_are_served_until_a_higher_offset_confirms_them(fake_tg):
    for n in range(3):
        fake_tg.text(5001, f"m{n}")
    first, second, third = get_updates(fake_tg)
    assert get_updates(fake_tg) == [first, second, third]  # not confirmed: served again
    assert get_updates(fake_tg, offset=second) == [second, third]  # confirms the first
    assert get_updates(fake_tg) == [second, third]
    assert get_updates(fake_tg, offset=second, limit=1) == [second]
    assert get_updates(fake_tg, offset=-1) == [third]  # forgets all but the last
    assert get_updates(fake_tg, offset=third + 1) == []
