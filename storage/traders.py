"""SQL storage of traders and their channel identities."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

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
