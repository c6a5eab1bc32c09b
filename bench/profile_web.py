"""py-spy profile of one web worker while wrk sends it signed WhatsApp webhooks (P1): which
libraries the acknowledgement's CPU goes to. `pip install py-spy` first (not a requirement).

    bash scripts/with-services .venv/bin/python -m bench.profile_web
"""

from __future__ import annotations

import collections
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from bench import load, whatsapp
from bench.services import timed_twilio
from tests.fakes.telegram_api import FakeTelegram

GROUPS = ("sqlalchemy", "psycopg2", "flask", "werkzeug", "twilio", "gunicorn", "redis",
          "webhooks", "bot", "storage", "domain", "json", "logging", "http", "socket")  # fmt: skip


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


def main(seconds: float = 8.0) -> None:
    fake, fake_tg = timed_twilio(), FakeTelegram().start()
    out = Path(tempfile.mkdtemp()) / "web.txt"
    try:
        with whatsapp.project(Path(tempfile.mkdtemp()), fake, fake_tg) as (port, _g, pids):
            worker = pids["web"][0]
            load.burst(port, load.signed(20, whatsapp.NUMBERS, "warm"))
            requests = load.signed(int(seconds * 4000), whatsapp.NUMBERS, "prof")
            runner = threading.Thread(
                target=load.wrk, args=(port, requests, seconds + 2), kwargs={"connections": 32}
            )
            runner.start()
            spy = f"py-spy record -p {worker} -d {int(seconds)} -r 200 -f raw --nonblocking -o"
            subprocess.run(
                [*spy.split(), str(out)],
                check=True,
                capture_output=True,
            )
            runner.join()
    finally:
        fake.stop()
        fake_tg.stop()
    print(f"collapsed stacks: {out}")
    print(f"web worker {worker}, {seconds:.0f} s under wrk: share of samples by library")
    print(f"  {'library':<12} {'self':>7} {'inclusive':>10}")
    for group, own, inclusive in summarise(out):
        print(f"  {group:<12} {own:6.1f} % {inclusive:9.1f} %")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 8.0)
