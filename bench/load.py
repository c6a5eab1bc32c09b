"""Load clients: WhatsApp webhook requests signed in advance as Twilio signs them, sent by
wrk (C, for the acknowledgement rate: a Python client would take the cores it measures) or by
a small asyncio client that keeps each request's send and answer times (for the lag)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from twilio.request_validator import RequestValidator

PATH = "/webhooks/whatsapp"
TOKEN, PUBLIC = "bench-twilio-token", "https://wa.bench.example"
SID, BOT_NUMBER = "AC" + "5" * 32, "whatsapp:+14155238886"
WRK_LUA = Path(__file__).with_name("wrk_signed.lua")


def number(n: int) -> str:
    return f"whatsapp:+22462{n:07d}"


def signed(
    count: int, numbers: int, tag: str, body: str = "menu", first: int = 0
) -> list[tuple[str, str]]:
    """`count` distinct messages (each its own MessageSid) from `numbers` senders in turn:
    (X-Twilio-Signature, form body)."""
    validator = RequestValidator(TOKEN)
    out = []
    for i in range(count):
        form = {"MessageSid": f"SM{tag}{i:08d}", "From": number(first + i % numbers), "Body": body}
        form |= {"To": BOT_NUMBER, "NumMedia": "0", "AccountSid": SID}
        out.append((validator.compute_signature(PUBLIC + PATH, form), urlencode(form)))
    return out


@dataclass
class Acks:
    requests: int
    seconds: float
    non2xx: int
    errors: int
    p50_ms: float
    p99_ms: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


def wrk(port: int, requests: list[tuple[str, str]], seconds: float, connections: int) -> Acks:
    """wrk -t2 for `seconds` through the pre-signed requests (never the same one twice while
    the list lasts)."""
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as out:
        out.writelines(f"{sig}\t{body}\n" for sig, body in requests)
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds:.0f}s", "--timeout", "10s"]
    args += ["-s", str(WRK_LUA), f"http://127.0.0.1:{port}{PATH}", "--", out.name, "2"]
    done = subprocess.run(args, capture_output=True, text=True, timeout=seconds + 60)
    Path(out.name).unlink()
    line = [x for x in done.stdout.splitlines() if x.startswith("{")]
    if not line:
        raise RuntimeError(f"wrk failed: {done.stdout}\n{done.stderr}")
    r = json.loads(line[-1])
    return Acks(r["requests"], r["duration_us"] / 1e6, r["non2xx"], r["errors"],
                r["p50_us"] / 1000, r["p99_us"] / 1000)  # fmt: skip


@dataclass
class Sent:
    number: str
    sent_at: float
    acked_at: float
    status: int


async def _exchange(reader, writer, raw: bytes) -> int:
    writer.write(raw)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    await reader.readexactly(length)
    return status


async def _connection(port: int, jobs: asyncio.Queue, out: list[Sent]) -> None:
    reader = writer = None
    while not jobs.empty():
        sender, raw = jobs.get_nowait()
        for _attempt in range(3):
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                started = time.monotonic()
                status = await _exchange(reader, writer, raw)
                out.append(Sent(sender, started, time.monotonic(), status))
                break
            except (OSError, asyncio.IncompleteReadError):
                writer = None  # the server closed a kept-alive connection: a new one
    if writer is not None:
        writer.close()


def burst(port: int, requests: list[tuple[str, str]], connections: int = 16) -> list[Sent]:
    """Every request once, as fast as the server acknowledges them."""
    jobs: asyncio.Queue = asyncio.Queue()
    for sig, body in requests:
        jobs.put_nowait((parse_qs(body)["From"][0], _raw(port, sig, body)))
    out: list[Sent] = []

    async def run() -> None:
        await asyncio.gather(*(_connection(port, jobs, out) for _ in range(connections)))

    asyncio.run(run())
    return out


def _raw(port: int, sig: str, body: str) -> bytes:
    head = f"POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
    head += "Content-Type: application/x-www-form-urlencoded\r\n"
    head += f"X-Twilio-Signature: {sig}\r\nContent-Length: {len(body)}\r\n\r\n"
    return (head + body).encode()


async def _paced(port: int, requests, rate: float, connections: int) -> list[Sent]:
    """Open loop: request i is due at start + i / rate whatever the answers before it, and
    its time counts from then (a late server is not hidden by a client that waits)."""
    pool: asyncio.Queue = asyncio.Queue()
    for _ in range(connections):
        pool.put_nowait(await asyncio.open_connection("127.0.0.1", port))
    loop, out = asyncio.get_running_loop(), []

    async def one(sender: str, raw: bytes, due: float) -> None:
        reader, writer = await pool.get()
        try:
            status = await _exchange(reader, writer, raw)
        except (OSError, asyncio.IncompleteReadError):
            status = 0
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        pool.put_nowait((reader, writer))
        out.append(Sent(sender, due, time.monotonic(), status))

    start, tasks = loop.time() + 0.05, []
    for i, (sig, body) in enumerate(requests):
        due = start + i / rate
        await asyncio.sleep(max(0.0, due - loop.time()))
        raw = _raw(port, sig, body)
        tasks.append(asyncio.create_task(one(parse_qs(body)["From"][0], raw, due)))
    await asyncio.gather(*tasks)
    while not pool.empty():
        pool.get_nowait()[1].close()
    return out


def paced(port: int, requests: list[tuple[str, str]], rate: float, connections: int = 64):
    """Every request at `rate` per second (loop time is time.monotonic)."""
    return asyncio.run(_paced(port, requests, rate, connections))
