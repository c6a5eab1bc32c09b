"""inbox replies, outbox lease owner, unreadable attachments

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 09:00:00

- processed_messages.replies: what was answered to a handled message, replayed on a retry.
- outbox.lease_owner: the claim token of the dispatcher holding a row's lease.
- unreadable_attachments: files a trader sent for an order that are not a readable image.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('processed_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('replies', sa.Text(), nullable=True))
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lease_owner', sa.String(length=32), nullable=True))
    op.create_table('unreadable_attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_unreadable_attachments_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unreadable_attachments'))
    )
    with op.batch_alter_table('unreadable_attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unreadable_attachments_order_id'), ['order_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('unreadable_attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unreadable_attachments_order_id'))
    op.drop_table('unreadable_attachments')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('lease_owner')
    with op.batch_alter_table('processed_messages', schema=None) as batch_op:
        batch_op.drop_column('replies')
