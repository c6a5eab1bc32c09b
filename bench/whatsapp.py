"""P1 (webhook acknowledgements) and P1e (messages fully answered), project and floor.

The project runs as the Procfile runs it (every process but `release` and `clock`), on a fresh
database with the 500 senders registered; the floors run under gunicorn with the same flags.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from bench import load
from bench.services import fresh_stores, timed_twilio, twilio_replies
from bench.stack import (
    Group,
    base_env,
    cpu_s,
    free_port,
    gunicorn_up,
    pg_cpu_s,
    procfile,
    rss_mib,
)
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.twilio_api import FakeTwilio

NUMBERS = 500
WARM = NUMBERS  # the warm-up sender, registered like the others
GUNICORN = "gunicorn {app} --bind 127.0.0.1:{port} --workers 2 --threads 4 --timeout 30"
FLOOR_APP = '"bench.floors.flask_floor:make_app()"'
FLOOR_E2E_APP = '"bench.floors.flask_floor:make_e2e_app()"'


def whatsapp_env(fake: FakeTwilio, **extra: object) -> dict[str, str]:
    return base_env(
        twilio_account_sid=load.SID,
        twilio_auth_token=load.TOKEN,
        twilio_api_base_url=fake.base_url,
        twilio_whatsapp_from=load.BOT_NUMBER,
        public_base_url=load.PUBLIC,
        # 500 senders carry the whole load (80 messages each in a 10 s run): the per-sender
        # flood cap would drop most of them and P1 would measure the cap, not the webhook.
        whatsapp_sender_max_per_minute=1_000_000,
        **extra,
    )


@contextmanager
def project(workdir: Path, fake: FakeTwilio, fake_tg: FakeTelegram):
    """The Procfile's processes but release and clock: (port, group, {name: [pids]})."""
    chats = [("whatsapp", load.number(n)) for n in range(NUMBERS + 1)]
    with fresh_stores(chats) as stores:
        port, group = free_port(), Group(workdir)
        env = whatsapp_env(
            fake,
            database_url=stores.db_url,
            redis_url=stores.redis_url,
            telegram_bot_token=fake_tg.token,
            telegram_api_base_url=f"{fake_tg.base}/bot",
            telegram_file_base_url=f"{fake_tg.base}/file/bot",
            port=port,
        )
        try:
            procs = {}
            for name, command in procfile().items():
                if name not in ("release", "clock"):
                    command = command.replace("$PORT", str(port)).replace("0.0.0.0", "127.0.0.1")
                    procs[name] = group.start(name, command, env)
            pids = {name: [p.pid] for name, p in procs.items()}
            pids["web"] = gunicorn_up(group, procs["web"], port)
            yield port, group, pids | {"database": [stores.db_url.rsplit("/", 1)[1]]}
        finally:
            group.stop()


@contextmanager
def floor(workdir: Path, fake: FakeTwilio, app: str):
    port, group = free_port(), Group(workdir)
    try:
        master = group.start("floor", GUNICORN.format(app=app, port=port), whatsapp_env(fake))
        yield port, group, {"web": gunicorn_up(group, master, port)}
    finally:
        group.stop()


def acks(port: int, seconds: float, tag: str) -> dict[str, float]:
    load.burst(port, load.signed(20, NUMBERS, f"{tag}w"))  # warm both workers
    requests = load.signed(int(seconds * 4000), NUMBERS, tag)
    result = load.wrk(port, requests, seconds, connections=32)
    return {"acks_s": result.rate, "p50_ms": result.p50_ms, "p99_ms": result.p99_ms,
            "non2xx": result.non2xx, "errors": result.errors}  # fmt: skip


def at_rate(port: int, rate: float, seconds: float, tag: str) -> dict[str, float]:
    """Acknowledgement times at a given rate (open loop): p99 and the rate achieved."""
    sent = load.paced(port, load.signed(int(rate * seconds), NUMBERS, tag), rate)
    times = sorted((s.acked_at - s.sent_at) * 1000 for s in sent)
    span = max(s.acked_at for s in sent) - min(s.sent_at for s in sent)
    return {"paced_rate": rate, "paced_p99_ms": _q(times, 0.99), "paced_acks_s": len(sent) / span}


def p1(workdir: Path, seconds: float, tag: str, floor_first: bool, last_floor: float | None):
    """wrk against the floor and the project; the project also at half the floor's rate
    (this round's when the floor ran first, else the last round's)."""
    fake, fake_tg = timed_twilio(), FakeTelegram().start()
    results: dict[str, dict] = {}

    def run_floor() -> None:
        with floor(workdir, fake, FLOOR_APP) as (port, _group, pids):
            results["floor"] = acks(port, seconds, f"{tag}f") | {"rss_web": _rss(pids["web"])}

    def run_project() -> None:
        half = (results["floor"]["acks_s"] if "floor" in results else last_floor or 0) / 2
        with project(workdir, fake, fake_tg) as (port, _group, _pids):
            paced = at_rate(port, half, seconds, f"{tag}h") if half else {}
            results["project"] = acks(port, seconds, f"{tag}p") | paced

    try:
        for run in (run_floor, run_project) if floor_first else (run_project, run_floor):
            run()
    finally:
        fake.stop()
        fake_tg.stop()
    return results


def _rss(pids: list[int]) -> float:
    return max(rss_mib(pid) for pid in pids)


