"""The fault suite's harness: real processes started from the Procfile's commands, killed
with SIGKILL at a chosen point, always reaped; fresh databases; servers of our own.

Every wait is bounded; on timeout the assertion shows the tail of each process's log.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
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


# Servers of our own (never the shared ones)


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _pg_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    path = Path(os.environ.get("PG_BIN") or (found[-1] if found else "/nonexistent"))
    if not (path / "initdb").exists():
        raise RuntimeError("PostgreSQL binaries not found (set PG_BIN)")
    return path


class ScratchPostgres:
    """A small PostgreSQL cluster of our own in a temporary folder (as scripts/with-services
    starts one), so that this suite may stop and start it without touching the shared one."""

    def __init__(self, port: int) -> None:
        # Not under pytest's tmp_path: the postgres user must be able to reach the folder.
        self.dir = Path(tempfile.mkdtemp(prefix="tontine-faults-pg."))
        self.port = port
        self.bin = _pg_bin()

    def _run(self, *args: str) -> None:
        done = subprocess.run(_as_postgres(list(args)), capture_output=True, timeout=60)
        if done.returncode:
            raise RuntimeError(f"{args[0]} failed: {done.stdout!r} {done.stderr!r}")

    def init(self) -> ScratchPostgres:
        self.dir.chmod(0o755)
        for sub in ("data", "run"):
            (self.dir / sub).mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.dir / "data", "postgres")
            shutil.chown(self.dir / "run", "postgres")
        self._run(
            str(self.bin / "initdb"),
            *("-D", str(self.dir / "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8"),
            "--no-sync",  # a throwaway cluster: no fsync of its files (runs with fsync=off)
        )
        self.start()
        self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "tontine")
        return self

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/tontine"

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir / 'run'} -c fsync=off"
        self._run(
            str(self.bin / "pg_ctl"),
            *("-D", str(self.dir / "data"), "-l", str(self.dir / "run" / "pg.log"), "-w"),
            *("-t", "30", "-o", options, "start"),
        )

    def stop(self) -> None:
        """An abrupt stop (like a crash): open transactions are lost, not committed."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "stop")

    def destroy(self) -> None:
        with contextlib.suppress(RuntimeError):  # already stopped
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class ScratchRedis:
    """A redis-server of our own, without persistence: a restart loses every key."""

    def __init__(self, workdir: Path, port: int) -> None:
        self.dir = workdir
        self.port = port
        self.popen: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> ScratchRedis:
        args = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        args += ["--save", "", "--appendonly", "no", "--dir", str(self.dir)]
        self.popen = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        wait_until(self._ready, 10, f"redis-server on port {self.port}")
        return self

    def _ready(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        if self.popen is not None and self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait(timeout=10)
