"""Fixtures of the fault suite: a fresh migrated database and a Redis database per test, the
process harness, the fake Bot API and the fake Twilio, and services to seed and inspect."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest

from bot.runtime.wiring import Services, build
from bot.settings import Settings
from storage.kv import make_redis
from tests import workers
from tests.conftest import PG_URL, REDIS_URL
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.twilio_api import FakeTwilio
from tests.faults.harness import Processes, create_database, drop_database

FULL = os.environ.get("FAULTS_FULL") == "1"
_redis_dbs = itertools.cycle(workers.spare_redis_databases())  # not the rest of the suite's


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reason = "TEST_DATABASE_URL and TEST_REDIS_URL not set: run with scripts/test"
    for item in items:
        if "tests/faults/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.postgres)
            if not (PG_URL and REDIS_URL):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def migrated_template() -> Iterator[str]:
    """A database migrated to head once per test process, never connected to afterwards:
    each test's database is a copy of it."""
    assert PG_URL
    url = create_database(PG_URL)
    yield url
    drop_database(PG_URL, url)


@pytest.fixture
def db_url(migrated_template: str) -> Iterator[str]:
    """A database of its own for the test, migrated to head, dropped afterwards."""
    assert PG_URL
    url = create_database(PG_URL, template=migrated_template)
    yield url
    drop_database(PG_URL, url)


@pytest.fixture
def redis_url() -> Iterator[str]:
    """A Redis database number of its own, empty before and after the test."""
    assert REDIS_URL
    parts = urlsplit(REDIS_URL)
    url = urlunsplit(parts._replace(path=f"/{next(_redis_dbs)}"))
    client = make_redis(url)
    client.flushdb()
    yield url
    client.flushdb()
    client.close()


@pytest.fixture
def procs(tmp_path) -> Iterator[Processes]:
    processes = Processes(tmp_path)
    yield processes
    processes.close()


@pytest.fixture
def fake_tg() -> Iterator[FakeTelegram]:
    fake = FakeTelegram().start()
    yield fake
    fake.stop()


@pytest.fixture
def fake_twilio() -> Iterator[FakeTwilio]:
    fake = FakeTwilio().start()
    yield fake
    fake.stop()


def services_on(database_url: str, redis_url: str | None, **settings: object) -> Services:
    """The production wiring, in the test process, to seed and inspect the same stores."""
    return build(
        Settings(_env_file=None, database_url=database_url, redis_url=redis_url, **settings),
        migrate=False,
    )
