"""payment receipts

Revision ID: 0007
Revises: 0005
Create Date: 2026-11-28 09:00:00

- payment_receipts: one receipt per approved payment (payment_key unique), with the
  unguessable token of its verification page and PDF link, valid 30 days.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('payment_receipts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('payment_key', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('amount_gnf', sa.BigInteger(), nullable=False),
    sa.Column('remaining_due_gnf', sa.BigInteger(), nullable=False),
    sa.Column('reference', sa.String(length=64), nullable=True),
    sa.Column('paid_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('amount_gnf >= 0 AND remaining_due_gnf >= 0', name=op.f('ck_payment_receipts_non_negative_amounts')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_payment_receipts_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_receipts')),
    sa.UniqueConstraint('payment_key', name=op.f('uq_payment_receipts_payment_key')),
    sa.UniqueConstraint('token', name=op.f('uq_payment_receipts_token'))
    )
    with op.batch_alter_table('payment_receipts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_receipts_order_id'), ['order_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('payment_receipts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_receipts_order_id'))
    op.drop_table('payment_receipts')
