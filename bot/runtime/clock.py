"""`python -m bot clock`: APScheduler runs the jobs; a Redis lock per job keeps a second
clock started by mistake from running any job at the same time (and the outbox keys make a
job run twice harmless anyway). In the embedded default the jobs run in-process.

The every-minute jobs also run as soon as the clock starts: a clock restarted after a crash
or a deploy catches up at once, and one that restarts more often than every minute still
does its work."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.blocking import BlockingScheduler

from bot.runtime import jobs
from bot.runtime.infrastructure import Services
from bot.text.formatting import CONAKRY

log = logging.getLogger(__name__)
EVERY_MINUTE = 60
DIGEST_HOUR = 8


def job_table(services: Services) -> dict[str, Callable[[], object]]:
    uow, clock, settings = services.uow_factory, services.clock, services.settings
    return {
        "fill_milestones": lambda: jobs.fill_milestones(uow(), clock()),
        "payment_reminders": lambda: jobs.payment_reminders(uow(), clock(), settings),
        "expire_reservations": lambda: jobs.expire_reservations(uow, clock()),
        "proofs_waiting": lambda: jobs.proofs_waiting(uow(), clock()),
        "tickets_waiting": lambda: jobs.tickets_waiting(uow, clock()),
        "rate_staleness": lambda: jobs.rate_staleness(uow(), clock()),
        "daily_digest": lambda: jobs.daily_digest(uow(), clock()),
        "housekeeping": lambda: jobs.housekeeping(uow(), clock()),
    }


def guarded(services: Services, name: str, job: Callable[[], object]) -> Callable[[], None]:
    """Run `job` only if no other clock is running it; never let it kill the scheduler."""

    def run() -> None:
        try:
            with services.locks.hold(f"clock:{name}", wait_s=0):
                result = job()
                # Every minute: only a job that did something is worth a line at INFO.
                log.log(logging.INFO if result else logging.DEBUG, "job %s: %s", name, result)
        except TimeoutError:
            log.debug("job %s is running elsewhere: skipped", name)
        except Exception:
            log.exception("job %s failed", name)

    return run


def schedule(scheduler: BlockingScheduler | BackgroundScheduler, services: Services) -> None:
    table = job_table(services)
    for name in (
        "fill_milestones",
        "payment_reminders",
        "expire_reservations",
        "proofs_waiting",
        "tickets_waiting",
        "rate_staleness",
    ):
        scheduler.add_job(
            guarded(services, name, table[name]),
            "interval",
            seconds=EVERY_MINUTE,
            next_run_time=datetime.now(CONAKRY),
            id=name,
            coalesce=True,
            max_instances=1,
        )
    scheduler.add_job(
        guarded(services, "daily_digest", table["daily_digest"]),
        "cron",
        hour=DIGEST_HOUR,
        minute=0,
        id="daily_digest",
        coalesce=True,
    )
    scheduler.add_job(
        guarded(services, "housekeeping", table["housekeeping"]),
        "interval",
        hours=1,
        id="housekeeping",
        coalesce=True,
    )


def run_clock(services: Services) -> None:
    scheduler = BlockingScheduler(timezone=CONAKRY)
    schedule(scheduler, services)
    log.info("clock started: %s", ", ".join(job.id for job in scheduler.get_jobs()))
    scheduler.start()


def start_in_process(services: Services) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone=CONAKRY)
    schedule(scheduler, services)
    scheduler.start()
    return scheduler
