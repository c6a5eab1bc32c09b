"""SQL implementations of the domain's repositories."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import case, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain.containers import Container, Stage
from domain.errors import (
    ContainerClosed,
    ContainerFull,
    DuplicateRequest,
    StageTransitionError,
)
from domain.orders import Order, OrderStatus
from domain.pricing import Category, Tariff
from domain.proofs import PaymentProof, ProofStatus, UnreadableAttachment
from domain.traders import ChannelIdentity, Language, Trader
from storage import orm


class SqlTraderRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, trader_id: int) -> Trader | None:
        return self.session.get(Trader, trader_id)

    def by_phone(self, phone: str) -> Trader | None:
        return self.session.scalars(select(Trader).where(orm.traders.c.phone == phone)).first()

    def by_identity(self, channel: str, user_ref: str) -> Trader | None:
        query = (
            select(Trader)
            .join(orm.channel_identities, orm.channel_identities.c.trader_id == orm.traders.c.id)
            .where(
                orm.channel_identities.c.channel == channel,
                orm.channel_identities.c.user_ref == user_ref,
            )
        )
        return self.session.scalars(query).first()

    def add(self, trader: Trader) -> Trader:
        self.session.add(trader)
        self.session.flush()
        return trader

    def link(self, identity: ChannelIdentity) -> None:
        self.session.add(identity)
        self.session.flush()

    def identities(self, trader_id: int) -> list[ChannelIdentity]:
        query = select(ChannelIdentity).where(orm.channel_identities.c.trader_id == trader_id)
        return list(self.session.scalars(query))

    def chats_of(self, trader_ids: set[int]) -> list[tuple[int, str, str, str]]:
        """(trader id, channel, user_ref, language) of every chat of these traders."""
        ids = orm.channel_identities
        query = (
            select(ids.c.trader_id, ids.c.channel, ids.c.user_ref, orm.traders.c.language)
            .join(orm.traders, orm.traders.c.id == ids.c.trader_id)
            .where(ids.c.trader_id.in_(sorted(trader_ids)))
            .order_by(ids.c.trader_id, ids.c.id)
        )
        return [
            (row.trader_id, row.channel, row.user_ref, Language(row.language).value)
            for row in self.session.execute(query)
        ]

    def all_ids(self) -> list[int]:
        return list(self.session.scalars(select(orm.traders.c.id).order_by(orm.traders.c.id)))


class SqlContainerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, container_id: int) -> Container | None:
        return self.session.get(Container, container_id)

    def by_code(self, code: str) -> Container | None:
        query = select(Container).where(orm.containers.c.code == code.strip().upper())
        return self.session.scalars(query).first()

    def open_for_orders(self) -> list[Container]:
        query = (
            select(Container)
            .where(orm.containers.c.stage == Stage.COLLECTE)
            .order_by(orm.containers.c.id)
        )
        return list(self.session.scalars(query))

    def list_all(self) -> list[Container]:
        return list(self.session.scalars(select(Container).order_by(orm.containers.c.id)))

    def add(self, container: Container) -> Container:
        try:
            with self.session.begin_nested():
                self.session.add(container)
        except IntegrityError as exc:
            raise DuplicateRequest(container.code) from exc
        return container

    def next_sequence(self, year: int) -> int:
        prefix = f"TD-{year}-"
        query = select(func.count()).where(orm.containers.c.code.startswith(prefix))
        return int(self.session.scalar(query) or 0) + 1

    def reserve(self, container: Container, volume_l: int, now: datetime) -> bool:
        """Take volume atomically; returns True when this reservation filled the container.

        One conditional UPDATE does the check and the write: on PostgreSQL a concurrent
        reservation of the same row waits for the row lock and then re-evaluates the WHERE
        clause against the committed row (READ COMMITTED), so two bookings can never both
        take the last litres. The CHECK constraint on the table is the backstop.
        """
        table = orm.containers
        new_used = table.c.used_l + volume_l
        fills = new_used == table.c.capacity_l
        statement = (
            update(table)
            .where(
                table.c.id == container.id,
                table.c.stage == Stage.COLLECTE,
                new_used <= table.c.capacity_l,
            )
            .values(
                used_l=new_used,
                stage=case((fills, Stage.MER.value), else_=table.c.stage),
                stage_changed_at=case((fills, now), else_=table.c.stage_changed_at),
            )
            .returning(table.c.used_l, table.c.stage)
        )
        row = self.session.execute(statement).first()
        self.session.refresh(container)
        if row is None:
            if container.stage is not Stage.COLLECTE:
                raise ContainerClosed(container.code)
            raise ContainerFull(container.remaining_l, container.code)
        return Stage(row.stage) is Stage.MER

    def release(self, container: Container, volume_l: int) -> None:
        table = orm.containers
        self.session.execute(
            update(table).where(table.c.id == container.id).values(used_l=table.c.used_l - volume_l)
        )
        self.session.refresh(container)

    def cancel(self, container: Container, now: datetime) -> bool:
        """Collecte -> annule, compare-and-set: the first of two admins (or of a retry)
        cancels it; the others change nothing and read False. A reservation in flight holds
        the row until it commits, so the orders read after this see it."""
        table = orm.containers
        result = self.session.execute(
            update(table)
            .where(table.c.id == container.id, table.c.stage == Stage.COLLECTE)
            .values(stage=Stage.ANNULE, stage_changed_at=now)
        )
        self.session.refresh(container)
        return result.rowcount == 1

    def advance(self, container: Container, now: datetime) -> Stage:
        """Move to the next stage, compare-and-set so two admins cannot skip a stage."""
        current = container.stage
        target = current.next
        if target is None:
            raise StageTransitionError(f"{container.code} is already {current}")
        table = orm.containers
        result = self.session.execute(
            update(table)
            .where(table.c.id == container.id, table.c.stage == current)
            .values(stage=target, stage_changed_at=now)
        )
        self.session.refresh(container)
        if result.rowcount != 1:
            raise StageTransitionError(f"{container.code} moved meanwhile")
        return target

    def record_stage(self, container: Container, actor: str, now: datetime) -> None:
        self.session.execute(
            insert(orm.container_stages).values(
                container_id=container.id, stage=container.stage, at=now, actor=actor
            )
        )


class SqlOrderRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, order: Order) -> Order:
        try:
            with self.session.begin_nested():
                self.session.add(order)
        except IntegrityError as exc:
            if "request_key" in str(exc.orig):
                raise DuplicateRequest(order.request_key) from exc
            raise
        return order

    def get(self, order_id: int, *, for_update: bool = False) -> Order | None:
        if for_update:
            return self.session.get(Order, order_id, with_for_update=True, populate_existing=True)
        return self.session.get(Order, order_id)

    def by_request_key(self, request_key: str) -> Order | None:
        query = select(Order).where(orm.orders.c.request_key == request_key)
        return self.session.scalars(query).first()

    def for_trader(self, trader_id: int) -> list[Order]:
        query = (
            select(Order)
            .where(orm.orders.c.trader_id == trader_id)
            .order_by(orm.orders.c.id.desc())
        )
        return list(self.session.scalars(query))

    def for_container(self, container_id: int) -> list[Order]:
        query = (
            select(Order).where(orm.orders.c.container_id == container_id).order_by(orm.orders.c.id)
        )
        return list(self.session.scalars(query))

    def lock_for_container(self, container_id: int) -> list[Order]:
        """Every order of a container, locked until commit (in id order, like every other
        order lock) and read as committed: the first read of these rows in the session."""
        query = (
            select(Order)
            .where(orm.orders.c.container_id == container_id)
            .order_by(orm.orders.c.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        return list(self.session.scalars(query))

    def reserved_before(self, moment: datetime, limit: int = 1000) -> list[Order]:
        """Reservations still waiting for a proof, made before `moment`."""
        query = (
            select(Order)
            .where(orm.orders.c.status == OrderStatus.RESERVED, orm.orders.c.created_at <= moment)
            .order_by(orm.orders.c.id)
            .limit(limit)
        )
        return list(self.session.scalars(query))

    def created_between(self, start: datetime, end: datetime) -> list[Order]:
        table = orm.orders
        query = select(Order).where(table.c.created_at >= start, table.c.created_at < end)
        return list(self.session.scalars(query))

    def due_to_expire(self, now: datetime, limit: int = 500) -> list[int]:
        query = (
            select(orm.orders.c.id)
            .where(orm.orders.c.status == OrderStatus.RESERVED, orm.orders.c.expires_at <= now)
            .order_by(orm.orders.c.expires_at)
            .limit(limit)
        )
        return list(self.session.scalars(query))


class SqlProofRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, proof: PaymentProof) -> PaymentProof:
        self.session.add(proof)
        self.session.flush()
        return proof

    def get(self, proof_id: int, *, for_update: bool = False) -> PaymentProof | None:
        if for_update:
            return self.session.get(
                PaymentProof, proof_id, with_for_update=True, populate_existing=True
            )
        return self.session.get(PaymentProof, proof_id)

    def pending_for_order(self, order_id: int) -> PaymentProof | None:
        table = orm.payment_proofs
        query = select(PaymentProof).where(
            table.c.order_id == order_id, table.c.status == ProofStatus.PENDING
        )
        return self.session.scalars(query).first()

    def _orders_where(self, *conditions: object) -> list[int]:
        table = orm.payment_proofs
        query = select(table.c.order_id).where(*conditions).distinct()  # type: ignore[arg-type]
        return sorted(self.session.scalars(query))

    def orders_with_image(self, sha256: str) -> list[int]:
        return self._orders_where(orm.payment_proofs.c.sha256 == sha256)

    def orders_with_reference(self, reference: str) -> list[int]:
        return self._orders_where(orm.payment_proofs.c.reference == reference)

    def paid_for_order(self, order_id: int) -> list[int]:
        """The amounts of the approved payments of an order (a proof from before payment
        kinds counts for the order's total at order time)."""
        proofs, orders = orm.payment_proofs, orm.orders
        amount = func.coalesce(proofs.c.amount_gnf, orders.c.deposit_gnf, orders.c.total_gnf)
        query = (
            select(amount)
            .join(orders, orders.c.id == proofs.c.order_id)
            .where(proofs.c.order_id == order_id, proofs.c.status == ProofStatus.APPROVED)
        )
        return [int(value) for value in self.session.scalars(query)]

    def pending(self) -> list[PaymentProof]:
        table = orm.payment_proofs
        query = (
            select(PaymentProof)
            .where(table.c.status == ProofStatus.PENDING)
            .order_by(table.c.submitted_at)
        )
        return list(self.session.scalars(query))

    def add_attachment(self, attachment: UnreadableAttachment) -> int:
        result = self.session.execute(
            insert(orm.unreadable_attachments).values(
                order_id=attachment.order_id,
                reason=attachment.reason,
                size=attachment.size,
                content=attachment.content,
                received_at=attachment.received_at,
            )
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def attachments_for_order(self, order_id: int) -> list[UnreadableAttachment]:
        table = orm.unreadable_attachments
        query = select(table).where(table.c.order_id == order_id).order_by(table.c.id)
        return [
            UnreadableAttachment(row.order_id, row.reason, row.size, row.received_at, row.content)
            for row in self.session.execute(query)
        ]


class SqlPricingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _latest(self, table: orm.Table, column: str) -> tuple[Decimal, datetime] | None:
        query = select(table.c[column], table.c.set_at).order_by(table.c.id.desc()).limit(1)
        row = self.session.execute(query).first()
        return None if row is None else (row[0], row[1])

    def current_rate(self) -> tuple[Decimal, datetime] | None:
        return self._latest(orm.exchange_rates, "rate")

    def current_commission(self) -> tuple[Decimal, datetime] | None:
        return self._latest(orm.commission_rates, "pct")

    def current_tariff(self, category: Category) -> Tariff | None:
        table = orm.tariffs
        query = (
            select(table.c.client_per_cbm, table.c.real_per_cbm, table.c.set_at)
            .where(table.c.category == category)
            .order_by(table.c.id.desc())
            .limit(1)
        )
        row = self.session.execute(query).first()
        return None if row is None else Tariff(category, row[0], row[1], row[2])

    def add_rate(self, rate: Decimal, actor: str, now: datetime) -> None:
        self.session.execute(insert(orm.exchange_rates).values(rate=rate, set_at=now, set_by=actor))

    def add_commission(self, pct: Decimal, actor: str, now: datetime) -> None:
        self.session.execute(insert(orm.commission_rates).values(pct=pct, set_at=now, set_by=actor))

    def add_tariff(self, tariff: Tariff, actor: str) -> None:
        self.session.execute(
            insert(orm.tariffs).values(
                category=tariff.category,
                client_per_cbm=tariff.client_per_cbm,
                real_per_cbm=tariff.real_per_cbm,
                set_at=tariff.set_at,
                set_by=actor,
            )
        )


class SqlAuditLog:
    def __init__(self, session: Session) -> None:
        self.session = session

    def record(self, actor: str, action: str, detail: dict[str, object], now: datetime) -> None:
        self.session.execute(
            insert(orm.audit_log).values(
                at=now, actor=actor, action=action, detail=json.dumps(detail, default=str)
            )
        )


class SqlInbox:
    def __init__(self, session: Session) -> None:
        self.session = session

    def replies(self, channel: str, message_id: str) -> list[dict] | None:
        """What was answered to this message; None when it was not handled yet."""
        table = orm.processed_messages
        query = select(table.c.replies).where(
            table.c.channel == channel, table.c.message_id == message_id
        )
        row = self.session.execute(query).first()
        if row is None:
            return None
        return json.loads(row.replies) if row.replies else []  # rows from before 0004: []

    def mark(self, channel: str, message_id: str, now: datetime, replies: list[dict]) -> None:
        """The handled mark and the answer, in one row: one write, never one without the other."""
        try:
            with self.session.begin_nested():
                self.session.execute(
                    insert(orm.processed_messages).values(
                        channel=channel, message_id=message_id, at=now, replies=json.dumps(replies)
                    )
                )
        except IntegrityError:
            pass  # marked by a concurrent delivery of the same message: the goal is met


CLAIMABLE = ("pending", "working")
STATUS_ORDER = {
    "accepted": 0,
    "queued": 1,
    "sending": 2,
    "sent": 3,
    "delivered": 4,
    "read": 5,
    "undelivered": 6,
    "failed": 6,
}


class SqlInboundQueue:
    def __init__(self, session: Session) -> None:
        self.session = session

    def enqueue(self, channel: str, message_id: str, payload: dict, now: datetime) -> bool:
        """Store an inbound message once; False when this id was already stored."""
        try:
            with self.session.begin_nested():
                self.session.execute(
                    insert(orm.inbound_queue).values(
                        channel=channel,
                        message_id=message_id,
                        payload=json.dumps(payload),
                        status="pending",
                        attempts=0,
                        received_at=now,
                        next_attempt_at=now,
                    )
                )
        except IntegrityError:
            return False
        return True

    def claim(
        self, now: datetime, lease: timedelta, channel: str
    ) -> tuple[int, str, dict, int] | None:
        """Take the oldest due message of `channel` for `lease`; a worker that dies lets it
        fall due again. SKIP LOCKED lets several workers on PostgreSQL claim different ones."""
        table = orm.inbound_queue
        query = (
            select(table.c.id, table.c.channel, table.c.payload, table.c.attempts)
            .where(
                table.c.channel == channel,
                table.c.status.in_(CLAIMABLE),
                table.c.next_attempt_at <= now,
            )
            .order_by(table.c.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        row = self.session.execute(query).first()
        if row is None:
            return None
        self.session.execute(
            update(table)
            .where(table.c.id == row.id)
            .values(status="working", attempts=row.attempts + 1, next_attempt_at=now + lease)
        )
        return row.id, row.channel, json.loads(row.payload), row.attempts + 1

    def finish(
        self, item_id: int, status: str, error: str | None = None, retry_at: datetime | None = None
    ) -> None:
        values: dict[str, object] = {"status": status, "last_error": error}
        if retry_at is not None:
            values["next_attempt_at"] = retry_at
        table = orm.inbound_queue
        self.session.execute(update(table).where(table.c.id == item_id).values(**values))

    def extend(self, item_ids: list[int], until: datetime) -> None:
        """Renew the lease of messages still being worked on."""
        if not item_ids:
            return
        table = orm.inbound_queue
        self.session.execute(
            update(table)
            .where(table.c.id.in_(item_ids), table.c.status == "working")
            .values(next_attempt_at=until)
        )

    def save_payload(self, item_id: int, payload: dict) -> None:
        table = orm.inbound_queue
        self.session.execute(
            update(table).where(table.c.id == item_id).values(payload=json.dumps(payload))
        )


class SqlDeliveryLog:
    def __init__(self, session: Session) -> None:
        self.session = session

    def sent(self, sid: str, recipient: str, status: str, now: datetime) -> None:
        self.session.execute(
            insert(orm.outbound_status).values(
                sid=sid, recipient=recipient, status=status, updated_at=now
            )
        )

    def update(self, sid: str, status: str, error_code: str | None, now: datetime) -> str | None:
        """Move `sid` forward to `status`; returns the recipient when it moved, else None."""
        table = orm.outbound_status
        row = self.session.execute(
            select(table.c.status, table.c.recipient).where(table.c.sid == sid).with_for_update()
        ).first()
        if row is None or STATUS_ORDER.get(status, -1) <= STATUS_ORDER.get(row.status, -1):
            return None
        self.session.execute(
            update(table)
            .where(table.c.sid == sid)
            .values(status=status, error_code=error_code, updated_at=now)
        )
        return row.recipient


class SqlOutbox:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_many(self, rows: list[dict], now: datetime) -> int:
        """Queue many messages in one statement; keys already queued are skipped."""
        if not rows:
            return 0
        dialect = self.session.get_bind().dialect.name
        insert_for = postgresql_insert if dialect == "postgresql" else sqlite_insert
        values = [
            {
                **row,
                "payload": json.dumps(row["payload"], default=str),
                "status": "pending",
                "attempts": 0,
                "created_at": now,
                "next_attempt_at": now,
            }
            for row in rows
        ]
        statement = insert_for(orm.outbox).on_conflict_do_nothing(index_elements=["key"])
        result = self.session.execute(statement, values)
        return max(result.rowcount, 0) if result.rowcount is not None else len(rows)

    def claim(
        self, now: datetime, channels: list[str], lease: timedelta, limit: int, owner: str
    ) -> list[dict]:
        """Due messages for these channels, leased to `owner` until now + lease. SKIP LOCKED
        lets several dispatchers on PostgreSQL share the work; the conditional UPDATE (still
        due when written) keeps a row from being leased to two owners on any database."""
        table = orm.outbox
        due = (
            table.c.status.in_(("pending", "sending")),
            table.c.next_attempt_at <= now,
            table.c.channel.in_(channels),
        )
        query = select(table.c.id).where(*due).order_by(table.c.id).limit(limit)
        ids = list(self.session.scalars(query.with_for_update(skip_locked=True)))
        if not ids:
            return []
        self.session.execute(
            update(table)
            .where(table.c.id.in_(ids), *due)
            .values(
                status="sending",
                attempts=table.c.attempts + 1,
                next_attempt_at=now + lease,
                lease_owner=owner,
            )
        )
        held = select(table).where(table.c.id.in_(ids), table.c.lease_owner == owner)
        rows = self.session.execute(held.order_by(table.c.id)).all()
        return [{**row._mapping, "payload": json.loads(row.payload)} for row in rows]

    def _held(self, owner: str) -> tuple:
        table = orm.outbox
        return table.c.lease_owner == owner, table.c.status == "sending"

    def renew(self, item_ids: list[int], owner: str, until: datetime) -> set[int]:
        """Extend the lease of the rows `owner` still holds; returns their ids."""
        if not item_ids:
            return set()
        table = orm.outbox
        self.session.execute(
            update(table)
            .where(table.c.id.in_(item_ids), *self._held(owner))
            .values(next_attempt_at=until)
        )
        query = select(table.c.id).where(table.c.id.in_(item_ids), *self._held(owner))
        return set(self.session.scalars(query))

    def finish(
        self,
        item_id: int,
        owner: str,
        status: str,
        now: datetime,
        error: str | None = None,
        retry_at: datetime | None = None,
    ) -> bool:
        """Record the outcome, only for the lease holder; False (nothing changed) otherwise."""
        values: dict[str, object] = {"status": status, "last_error": error, "lease_owner": None}
        if status == "sent":
            values["sent_at"] = now
        if retry_at is not None:
            values["next_attempt_at"] = retry_at
        table = orm.outbox
        statement = update(table).where(table.c.id == item_id, *self._held(owner)).values(**values)
        return self.session.execute(statement).rowcount == 1

    def failed_keys(self, keys: list[str]) -> set[str]:
        """Which of these messages were given up on (delivery failed for good)."""
        if not keys:
            return set()
        table = orm.outbox
        query = select(table.c.key).where(table.c.key.in_(keys), table.c.status == "failed")
        return set(self.session.scalars(query))

    def counts(self) -> dict[str, int]:
        table = orm.outbox
        rows = self.session.execute(select(table.c.status, func.count()).group_by(table.c.status))
        return {status: count for status, count in rows}


class SqlHousekeeping:
    def __init__(self, session: Session) -> None:
        self.session = session

    def purge(self, before: datetime) -> dict[str, int]:
        """Forget handled message ids, finished inbound messages and sent notifications."""
        purged = {}
        for name, table, condition in (
            ("processed_messages", orm.processed_messages, orm.processed_messages.c.at < before),
            (
                "inbound_queue",
                orm.inbound_queue,
                (orm.inbound_queue.c.status == "done") & (orm.inbound_queue.c.received_at < before),
            ),
            (
                "outbox",
                orm.outbox,
                (orm.outbox.c.status == "sent") & (orm.outbox.c.created_at < before),
            ),
        ):
            purged[name] = self.session.execute(table.delete().where(condition)).rowcount
        return purged
