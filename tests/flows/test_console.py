"""The console channel as a person uses it: a subprocess fed on stdin."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_console_quote_order_proof_journey(tmp_path):
    """`python -m bot` with no settings but the database (`bash scripts/run`): the embedded
    default needs no SECRET_KEY (a key for this process only)."""
    image = tmp_path / "recu.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    for name in ("REDIS_URL", "SECRET_KEY", "TELEGRAM_BOT_TOKEN", "TWILIO_WHATSAPP_FROM"):
        env.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def send(line: str) -> None:
        process.stdin.write(line + "\n")  # type: ignore[union-attr]
        process.stdin.flush()  # type: ignore[union-attr]

    for line in ("bonjour", "Mamadou Diallo", "620 12 34 56"):
        send(line)
    code = None
    for err_line in process.stderr:  # type: ignore[union-attr]
        found = re.search(r"SMS to \+224620123456: .* (\d{6})\.", err_line)
        if found:
            code = found.group(1)
            break
    assert code, "no SMS code in the log"
    for line in (code, "1", "2", "3", "10 000", "1", f"/photo {image} OM-420042", "/quit"):
        send(line)
    out, _ = process.communicate(timeout=120)
    out = out.replace("\u00a0", " ")
    assert process.returncode == 0
    assert "Votre compte est actif" in out
    assert "1. 📦 Nouveau devis" in out
    assert "Total à payer : 28 125 000 GNF" in out
    assert "Commande C00001 enregistrée" in out
    assert "Preuve reçue pour la commande C00001" in out


def test_a_file_path_becomes_a_document_with_its_caption(tmp_path):
    """`/fichier PATH caption`: how the admin console imports the supplier CSV."""
    from bot.runtime.console import _event

    csv_file = tmp_path / "f.csv"
    csv_file.write_bytes(b"nom,ville,categorie,contact\n")
    event = _event(f"/fichier {csv_file} /fournisseur importer", "admin")
    assert event.image == b"nom,ville,categorie,contact\n"
    assert event.text == "/fournisseur importer"
