"""inbound queue and outbound status

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 16:22:03.167049

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """The webhook inbound queue and provider delivery statuses."""
    op.create_table('inbound_queue',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('message_id', sa.String(length=100), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbound_queue')),
    sa.UniqueConstraint('channel', 'message_id', name='uq_inbound_queue_channel_message_id')
    )
    with op.batch_alter_table('inbound_queue', schema=None) as batch_op:
        batch_op.create_index('ix_inbound_queue_status_next_attempt_at', ['status', 'next_attempt_at'], unique=False)

    op.create_table('outbound_status',
    sa.Column('sid', sa.String(length=64), nullable=False),
    sa.Column('recipient', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('error_code', sa.String(length=20), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sid', name=op.f('pk_outbound_status'))
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('outbound_status')
    with op.batch_alter_table('inbound_queue', schema=None) as batch_op:
        batch_op.drop_index('ix_inbound_queue_status_next_attempt_at')

    op.drop_table('inbound_queue')
