"""The README walkthrough, as written: a trader in one terminal, the admin console in
another, on the same SQLite file, each a real `python -m bot console` process."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PHONE = "+224620900900"
TRADER_PHONE = "+224620123456"


class Terminal:
    """A console process: type lines, wait for what it prints (stdout and the log)."""

    def __init__(self, args: list[str], cwd: Path, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "console", *args],
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.replace("\u00a0", " "))

    def type(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def wait_for(self, pattern: str, timeout: float = 60.0) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.seen:
                found = re.search(pattern, line)
                if found:
                    self.seen.remove(line)  # each line answers one wait
                    return found
            try:
                self.seen.append(self.lines.get(timeout=0.2))
            except queue.Empty:
                continue
        raise AssertionError(f"{pattern!r} not printed; last lines: {self.seen[-15:]}")

    def code_for(self, phone: str) -> str:
        return self.wait_for(rf"SMS to \{phone}: .*?\b(\d{{6}})\b").group(1)

    def close(self) -> None:
        if self.process.poll() is None:
            self.type("/quit")
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()


def test_trader_and_admin_consoles_through_an_approved_payment(tmp_path):
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'tontine.db'}",
        "ADMIN_PHONES": ADMIN_PHONE,
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    for name in ("REDIS_URL", "TELEGRAM_BOT_TOKEN", "TWILIO_ACCOUNT_SID", "SECRET_KEY"):
        env.pop(name, None)
    trader = Terminal([], tmp_path, env)
    admin = None
    try:
        trader.wait_for("console")
        for line in ("bonjour", "Mamadou Diallo", "620 12 34 56"):
            trader.type(line)
        trader.type(trader.code_for(TRADER_PHONE))
        trader.wait_for("compte est actif")
        for line in ("1", "2", "3", "10 000"):
            trader.type(line)
        trader.wait_for("Total à payer : 28 125 000 GNF")
        trader.type("1")
        trader.wait_for("Commande C00001 enregistrée")
        trader.type(f"/photo {ROOT / 'samples' / 'recu.png'} OM-420042")
        trader.wait_for("Preuve reçue pour la commande C00001")

        admin = Terminal(["--admin"], tmp_path, env)
        admin.type("/admin")
        admin.wait_for("Pour vous identifier")
        admin.type("620 90 09 00")
        admin.type(admin.code_for(ADMIN_PHONE))
        admin.wait_for("Session ouverte")
        admin.wait_for("Preuve 1 — commande C00001")  # the card, pushed to the admin console
        admin.type("/attente")
        admin.wait_for("Preuve 1 — C00001 — Mamadou Diallo")
        admin.type("1")  # 1. Voir la preuve 1
        admin.wait_for("1. ✅ Valider")
        admin.type("1")  # 1. ✅ Valider
        admin.wait_for("VALIDÉE par")
        trader.wait_for("Paiement validé pour la commande C00001")
        admin.type("/export")
        path = Path(admin.wait_for(r"Fichier enregistré : (\S+\.csv)").group(1))
        assert path.is_file() and "C00001" in path.read_text(encoding="utf-8-sig")
    finally:
        trader.close()
        if admin is not None:
            admin.close()
