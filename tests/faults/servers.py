"""Servers of the fault suite's own, never the shared test servers: a small PostgreSQL cluster
that a scenario may stop and start, a redis-server that a restart empties."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from tests.faults.harness import wait_until


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
