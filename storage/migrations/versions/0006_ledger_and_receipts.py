"""ledger and warehouse receipts

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 09:00:00

- orders: new statuses (received, adjusted, contested, loaded); deposit_gnf, the amount due
  at order time (existing orders: their total).
- payment_proofs: kind (full, deposit, balance, difference) and amount_gnf (existing proofs:
  full, for the order's total).
- ledger_entries: each trader's append-only ledger, one entry per idempotency key.
- warehouse_receipts: goods measured at the warehouse, one receipt per order.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OLD_STATUSES = ('reserved', 'proof_submitted', 'paid', 'expired', 'cancelled')
NEW_STATUSES = OLD_STATUSES + ('received', 'adjusted', 'contested', 'loaded')
PROOF_KINDS = ('full', 'deposit', 'balance', 'difference')
ENTRY_KINDS = (
    'remeasure_credit', 'credit_used', 'credit_restored', 'cancellation', 'adjustment'
)
RECEIPT_STATUSES = ('done', 'awaiting', 'accepted', 'contested', 'extra_refused')


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _status_check(values: tuple[str, ...]) -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_orders_orderstatus'), type_='check')
        batch_op.create_check_constraint(op.f('ck_orders_orderstatus'), _in('status', values))


def upgrade() -> None:
    _status_check(NEW_STATUSES)
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deposit_gnf', sa.BigInteger(), nullable=True))
    op.execute('UPDATE orders SET deposit_gnf = total_gnf')
    with op.batch_alter_table('payment_proofs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), server_default='full', nullable=False))
        batch_op.add_column(sa.Column('amount_gnf', sa.BigInteger(), nullable=True))
        batch_op.create_check_constraint(op.f('ck_payment_proofs_proofkind'), _in('kind', PROOF_KINDS))
    op.execute(
        'UPDATE payment_proofs SET amount_gnf = '
        '(SELECT orders.total_gnf FROM orders WHERE orders.id = payment_proofs.order_id)'
    )
    op.create_table('ledger_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('trader_id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('amount_gnf', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.Enum(*ENTRY_KINDS, name='entrykind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('amount_gnf <> 0', name=op.f('ck_ledger_entries_non_zero_amount')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_ledger_entries_order_id_orders')),
    sa.ForeignKeyConstraint(['trader_id'], ['traders.id'], name=op.f('fk_ledger_entries_trader_id_traders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entries')),
    sa.UniqueConstraint('key', name='uq_ledger_entries_key')
    )
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_entries_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_entries_trader_id'), ['trader_id'], unique=False)
    op.create_table('warehouse_receipts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('previous_l', sa.Integer(), nullable=False),
    sa.Column('measured_l', sa.Integer(), nullable=False),
    sa.Column('previous_total_gnf', sa.BigInteger(), nullable=False),
    sa.Column('new_total_gnf', sa.BigInteger(), nullable=False),
    sa.Column('status', sa.Enum(*RECEIPT_STATUSES, name='receiptstatus', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('cartons', sa.Integer(), nullable=True),
    sa.Column('photo', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('measured_l > 0', name=op.f('ck_warehouse_receipts_positive_measure')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_warehouse_receipts_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_warehouse_receipts')),
    sa.UniqueConstraint('order_id', name='uq_warehouse_receipts_order_id')
    )


def downgrade() -> None:
    op.drop_table('warehouse_receipts')
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_entries_trader_id'))
        batch_op.drop_index(batch_op.f('ix_ledger_entries_order_id'))
    op.drop_table('ledger_entries')
    with op.batch_alter_table('payment_proofs', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_payment_proofs_proofkind'), type_='check')
        batch_op.drop_column('amount_gnf')
        batch_op.drop_column('kind')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('deposit_gnf')
    op.execute(f"DELETE FROM orders WHERE NOT ({_in('status', OLD_STATUSES)})")
    _status_check(OLD_STATUSES)
