"""The bot's live replies are paced at TELEGRAM_MAX_PER_SECOND (issue 12): the setting that
the shared bulk budget is taken from also sets PTB's overall limit."""

from __future__ import annotations

from bot.channels.telegram import live_limiter
from bot.settings import Settings


def test_the_live_limit_follows_the_setting():
    assert live_limiter(Settings(telegram_max_per_second=30))._base_limiter.max_rate == 30
    assert live_limiter(Settings(telegram_max_per_second=100))._base_limiter.max_rate == 100


def test_retries_a_flood_wait_up_to_three_times():
    assert live_limiter(Settings())._max_retries == 3
