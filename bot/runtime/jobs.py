"""What the clock does, one function per job. Each only queues notifications in the outbox
under a key that names its occasion, so a job run twice (or by two clocks) sends nothing
twice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from bot.services import ledger as ledger_service
from bot.services import orders as order_service
from bot.services.eta import moves_since
from bot.services.notifications import notify_admins, notify_many, notify_trader, traders_of
from bot.services.support import late_tickets
from bot.settings import Settings
from bot.text import formatting as fmt
from bot.text.values import Day, Fill, Lines, Message, Moment, Money, Volume
from domain.ports.unit_of_work import UnitOfWork

UowFactory = Callable[[], UnitOfWork]
PAYMENT_REMINDER_AFTER = timedelta(hours=24)
PROOF_WAIT = timedelta(hours=2)
RATE_STALE_AFTER = timedelta(hours=24)
KEEP_HISTORY = timedelta(days=30)


def fill_milestones(uow: UnitOfWork, now: datetime) -> int:
    """50 / 75 / 90 / 100 % of each collecting (or just filled) container, once per trader."""
    queued = 0
    with uow:
        for container in uow.containers.list_all():
            pct = container.milestone
            if pct is None:
                continue
            values = {
                "code": container.code,
                "pct": pct,
                "remaining": Volume(container.remaining_l),
            }
            traders = traders_of(uow, container.stored_id)
            key = f"milestone:{container.code}:{pct}"
            queued += notify_many(uow, traders, key, "notify.milestone", values, now)
        uow.commit()
    return queued


def payment_reminders(uow: UnitOfWork, now: datetime, settings: Settings) -> int:
    """24 h after a reservation without proof: the amount due now (the deposit, less any
    credit used), where to pay, the deadline."""
    queued = 0
    with uow:
        for order in uow.orders.reserved_before(now - PAYMENT_REMINDER_AFTER):
            if order.is_due_to_expire(now):
                continue
            values = {
                "number": order.number,
                "total": Money(ledger_service.money_of(uow, order).due_now_gnf),
                "momo": settings.mobile_money_number,
                "deadline": Moment(order.expires_at),
            }
            key = f"reminder:{order.id}"
            queued += notify_trader(
                uow, order.trader_id, key, "notify.payment_reminder", values, now
            )
        uow.commit()
    return queued


def expire_reservations(uow_factory: UowFactory, now: datetime) -> int:
    return len(order_service.expire_due(uow_factory(), now))


def proofs_waiting(uow: UnitOfWork, now: datetime) -> bool:
    """One reminder per two-hour window while proofs wait longer than two hours."""
    with uow:
        late = [p for p in uow.proofs.pending() if now - p.submitted_at > PROOF_WAIT]
        if not late:
            return False
        window = now.replace(minute=0, second=0, microsecond=0, hour=now.hour - now.hour % 2)
        values = {
            "count": len(late),
            "oldest": Moment(late[0].submitted_at),
        }
        queued = notify_admins(
            uow, f"proofs-waiting:{window.isoformat()}", "admin.proofs_waiting", values, now
        )
        uow.commit()
        return queued


def tickets_waiting(uow_factory: UowFactory, now: datetime) -> bool:
    """Like proofs: one reminder per two-hour window while a trader's ticket has waited
    more than two hours for an answer."""
    late = late_tickets(uow_factory(), now)
    if not late:
        return False
    window = now.replace(minute=0, second=0, microsecond=0, hour=now.hour - now.hour % 2)
    values = {
        "count": len(late),
        "tickets": ", ".join(ticket.number for _, ticket in late[:20]),
        "oldest": Moment(late[0][0]),
    }
    with uow_factory() as uow:
        key = f"tickets-waiting:{window.isoformat()}"
        queued = notify_admins(uow, key, "support.admin_reminder", values, now)
        uow.commit()
        return queued


def rate_staleness(uow: UnitOfWork, now: datetime) -> bool:
    """A warning, once per rate, when the CNY → GNF rate is older than 24 hours."""
    with uow:
        current = uow.pricing.current_rate()
        if current is None or now - current[1] < RATE_STALE_AFTER:
            return False
        rate, set_at = current
        values = {"rate": str(rate), "date": Moment(set_at)}
        queued = notify_admins(
            uow, f"rate-stale:{set_at.isoformat()}", "admin.rate_stale", values, now
        )
        uow.commit()
        return queued


def daily_digest(uow: UnitOfWork, now: datetime) -> bool:
    """08:00 Conakry: fill per open container, what waits, yesterday's billing and margin."""
    today = now.astimezone(fmt.CONAKRY).date()
    start = datetime.combine(today - timedelta(days=1), time(), tzinfo=fmt.CONAKRY)
    with uow:
        lines = [
            Message(
                "digest.container",
                {"code": c.code, "bar": Fill(c.fill_pct), "remaining": Volume(c.remaining_l)},
            )
            for c in uow.containers.open_for_orders()
        ]
        lines += eta_moves(uow, now)
        yesterday = [
            o
            for o in uow.orders.created_between(start, start + timedelta(days=1))
            if o.holds_volume
        ]
        waiting = len(uow.orders.reserved_before(now))
        pending = uow.proofs.pending()
        proofs = len(pending)
        undelivered = uow.outbox.failed_keys([f"proof:{p.id}" for p in pending])
        values = {
            "undelivered": len(undelivered),
            "date": today.strftime("%d/%m/%Y"),
            "containers": Lines(tuple(lines)),
            "orders_waiting": waiting,
            "proofs_waiting": proofs,
            "billed": Money(sum(o.total_gnf for o in yesterday)),
            "margin": Money(sum(o.margin_gnf for o in yesterday)),
            "count": len(yesterday),
        }
        queued = notify_admins(uow, f"digest:{today.isoformat()}", "admin.digest", values, now)
        uow.commit()
        return queued


def eta_moves(uow: UnitOfWork, now: datetime) -> list[Message]:
    """The digest's lines for the containers whose arrival date moved in the last 24 h."""
    lines = [
        Message(
            "eta.digest_line",
            {
                "code": container.code,
                "old": Day(old),
                "new": Day(last.new),
                "reason": last.reason,
            },
        )
        for container, old, last in moves_since(uow, now)
    ]
    return [Message("eta.digest_title"), *lines] if lines else []


def housekeeping(uow: UnitOfWork, now: datetime) -> dict[str, int]:
    with uow:
        purged = uow.housekeeping.purge(now - KEEP_HISTORY)
        uow.commit()
        return purged
