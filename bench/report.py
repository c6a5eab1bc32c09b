"""The table of medians (project, floor, ratio, target), the per-step counts, and the JSON
line appended to bench/results/runs.jsonl."""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Callable
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "runs.jsonl"

Getter = Callable[[dict], float | None]


def pick(*path: str) -> Getter:
    def get(run: dict) -> float | None:
        value: object = run
        for key in path:
            if not isinstance(value, dict) or key not in value:
                return None
            value = value[key]
        return value  # type: ignore[return-value]

    return get


def median(runs: list[dict], get: Getter | None) -> float | None:
    values = [v for v in (get(r) for r in runs) if v is not None] if get else []
    return statistics.median(values) if values else None


# (id, measure, project, floor, target); a getter reads one round's results.
ROWS: list[tuple[str, str, Getter, Getter | None, str]] = [
    ("P1", "WhatsApp acknowledgements/s", pick("p1", "project", "acks_s"),
     pick("p1", "floor", "acks_s"), ">= 0.5x"),
    ("P1", "ack latency p50, ms", pick("p1", "project", "p50_ms"),
     pick("p1", "floor", "p50_ms"), ""),
    ("P1", "ack latency p99, ms", pick("p1", "project", "p99_ms"),
     pick("p1", "floor", "p99_ms"), ""),
    ("P1", "acks/s when sent half the floor's rate (floor: that rate)",
     pick("p1", "project", "paced_acks_s"), pick("p1", "project", "paced_rate"), "1.0x"),
    ("P1", "ack p99 at half the floor's rate (open loop), ms",
     pick("p1", "project", "paced_p99_ms"), None, "<= 50 ms"),
    ("P1e", "WhatsApp messages fully answered/s (burst + drain)",
     pick("p1e", "project", "answered_s"), pick("p1e", "floor", "answered_s"), ">= 0.5x"),
    ("P1e", "webhook -> reply lag p50, ms", pick("p1e", "project", "lag_p50_ms"),
     pick("p1e", "floor", "lag_p50_ms"), ""),
    ("P1e", "webhook -> reply lag p99, ms", pick("p1e", "project", "lag_p99_ms"),
     pick("p1e", "floor", "lag_p99_ms"), ""),
    ("P1e", "sustained load: backlog when the sending stops, messages",
     pick("sustain", "backlog_at_end"), None, "bounded"),
    ("P1e", "sustained load: lag p99, ms (n/a: over 1 % never answered)",
     pick("sustain", "lag_p99_ms"), None, "<= 2 000 ms"),
    ("P1e", "sustained load: never answered (within the grace period)",
     pick("sustain", "unanswered_after_grace"), None, "0"),
    ("P1e", "CPU per answered message, ms (web + worker)", pick("p1e", "project", "cpu_ms"),
     pick("p1e", "floor", "cpu_ms"), ""),
    ("P1e", "PostgreSQL CPU per answered message, ms (its backends)",
     pick("p1e", "project", "pg_cpu_ms"), None, ""),
    ("P2", "Telegram updates/s, global limiter off", pick("p2", "project_off", "updates_s"),
     pick("p2", "floor", "updates_s"), ">= 0.5x"),
    ("P2", "Telegram updates/s, global limiter on", pick("p2", "project", "updates_s"),
     pick("p2", "floor", "updates_s"), ""),
    ("P2", "bot CPU per update, ms (limiter off)", pick("p2", "project_off", "cpu_ms"),
     pick("p2", "floor", "cpu_ms"), "<= 2x"),
    ("P2", "bot CPU per update, ms (limiter on)", pick("p2", "project", "cpu_ms"),
     pick("p2", "floor", "cpu_ms"), "<= 2x"),
    ("P4", "engine alone, ms/message (PostgreSQL + Redis)", pick("p4", "ms_per_message"),
     None, "<= 2 ms"),
    ("P5", "reservations, 4 processes, orders/s", pick("p5", "orders_s"), None, ">= 1 000"),
    ("P5", "reservations p95, ms", pick("p5", "p95_ms"), None, "<= 50 ms"),
    ("P5", "containers overfilled", pick("p5", "overfilled"), None, "0"),
    ("P6", "RSS web worker, MiB", pick("p1e", "project", "rss", "web"),
     pick("p1", "floor", "rss_web"), "<= 80 MiB"),
    ("P6", "RSS worker, MiB", pick("p1e", "project", "rss", "worker"),
     pick("p1", "floor", "rss_web"), "<= 80 MiB"),
    ("P6", "RSS bot, MiB", pick("p2", "project", "rss"), pick("p2", "floor", "rss"),
     "<= 80 MiB"),
    ("P6", "RSS bot (limiter off run), MiB", pick("p2", "project_off", "rss"),
     pick("p2", "floor", "rss"), "<= 80 MiB"),
    ("P6", "RSS clock, MiB", pick("p6", "clock"), None, "<= 80 MiB"),
    ("P7", "10 000-trader announcement queued, s", pick("p7", "queued_s"), None, "<= 1 s"),
    ("P7", "announcement delivered/s (floor: the configured rate)",
     pick("p7", "delivered_s"), pick("p7", "configured_s"), ">= 0.9x"),
    ("P7", "announcement lost", pick("p7", "lost"), None, "0"),
    ("P7", "announcement doubled", pick("p7", "doubled"), None, "0"),
]  # fmt: skip


def _fmt(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if isinstance(value, int):
        return str(value)
    if abs(value) >= 100:
        return f"{value:,.0f}".replace(",", " ")
    return f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"


def rows(runs: list[dict]) -> list[dict]:
    out = []
    for pid, measure, project, floor, target in ROWS:
        p, f = median(runs, project), median(runs, floor)
        ratio = p / f if p is not None and f else None
        out.append({"id": pid, "measure": measure, "project": p, "floor": f,
                    "ratio": ratio, "target": target})  # fmt: skip
    return out


def table(table_rows: list[dict]) -> str:
    lines = ["| id | measure | project | floor | ratio | target |", "|---|---|---|---|---|---|"]
    for r in table_rows:
        ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else ""
        cells = [r["id"], r["measure"], _fmt(r["project"]), _fmt(r["floor"]), ratio, r["target"]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def counts_table(engine: dict, whatsapp: dict) -> str:
    lines = [
        "| step | statements | transactions | pre-pings | SQL round trips | Redis round trips"
        " | WhatsApp path: transactions (webhook + worker) | WhatsApp path: round trips |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for step, c in engine.items():
        if step == "error":
            return f"P3 failed: {c}"
        w = whatsapp.get(step, {})
        hook, work = w.get("webhook", {}), w.get("worker", {})
        txns = f"{hook.get('transactions', 0) + work.get('transactions', 0)}"
        txns += f" ({hook.get('transactions', 0)} + {work.get('transactions', 0)})"
        trips = sum(x.get("sql_round_trips", 0) + x.get("redis", 0) for x in (hook, work))
        cells = [step, c["statements"], c["transactions"], c["pings"], c["sql_round_trips"],
                 c["redis"], txns if w else "n/a", trips if w else "n/a"]  # fmt: skip
        lines.append("| " + " | ".join(str(x) for x in cells) + " |")
    return "\n".join(lines)


def append(line: dict) -> None:
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a") as out:
        out.write(json.dumps(line, default=str) + "\n")
