"""Processes for the benchmark: the Procfile's commands and the floors, each in its own
session so that a stop reaches gunicorn's workers; ports in the bench's own range; resident
memory and CPU time read from /proc."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.faults import harness

ROOT = Path(__file__).resolve().parent.parent
PORTS = range(int(os.environ.get("BENCH_PORT_MIN", "57500")), 57600)
CLK_TCK = os.sysconf("SC_CLK_TCK")
SECRET_KEY = "bench-" + "k" * 40


def free_port() -> int:
    """A port of the bench's range that nothing listens on now."""
    for port in PORTS:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS}")


def procfile() -> dict[str, str]:
    """The Procfile's processes: name -> command."""
    lines = (ROOT / "Procfile").read_text().splitlines()
    pairs = [line.split(":", 1) for line in lines if re.match(r"^[a-z_]+:", line)]
    return {name.strip(): command.strip() for name, command in pairs}


def base_env(**values: object) -> dict[str, str]:
    """A process environment built from scratch: nothing leaks in from the bench's own."""
    env = {
        "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1",
        "SECRET_KEY": SECRET_KEY,
        "LOG_LEVEL": "WARNING",
    }
    env.update({key.upper(): str(value) for key, value in values.items() if value is not None})
    return env


class Proc(harness.Proc):
    """A process of the bench: the fault suite's, with the end of its log for errors."""

    def tail(self, lines: int = 15) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


@dataclass
class Group:
    """Processes started together and stopped together (SIGTERM, then SIGKILL)."""

    workdir: Path
    procs: list[Proc] = field(default_factory=list)

    def start(self, name: str, command: str, env: dict[str, str]) -> Proc:
        """`command` as a Procfile line gives it, through the shell (leading VAR=value words
        allowed), exec'd by `env` so that the pid is the program's own."""
        log = self.workdir / f"{name}.log"
        with log.open("ab") as out:
            popen = subprocess.Popen(
                ["bash", "-c", f"exec env {command}"],
                env=env,
                cwd=self.workdir,  # no .env here: the environment is all there is
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        proc = Proc(name, popen, log)
        self.procs.append(proc)
        return proc

    def stop(self) -> None:
        for proc in self.procs:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.popen.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.popen.wait(timeout=10)
        self.procs.clear()

    def logs(self) -> str:
        return "\n".join(f"--- {p.name} ---\n{p.tail()}" for p in self.procs)


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of the process (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def wait_until(predicate: Callable[[], object], timeout: float, what: str, group: Group) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise RuntimeError(f"not reached within {timeout:.0f} s: {what}\n{group.logs()}")


def http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status < 500
    except OSError:
        return False


def gunicorn_up(group: Group, proc: Proc, port: int, path: str = "/health") -> list[int]:
    """Waits for the master's workers and an answer on `path`; returns the workers' pids."""
    wait_until(lambda: len(children(proc.pid)) >= 2, 60, f"{proc.name} workers", group)
    wait_until(lambda: http_ok(f"http://127.0.0.1:{port}{path}"), 60, f"{proc.name} up", group)
    return children(proc.pid)


def pg_backends(database: str) -> list[int]:
    """The PostgreSQL server processes serving connections to `database` (their title says
    "postgres: <user> <database> ...")."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if title.startswith("postgres: ") and f" {database} " in title:
                found.append(int(entry.name))
    return found


def pg_cpu_s(database: str) -> float:
    total = 0.0
    for pid in pg_backends(database):
        try:
            total += cpu_s(pid)
        except OSError:  # the connection closed meanwhile
            continue
    return total
