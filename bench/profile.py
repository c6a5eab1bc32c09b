"""py-spy profiles under the bench's load: which libraries the CPU goes to.

`web`: one gunicorn web worker while wrk sends it signed WhatsApp webhooks (P1); `bot`: the
Telegram bot process while 2 000 updates from 200 chats arrive on the fake Bot API (P2).
`pip install py-spy` into .venv first (not a requirement), then

    PYTHONPATH=. bash scripts/with-services .venv/bin/python -m bench.profile web|bot [SECONDS]
"""

from __future__ import annotations

import collections
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from bench import load, telegram, whatsapp
from bench.services import timed_twilio
from tests.fakes.telegram_api import FakeTelegram

GROUPS = ("sqlalchemy", "psycopg2", "flask", "werkzeug", "twilio", "gunicorn", "redis",
          "webhooks", "bot", "storage", "domain", "json", "logging", "http", "socket",
          "telegram", "httpx", "httpcore", "asyncio", "anyio")  # fmt: skip


def owner(frame: str) -> str:
    """The library a collapsed-stack frame belongs to, by its file path."""
    path = "/" + frame.rsplit("(", 1)[-1]
    for group in GROUPS:
        if f"/{group}/" in path or f"/{group}.py" in path:
            return group
    return "other"


def summarise(collapsed: Path) -> list[tuple[str, float, float]]:
    """Per group: the share of samples whose innermost known frame is in it (self), and
    the share of samples with the group anywhere on the stack (inclusive)."""
    leaf: collections.Counter[str] = collections.Counter()
    anywhere: collections.Counter[str] = collections.Counter()
    total = 0
    for line in collapsed.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        owners = [owner(f) for f in stack.split(";")]
        known = [o for o in owners if o != "other"]
        leaf[known[-1] if known else "other"] += int(n)
        for group in set(owners):
            anywhere[group] += int(n)
        total += int(n)
    return [(g, 100 * n / total, 100 * anywhere[g] / total) for g, n in leaf.most_common()]


def spy(pid: int, seconds: float, out: Path) -> list[str]:
    return [*f"py-spy record -p {pid} -d {int(seconds)} -r 200 -f raw --nonblocking -o".split(),
            str(out)]  # fmt: skip


def profile_bot(seconds: float, out: Path) -> int:
    """The bot's process profiled while the P2 updates arrive (the limiter as configured)."""
    drive, seen = telegram._drive, []

    def profiled(fake: Any, group: Any, pid: int, updates: int, timeout: float) -> dict:
        seen.append(pid)
        with subprocess.Popen(spy(pid, seconds, out), stdout=subprocess.DEVNULL):
            return drive(fake, group, pid, updates, timeout)

    telegram._drive = profiled
    telegram.run_bot(Path(tempfile.mkdtemp()), telegram.procfile()["bot"], {}, 2000, 180)
    return seen[0]


def main(which: str, seconds: float) -> None:
    out = Path(tempfile.mkdtemp()) / f"{which}.txt"
    worker = profile_bot(seconds, out) if which == "bot" else profile_web(seconds, out)
    print(f"collapsed stacks: {out}")
    print(f"{which} process {worker}, {seconds:.0f} s under load: share of samples by library")
    print(f"  {'library':<12} {'self':>7} {'inclusive':>10}")
    for group, own, inclusive in summarise(out):
        print(f"  {group:<12} {own:6.1f} % {inclusive:9.1f} %")


def profile_web(seconds: float, out: Path) -> int:
    fake, fake_tg = timed_twilio(), FakeTelegram().start()
    try:
        with whatsapp.project(Path(tempfile.mkdtemp()), fake, fake_tg) as (port, _g, pids):
            worker = pids["web"][0]
            load.burst(port, load.signed(20, whatsapp.NUMBERS, "warm"))
            requests = load.signed(int(seconds * 4000), whatsapp.NUMBERS, "prof")
            runner = threading.Thread(
                target=load.wrk, args=(port, requests, seconds + 2), kwargs={"connections": 32}
            )
            runner.start()
            subprocess.run(
                spy(worker, seconds, out),
                check=True,
                capture_output=True,
            )
            runner.join()
    finally:
        fake.stop()
        fake_tg.stop()
    return worker


if __name__ == "__main__":
    main(
        sys.argv[1] if len(sys.argv) > 1 else "web", float(sys.argv[2]) if len(sys.argv) > 2 else 8
    )
