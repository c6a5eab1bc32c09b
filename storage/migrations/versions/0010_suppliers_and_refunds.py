"""container cancellation, refunds and the supplier directory

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-01 09:00:00

- containers / container_stages: a new stage, annule (cancelled by the importer while
  collecting).
- ledger_entries: a new kind, refund (credit paid back by mobile money, negative).
- refund_requests: a trader's credit asked back, then paid with a mobile-money reference.
- suppliers: the supplier directory, one supplier per name and city.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0010'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OLD_STAGES = ('collecte', 'mer', 'port', 'livre')
NEW_STAGES = OLD_STAGES + ('annule',)
OLD_KINDS = ('remeasure_credit', 'credit_used', 'credit_restored', 'cancellation', 'adjustment')
NEW_KINDS = OLD_KINDS + ('refund',)
SUPPLIER_CATEGORIES = (
    'textile', 'chaussures', 'telephones', 'electronique', 'electromenager', 'cosmetiques',
    'meubles', 'quincaillerie', 'pieces_auto', 'jouets', 'alimentation', 'emballage', 'divers',
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _check(table: str, name: str, column: str, values: tuple[str, ...]) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.drop_constraint(op.f(f'ck_{table}_{name}'), type_='check')
        batch_op.create_check_constraint(op.f(f'ck_{table}_{name}'), _in(column, values))


def upgrade() -> None:
    _check('containers', 'stage', 'stage', NEW_STAGES)
    _check('container_stages', 'stage', 'stage', NEW_STAGES)
    _check('ledger_entries', 'entrykind', 'kind', NEW_KINDS)
    op.create_table('refund_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('trader_id', sa.Integer(), nullable=False),
    sa.Column('amount_gnf', sa.BigInteger(), nullable=False),
    sa.Column('status', sa.Enum('requested', 'paid', name='refundstatus', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reference', sa.String(length=64), nullable=True),
    sa.Column('paid_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('paid_by', sa.String(length=100), nullable=True),
    sa.CheckConstraint('amount_gnf > 0', name=op.f('ck_refund_requests_positive_refund')),
    sa.ForeignKeyConstraint(['trader_id'], ['traders.id'], name=op.f('fk_refund_requests_trader_id_traders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refund_requests'))
    )
    with op.batch_alter_table('refund_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_refund_requests_trader_id'), ['trader_id'], unique=False)
    op.create_table('suppliers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('city', sa.String(length=40), nullable=False),
    sa.Column('category', sa.Enum(*SUPPLIER_CATEGORIES, name='suppliercategory', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('wechat', sa.String(length=20), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('recommended', sa.Boolean(), nullable=False),
    sa.Column('photo', sa.LargeBinary(), nullable=True),
    sa.Column('name_key', sa.String(length=130), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('phone IS NOT NULL OR wechat IS NOT NULL', name=op.f('ck_suppliers_has_contact')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suppliers')),
    sa.UniqueConstraint('name_key', name=op.f('uq_suppliers_name_key'))
    )
    with op.batch_alter_table('suppliers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_suppliers_category'), ['category'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('suppliers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_suppliers_category'))
    op.drop_table('suppliers')
    with op.batch_alter_table('refund_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_refund_requests_trader_id'))
    op.drop_table('refund_requests')
    op.execute(f"DELETE FROM ledger_entries WHERE NOT ({_in('kind', OLD_KINDS)})")
    _check('ledger_entries', 'entrykind', 'kind', OLD_KINDS)
    op.execute(f"DELETE FROM container_stages WHERE NOT ({_in('stage', OLD_STAGES)})")
    _check('container_stages', 'stage', 'stage', OLD_STAGES)
    op.execute(f"UPDATE containers SET stage = 'livre' WHERE NOT ({_in('stage', OLD_STAGES)})")
    _check('containers', 'stage', 'stage', OLD_STAGES)
