"""P2: Telegram updates/s and bot CPU per update on the fake Bot API, the project's `bot`
process (Procfile) with the global limiter as configured and, when the setting exists, off;
the floor is a bare PTB echo bot. 200 registered chats each send `menu` in turn."""

from __future__ import annotations

import time
from pathlib import Path

from bench.services import fresh_stores, telegram_sends
from bench.stack import Group, base_env, cpu_s, procfile, rss_mib, wait_until
from bot.settings import Settings
from tests.fakes.telegram_api import FakeTelegram

CHATS = 200
FIRST_CHAT = 70_000
WARM = FIRST_CHAT + CHATS
LIMIT_SETTING = "telegram_max_per_second"
FLOOR = "python -m bench.floors.ptb_echo"


def limiter_setting_exists() -> bool:
    return LIMIT_SETTING in Settings.model_fields


def telegram_env(fake: FakeTelegram, **extra: object) -> dict[str, str]:
    return base_env(
        telegram_bot_token=fake.token,
        telegram_api_base_url=f"{fake.base}/bot",
        telegram_file_base_url=f"{fake.base}/file/bot",
        **extra,
    )


def _pieces(fake: FakeTelegram, group: Group) -> int:
    """Sends for one update, once they stop coming (this also proves the bot is up)."""
    fake.text(WARM, "menu")
    wait_until(lambda: telegram_sends(fake) > 0, 60, "the bot answers", group)
    seen, quiet_since = telegram_sends(fake), time.monotonic()
    while time.monotonic() - quiet_since < 1.5:
        time.sleep(0.1)
        if telegram_sends(fake) != seen:
            seen, quiet_since = telegram_sends(fake), time.monotonic()
    return seen


def _drive(fake: FakeTelegram, group: Group, pid: int, updates: int, timeout: float) -> dict:
    pieces = _pieces(fake, group)
    before, cpu_before, started = telegram_sends(fake), cpu_s(pid), time.time()
    for n in range(updates):
        fake.text(FIRST_CHAT + n % CHATS, "menu")
    wanted = before + pieces * updates
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and telegram_sends(fake) < wanted:
        time.sleep(0.1)
    cpu_used = cpu_s(pid) - cpu_before
    handled = (telegram_sends(fake) - before) / pieces
    last = max(call.at for call in list(fake.calls))
    return {"updates_s": handled / (last - started), "handled": handled, "pieces": pieces,
            "cpu_ms": cpu_used * 1000 / max(handled, 1), "rss": rss_mib(pid)}  # fmt: skip


def run_bot(workdir: Path, command: str, env_extra: dict, updates: int, timeout: float) -> dict:
    fake = FakeTelegram().start()
    chats = [("telegram", str(FIRST_CHAT + n)) for n in range(CHATS + 1)]
    group = Group(workdir)
    try:
        with fresh_stores(chats) as stores:
            env = telegram_env(
                fake, database_url=stores.db_url, redis_url=stores.redis_url, **env_extra
            )
            proc = group.start("bot", command, env)
            return _drive(fake, group, proc.pid, updates, timeout)
    finally:
        group.stop()
        fake.stop()


def p2(
    workdir: Path, updates: int, timeout: float, limited: bool, off_rate: str, floor_first: bool
) -> dict:
    project = procfile()["bot"]
    runs = {"floor": (FLOOR, {})}
    if limiter_setting_exists():
        runs["project_off"] = (project, {LIMIT_SETTING: off_rate})
    if limited or not limiter_setting_exists():
        runs["project"] = (project, {})
    order = list(runs) if floor_first else list(reversed(runs))
    return {name: run_bot(workdir, *runs[name], updates, timeout) for name in order}
