"""partial indexes on the rows still to handle (issue 12)

Revision ID: 0011_pending_index
Revises: 0010
Create Date: 2026-11-30 10:00:00

- inbound_queue: (channel, id) over the pending and working rows only: the claim reads the
  oldest due message of a channel from it, whatever the number of done rows.
- outbox: (id) over the pending and sending rows only, for the dispatcher's claim.

On PostgreSQL both are built CONCURRENTLY (outside the migration's transaction), so that
upgrading a database with a large outbox never blocks the webhooks' and the dispatcher's
writes while the index is built.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0011_pending_index'
down_revision: Union[str, Sequence[str], None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

INBOUND_DUE = sa.text("status IN ('pending', 'working')")
OUTBOX_DUE = sa.text("status IN ('pending', 'sending')")


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index(
            'ix_inbound_queue_due', 'inbound_queue', ['channel', 'id'],
            postgresql_where=INBOUND_DUE, sqlite_where=INBOUND_DUE,
            postgresql_concurrently=True,
        )
        op.create_index(
            'ix_outbox_due', 'outbox', ['id'],
            postgresql_where=OUTBOX_DUE, sqlite_where=OUTBOX_DUE,
            postgresql_concurrently=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index('ix_outbox_due', table_name='outbox', postgresql_concurrently=True)
        op.drop_index(
            'ix_inbound_queue_due', table_name='inbound_queue', postgresql_concurrently=True
        )
