"""inbound queue: the sender (one sender's messages in order) and the lease's owner

Revision ID: 0012_inbound_sender
Revises: 0011_pending_index
Create Date: 2026-11-30 12:30:00

- sender: who wrote the message (WhatsApp's From); a message is claimable only when no
  earlier message of its sender is unfinished. Backfilled from the stored payload's From
  for the unfinished messages only (finished ones are never ordered again);
  NULL (no order kept by the queue) for Telegram updates, whose inbox orders a chat itself.
- lease_owner: the claim token holding a working row's lease; only it may renew, save or
  finish the row.
- ix_inbound_queue_sender_due: (channel, sender, id) over the pending and working rows, for
  the claim's "no earlier unfinished message of this sender"; built CONCURRENTLY on
  PostgreSQL, like 0011's.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0012_inbound_sender'
down_revision: Union[str, Sequence[str], None] = '0011_pending_index'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

INBOUND_DUE = sa.text("status IN ('pending', 'working')")
FROM = {
    'postgresql': "CAST(payload AS json) ->> 'From'",
    'sqlite': "json_extract(payload, '$.From')",
}


def upgrade() -> None:
    with op.batch_alter_table('inbound_queue', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sender', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('lease_owner', sa.String(length=32), nullable=True))
    sender = FROM[op.get_bind().dialect.name]
    # Only the unfinished rows (the claim's order looks at nothing else): the ADD COLUMN's
    # exclusive lock is held until this commits, so the history is not rewritten under it.
    op.execute(
        f"UPDATE inbound_queue SET sender = {sender} "
        f"WHERE channel = 'whatsapp' AND {INBOUND_DUE.text}"
    )
    with op.get_context().autocommit_block():  # like 0011: never blocks the webhooks' writes
        op.create_index(
            'ix_inbound_queue_sender_due', 'inbound_queue', ['channel', 'sender', 'id'],
            postgresql_where=INBOUND_DUE, sqlite_where=INBOUND_DUE,
            postgresql_concurrently=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index(
            'ix_inbound_queue_sender_due', table_name='inbound_queue',
            postgresql_concurrently=True,
        )
    with op.batch_alter_table('inbound_queue', schema=None) as batch_op:
        batch_op.drop_column('lease_owner')
        batch_op.drop_column('sender')
