"""The commands, run the way the README and the Procfile run them: `init` as a process,
the others through the same `main` in this process (tests/cli.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


ENV = {"LOG_LEVEL": "WARNING", "SECRET_KEY": "c" * 40}


def test_python_m_bot_init_migrates_a_new_database_and_exits_0(tmp_path):
    """The README's first command, as a process: `python -m bot init` on a new file. The
    other commands run in this process (tests/cli.py): the same main, without the imports."""
    env = {**os.environ, **ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'new.db'}"}
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "init"],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "+ container" in result.stdout


def test_init_twice_changes_nothing(db_url, cli):
    first = cli(["init"], DATABASE_URL=db_url, **ENV)
    assert first.code == 0, first.err
    assert "+ container" in first.out
    second = cli(["init"], DATABASE_URL=db_url, **ENV)
    assert second.code == 0 and "rien à changer" in second.out


def test_simulate_fill_reports_and_checks(db_url, cli):
    result = cli(["simulate-fill", "--seed", "7", "--traders", "20"], DATABASE_URL=db_url, **ENV)
    assert result.code == 0, result.err + result.out
    report = result.out.replace("\u00a0", " ")
    assert "Volume total : 76,0 / 76,0 CBM" in report
    assert "Étape : en mer" in report
    assert report.count("✔") == 4 and "✘" not in report
    assert "Marge plateforme" in report and "ÉLECTRONIQUE" in report


def test_simulate_fill_twice_fills_the_next_container(db_url, cli, uow):
    first = cli(["simulate-fill", "--seed", "1"], DATABASE_URL=db_url, **ENV)
    second = cli(["simulate-fill", "--seed", "2"], DATABASE_URL=db_url, **ENV)
    assert second.code == 0, second.err + second.out
    with uow:
        filled = uow.containers.list_all()[:2]
    assert [c.code[-3:] for c in filled] == ["-01", "-02"]
    assert all(c.used_l == c.capacity_l for c in filled)
    for result, container in zip([first, second], filled, strict=True):
        title = result.out.splitlines()[0]
        assert title == f"Simulation de remplissage — conteneur {container.code}", title


@pytest.mark.parametrize("args", [["simulate-fill", "--traders", "0"], ["nonsense"]])
def test_bad_arguments_exit_non_zero(args, cli, tmp_path):
    result = cli(args, DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}", **ENV)
    assert result.code == 2
    assert not (tmp_path / "x.db").exists()  # refused before touching anything


def test_simulate_voyage_runs_a_container_to_delivery_and_checks_the_books(db_url, cli):
    args = ["simulate-voyage", "--seed", "3", "--traders", "6", "--deposit", "50"]
    result = cli(args, DATABASE_URL=db_url, **ENV)
    assert result.code == 0, result.err + result.out
    report = result.out.replace("\u00a0", " ")
    assert "Simulation de voyage — conteneur TD-2026-02" in report  # its own container
    measures = re.search(r"Mesures : (\d+) plus grandes, (\d+) plus petites, (\d+) égales", report)
    assert measures is not None and all(int(n) > 0 for n in measures.groups()), report
    assert re.search(r"Crédits : [1-9][\d ]* GNF crédités, [1-9][\d ]* GNF utilisés", report)
    assert "(2 retards annoncés)" in report and "Étape : disponible / livré" in report
    assert report.count("✔") == 5 and "✘" not in report
    again = cli(args, DATABASE_URL=db_url, **ENV)  # the same traders, a second voyage
    assert again.code == 0 and "conteneur TD-2026-03" in again.out, again.out


def test_simulate_voyage_fails_when_the_books_do_not_balance(db_url):
    """A measure credited twice (under another key): the trader holds 1 000 GNF never paid
    and the order is short of them; the books check fails and the report says where."""
    from bot.runtime.voyage import run_voyage
    from bot.runtime.voyage_checks import report, voyage_checks
    from bot.services.ledger import credit
    from domain.ledger import EntryKind
    from tests.flows.conftest import make_app

    services = make_app(db_url).services
    code, orders, voyage = run_voyage(services, seed=3, traders=6, deposit=50)
    assert all(check.passed for check in voyage_checks(services, code, orders, voyage)[1])
    order = orders[0]
    with services.uow_factory() as uow:
        credit(uow, order.trader_id, 1_000, EntryKind.REMEASURE_CREDIT, "twice", services.clock(),
               order.id)  # fmt: skip
        uow.commit()
    books, checks = voyage_checks(services, code, orders, voyage)
    failed = [check.key for check in checks if not check.passed]
    assert failed == ["voyage.check_books"]
    text = report(books, voyage, checks)
    assert "✘ grands livres équilibrés" in text and f"order {order.number}: 1000 due" in text
    assert f"trader {order.trader_id}: paid" in text