def _pieces_per_message(port: int, fake: FakeTwilio, tag: str) -> int:
    """Replies (text bodies or buttons) to one message, once they stop coming."""
    warm = load.number(WARM)
    load.burst(port, load.signed(1, 1, tag, first=WARM))
    deadline, seen, quiet_since = time.monotonic() + 30, 0, time.monotonic()
    while time.monotonic() < deadline:
        count = len(twilio_replies(fake).get(warm, []))
        if count != seen:
            seen, quiet_since = count, time.monotonic()
        elif seen and time.monotonic() - quiet_since > 1.5:
            return seen
        time.sleep(0.1)
    raise RuntimeError("the warm-up message was never answered")


def answered(
    port: int, fake: FakeTwilio, burst: int, tag: str, timeout: float, cpu, pg_cpu=None
) -> dict:
    pieces = _pieces_per_message(port, fake, f"{tag}w")
    cpu_before, pg_before = cpu(), pg_cpu() if pg_cpu else 0.0
    sent = load.burst(port, load.signed(burst, NUMBERS, tag))
    acked = [s for s in sent if s.status == 200]
    wanted = len(acked) * pieces
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _replies_to_burst(fake) < wanted:
        time.sleep(0.2)
    cpu_used, pg_used = cpu() - cpu_before, (pg_cpu() - pg_before) if pg_cpu else None
    lags = _lags(acked, twilio_replies(fake), pieces)
    start = min(s.sent_at for s in acked)
    done = [lag + s.sent_at for s, lag in lags]
    lag_ms = sorted(lag * 1000 for _s, lag in lags)
    rate = len(lags) / (max(done) - start) if done else 0.0
    return {"answered_s": rate, "answered": len(lags), "sent": len(acked), "pieces": pieces,
            "burst_s": max(s.acked_at for s in acked) - start,
            "lag_p50_ms": _q(lag_ms, 0.5), "lag_p99_ms": _q(lag_ms, 0.99),
            "cpu_ms": cpu_used * 1000 / max(len(lags), 1),
            "pg_cpu_ms": pg_used * 1000 / max(len(lags), 1) if pg_used is not None else None,
            }  # fmt: skip


def _replies_to_burst(fake: FakeTwilio) -> int:
    replies = twilio_replies(fake)
    return sum(len(v) for k, v in replies.items() if k != load.number(WARM))


def _lags(acked: list[load.Sent], replies: dict[str, list[float]], pieces: int):
    """Message j of a sender is answered when its sender has got (j + 1) x pieces replies."""
    by_number: dict[str, list[load.Sent]] = {}
    for s in sorted(acked, key=lambda s: s.sent_at):
        by_number.setdefault(s.number, []).append(s)
    out = []
    for sender, messages in by_number.items():
        times = replies.get(sender, [])
        for j, message in enumerate(messages):
            index = (j + 1) * pieces - 1
            if index < len(times):
                out.append((message, times[index] - message.sent_at))
    return out


def _q(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def _cpu_of(pids: dict[str, list[int]], names: tuple[str, ...]) -> Callable[[], float]:
    return lambda: sum(cpu_s(pid) for name in names for pid in pids.get(name, []))


def p1e(workdir: Path, burst: int, tag: str, timeout: float, floor_first: bool) -> dict:
    fake_tg = FakeTelegram().start()
    results: dict[str, dict] = {}

    def run_floor() -> None:
        fake = timed_twilio()
        with floor(workdir, fake, FLOOR_E2E_APP) as (port, _group, pids):
            cpu = _cpu_of(pids, ("web",))
            results["floor"] = answered(port, fake, burst, f"{tag}f", timeout, cpu)
        fake.stop()

    def run_project() -> None:
        fake = timed_twilio()
        with project(workdir, fake, fake_tg) as (port, _group, pids):
            database = pids.pop("database")[0]
            cpu = _cpu_of(pids, tuple(name for name in pids if name != "bot"))
            pg_cpu = lambda: pg_cpu_s(database)  # noqa: E731
            results["project"] = answered(port, fake, burst, f"{tag}p", timeout, cpu, pg_cpu)
            results["project"]["rss"] = {
                name: _rss(found) for name, found in pids.items() if name != "bot"
            }
        fake.stop()

    try:
        for run in (run_floor, run_project) if floor_first else (run_project, run_floor):
            run()
    finally:
        fake_tg.stop()
    return results


def sustained(workdir: Path, rate: float, seconds: float, tag: str, grace: float) -> dict:
    """The project under `rate` messages/s for `seconds`: the backlog when the sending stops,
    and the lag p99 with every message left unanswered after `grace` counted as infinite."""
    fake_tg, fake = FakeTelegram().start(), timed_twilio()
    try:
        with project(workdir, fake, fake_tg) as (port, _group, _pids):
            pieces = _pieces_per_message(port, fake, f"{tag}w")
            sent = load.paced(port, load.signed(int(rate * seconds), NUMBERS, tag), rate)
            acked = [s for s in sent if s.status == 200]
            backlog = len(acked) - len(_lags(acked, twilio_replies(fake), pieces))
            deadline = time.monotonic() + grace
            while time.monotonic() < deadline and _replies_to_burst(fake) < len(acked) * pieces:
                time.sleep(0.2)
            lags = sorted(lag * 1000 for _s, lag in _lags(acked, twilio_replies(fake), pieces))
            lags += [float("inf")] * (len(acked) - len(lags))
    finally:
        fake.stop()
        fake_tg.stop()
    p99 = _q(lags, 0.99)
    return {"rate": rate, "seconds": seconds, "sent": len(acked), "backlog_at_end": backlog,
            "lag_p99_ms": None if p99 == float("inf") else p99,
            "unanswered_after_grace": sum(1 for x in lags if x == float("inf"))}  # fmt: skip
