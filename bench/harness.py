"""`bash bench/run`: the project next to bare framework floors, interleaved rounds, medians.

Runs inside scripts/with-services (TEST_DATABASE_URL, TEST_REDIS_URL). Settings from the
environment: BENCH_ROUNDS (3), BENCH_SECONDS (10: each wrk run), BENCH_BURST (1000 WhatsApp
messages), BENCH_UPDATES (2000 Telegram updates), BENCH_TG_LIMITED_ROUNDS (1: rounds that
also run the bot with its global limiter on, when the limiter can be turned off),
BENCH_QUICK=1 (1 round, short runs: to try the harness).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bench import counts, report, telegram, whatsapp
from bench.services import fresh_stores, timed_twilio
from bench.stack import ROOT, Group, procfile, rss_mib, wait_until
from tests.fakes.telegram_api import FakeTelegram

QUICK = os.environ.get("BENCH_QUICK") == "1"


def setting(name: str, normal: str, quick: str) -> str:
    return os.environ.get(name, quick if QUICK else normal)


CONFIG = {
    "quick": QUICK,
    "rounds": int(setting("BENCH_ROUNDS", "3", "1")),
    "seconds": float(setting("BENCH_SECONDS", "10", "3")),
    "burst": int(setting("BENCH_BURST", "1000", "200")),
    "updates": int(setting("BENCH_UPDATES", "2000", "300")),
    "tg_limited_rounds": int(setting("BENCH_TG_LIMITED_ROUNDS", "1", "1")),
    "tg_off_rate": setting("BENCH_TG_OFF_RATE", "100000", "100000"),
    "drain_timeout_s": float(setting("BENCH_DRAIN_TIMEOUT", "180", "60")),
    "engine_conversations": setting("BENCH_CONVERSATIONS", "200", "40"),
    "reservation_orders": setting("BENCH_ORDERS", "800", "200"),
    "announce_window_s": setting("BENCH_ANNOUNCE_WINDOW", "10", "3"),
    "sustain_rate": float(setting("BENCH_SUSTAIN_RATE", "150", "150")),
    "sustain_s": float(setting("BENCH_SUSTAIN_SECONDS", "30", "5")),
    "sustain_grace_s": float(setting("BENCH_SUSTAIN_GRACE", "30", "10")),
}
last_floor: list[float] = []  # P1's floor rates so far (the project is paced at half)


def script(name: str, **env: str) -> dict:
    """One of bench/bench_*.py on the services' PostgreSQL + Redis: its BENCH_JSON line."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / name)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=900,
    )
    lines = [x for x in done.stdout.splitlines() if x.startswith("BENCH_JSON ")]
    if not lines:
        raise RuntimeError(f"{name} failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(lines[-1].removeprefix("BENCH_JSON "))


def clock_rss(workdir: Path) -> float:
    """The Procfile's clock, started with the production settings, after it settled."""
    fake, fake_tg = timed_twilio(), FakeTelegram().start()
    group = Group(workdir)
    try:
        with fresh_stores([]) as stores:
            env = whatsapp.whatsapp_env(
                fake, database_url=stores.db_url, redis_url=stores.redis_url,
                telegram_bot_token=fake_tg.token, telegram_api_base_url=f"{fake_tg.base}/bot",
                telegram_file_base_url=f"{fake_tg.base}/file/bot",
            )  # fmt: skip
            proc = group.start("clock", procfile()["clock"], env)
            time.sleep(8)
            wait_until(lambda: proc.popen.poll() is None, 1, "the clock runs", group)
            return rss_mib(proc.pid)
    finally:
        group.stop()
        fake.stop()
        fake_tg.stop()


def one_round(n: int, workdir: Path) -> dict:
    c, floor_first = CONFIG, n % 2 == 0
    tag = f"r{n}{int(time.time()) % 100000}"
    out = {}
    step(f"round {n + 1}: P1 acknowledgements")
    previous = last_floor[-1] if last_floor else None
    out["p1"] = guarded(
        "P1", lambda: whatsapp.p1(workdir, c["seconds"], f"{tag}a", floor_first, previous)
    )
    if "floor" in out["p1"]:
        last_floor.append(out["p1"]["floor"]["acks_s"])
    step(f"round {n + 1}: P1e answered, burst of {c['burst']}")
    out["p1e"] = guarded(
        "P1e",
        lambda: whatsapp.p1e(workdir, c["burst"], f"{tag}e", c["drain_timeout_s"], floor_first),
    )
    if n == 0:
        step(f"P1e sustained {c['sustain_rate']:.0f}/s for {c['sustain_s']:.0f} s")
        out["sustain"] = guarded("P1e sustained", lambda: whatsapp.sustained(
            workdir, c["sustain_rate"], c["sustain_s"], f"{tag}s", c["sustain_grace_s"]
        ))  # fmt: skip
    step(f"round {n + 1}: P2 Telegram, {c['updates']} updates")
    limited = n < c["tg_limited_rounds"]
    out["p2"] = guarded("P2", lambda: telegram.p2(
        workdir, c["updates"], c["drain_timeout_s"], limited, c["tg_off_rate"], floor_first
    ))  # fmt: skip
    step(f"round {n + 1}: P4 engine, P5 reservations")
    out["p4"] = guarded("P4", lambda: script(
        "bench_engine.py", BENCH_CONVERSATIONS=c["engine_conversations"]
    ))  # fmt: skip
    out["p5"] = guarded("P5", lambda: script(
        "bench_reservations.py", BENCH_PROCESSES="4", BENCH_THREADS="1",
        BENCH_ORDERS=c["reservation_orders"],
    ))  # fmt: skip
    return out


def machine() -> dict:
    cpu = [x for x in Path("/proc/cpuinfo").read_text().splitlines() if x.startswith("model name")]
    mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    return {"cpus": os.cpu_count(), "cpu": cpu[0].split(":", 1)[1].strip() if cpu else "?",
            "mem_gib": round(int(mem) / 2**20, 1), "python": platform.python_version(),
            "load_start": os.getloadavg()}  # fmt: skip


STARTED = time.monotonic()


def step(text: str) -> None:
    print(f"==> [{time.monotonic() - STARTED:4.0f} s] {text}", flush=True)


def guarded(what: str, measure: Callable[[], dict]) -> dict:
    """One measure's figures, or its error: one broken row must not lose the others."""
    try:
        return measure()
    except Exception as error:
        print(f"!!! {what} failed: {type(error).__name__}: {error}", flush=True)
        traceback.print_exc()
        return {"error": f"{type(error).__name__}: {error}"}


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="tontine-bench."))
    workdir.chmod(0o755)
    started, info = STARTED, machine()
    print(f"bench: {json.dumps(CONFIG)}\nmachine: {json.dumps(info)}", flush=True)
    runs = [one_round(n, workdir) for n in range(CONFIG["rounds"])]
    step("P3 counts per message")
    engine_counts = guarded("P3 engine", counts.engine_steps)
    whatsapp_counts = guarded("P3 WhatsApp", counts.whatsapp_steps)
    step("P6 clock, P7 announcement")
    runs[0]["p6"] = guarded("P6 clock", lambda: {"clock": clock_rss(workdir)})
    window = str(CONFIG["announce_window_s"])
    runs[0]["p7"] = guarded("P7", lambda: script("bench_announce.py", BENCH_ANNOUNCE_WINDOW=window))
    info["load_end"] = os.getloadavg()
    table_rows = report.rows(runs)
    print(f"\nMedians of {len(runs)} round(s), {time.monotonic() - started:.0f} s in all:\n")
    print(report.table(table_rows))
    print("\nP3, per trader message (PostgreSQL + Redis):\n")
    print(report.counts_table(engine_counts, whatsapp_counts))
    report.append({"at": datetime.now(UTC).isoformat(timespec="seconds"), "git": git_head(),
                   "machine": info, "config": CONFIG, "rows": table_rows,
                   "p3": {"engine": engine_counts, "whatsapp": whatsapp_counts},
                   "rounds": runs})  # fmt: skip
    print(f"\nappended to {report.RESULTS.relative_to(ROOT)}")


def git_head() -> str:
    done = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                          capture_output=True, text=True)  # fmt: skip
    return done.stdout.strip()


if __name__ == "__main__":
    main()
