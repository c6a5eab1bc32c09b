"""The fault suite's harness: real processes started from the Procfile's commands, killed
with SIGKILL at a chosen point, always reaped; fresh databases (the servers of our own are in
tests/faults/servers.py).

Every wait is bounded; on timeout the assertion shows the tail of each process's log.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import create_engine, text

from storage.db import normalise_url
from storage.migrate import upgrade

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "faults-" + "k" * 40
POLL_S = 0.05
# The processes' leases (.env.example), far shorter than production's so that a takeover after
# a kill costs about a restarted process's start-up, not minutes. Each scenario has one live
# holder at a time (the killed process's successor starts after the kill), so a lease that runs
# out under a slow handling hands nothing to anyone: it cannot double or lose work here.
LEASES = {
    "outbox_lease_seconds": 2,
    "whatsapp_inbound_lease_seconds": 2,
    "telegram_inbox_lease_seconds": 2,
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Proc:
    name: str
    popen: subprocess.Popen
    log: Path

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def tail(self, lines: int = 30) -> str:
        """The last lines of the log, without the HTTP client's line per request."""
        kept = [line for line in self.output().splitlines() if " INFO httpx: " not in line]
        return "\n".join(kept[-lines:])


@dataclass
class Processes:
    """Starts each command in its own session (process group), so that a kill reaches its
    children (gunicorn's workers) and teardown leaves no orphan."""

    workdir: Path
    started: list[Proc] = field(default_factory=list)

    def start(self, name: str, args: list[str], env: dict[str, str]) -> Proc:
        log = self.workdir / f"{name}.log"
        with log.open("ab") as out:
            popen = subprocess.Popen(
                args,
                env=env,
                cwd=self.workdir,  # no .env file here: the environment is all there is
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        proc = Proc(name, popen, log)
        self.started.append(proc)
        return proc

    def python(self, name: str, args: list[str], env: dict[str, str]) -> Proc:
        return self.start(name, [sys.executable, *args], env)

    def kill(self, proc: Proc) -> None:
        """SIGKILL the process and everything it started, then reap it."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.popen.wait(timeout=10)

    def kill_pid(self, pid: int) -> None:
        """SIGKILL one process we started indirectly (a gunicorn worker)."""
        assert any(pid == p.pid or pid in children(p.pid) for p in self.started)
        os.kill(pid, signal.SIGKILL)

    def close(self) -> None:
        for proc in self.started:
            if proc.alive():
                self.kill(proc)

    def logs(self) -> str:
        return "\n".join(f"--- {p.name} (pid {p.pid}) ---\n{p.tail()}" for p in self.started)


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(child) for child in path.read_text().split()]
    except OSError:
        return []


def pid_of_client(port: int, candidates: list[int]) -> int | None:
    """Which of `candidates` owns the loopback TCP socket whose local port is `port`."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(fields[9])
    for pid in candidates:
        try:
            links = [os.readlink(f) for f in Path(f"/proc/{pid}/fd").iterdir()]
        except OSError:
            continue
        if any(link.removeprefix("socket:[").rstrip("]") in inodes for link in links):
            return pid
    return None


def wait_until(
    predicate: Callable[[], object], timeout: float, what: str, procs: Processes | None = None
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(POLL_S)
    if predicate():
        return
    logs = procs.logs() if procs is not None else ""
    raise AssertionError(f"not reached within {timeout:.0f} s: {what}\n{logs}")


def base_env(**values: object) -> dict[str, str]:
    """A process environment built from scratch (nothing leaks in from the test's own), with
    the suite's short leases."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1",
        "SECRET_KEY": SECRET_KEY,
        "LOG_LEVEL": "INFO",
    }
    values = {**LEASES, **values}
    env.update({key.upper(): str(value) for key, value in values.items() if value is not None})
    return env


# Databases


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def create_database(server_url: str, template: str | None = None) -> str:
    """A new, migrated database on the server of `server_url`; returns its URL. With
    `template` (the URL of a migrated database nobody is connected to), a copy of it: the
    server copies its files instead of our running the migrations again."""
    name = f"faults_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{urlsplit(template).path.lstrip("/")}"' if template else ""
    admin = create_engine(normalise_url(server_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    admin.dispose()
    url = _with_database(server_url, name)
    if template is None:
        upgrade(url)
    return url


def drop_database(server_url: str, url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    admin = create_engine(normalise_url(server_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
