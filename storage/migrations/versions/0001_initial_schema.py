"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 15:28:21.513585

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Every table of the first release."""
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('commission_rates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pct', sa.String(length=40), nullable=False),
    sa.Column('set_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('set_by', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commission_rates'))
    )
    op.create_table('containers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('capacity_l', sa.Integer(), nullable=False),
    sa.Column('used_l', sa.Integer(), nullable=False),
    sa.Column('stage', sa.Enum('collecte', 'mer', 'port', 'livre', name='stage', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('stage_changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('capacity_l > 0', name=op.f('ck_containers_positive_capacity')),
    sa.CheckConstraint('used_l >= 0 AND used_l <= capacity_l', name=op.f('ck_containers_fill_within_capacity')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_containers')),
    sa.UniqueConstraint('code', name=op.f('uq_containers_code'))
    )
    with op.batch_alter_table('containers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_containers_stage'), ['stage'], unique=False)

    op.create_table('exchange_rates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rate', sa.String(length=40), nullable=False),
    sa.Column('set_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('set_by', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_rates'))
    )
    op.create_table('processed_messages',
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('message_id', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('channel', 'message_id', name=op.f('pk_processed_messages'))
    )
    with op.batch_alter_table('processed_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processed_messages_at'), ['at'], unique=False)

    op.create_table('tariffs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category', sa.Enum('electronique', 'textile', 'divers', name='category', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('client_per_cbm', sa.BigInteger(), nullable=False),
    sa.Column('real_per_cbm', sa.BigInteger(), nullable=False),
    sa.Column('set_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('set_by', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tariffs'))
    )
    with op.batch_alter_table('tariffs', schema=None) as batch_op:
        batch_op.create_index('ix_tariffs_category_set_at', ['category', 'set_at'], unique=False)

    op.create_table('traders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('language', sa.Enum('fr', 'en', name='language', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_traders')),
    sa.UniqueConstraint('phone', name=op.f('uq_traders_phone'))
    )
    op.create_table('channel_identities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('user_ref', sa.String(length=100), nullable=False),
    sa.Column('trader_id', sa.Integer(), nullable=False),
    sa.Column('linked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['trader_id'], ['traders.id'], name=op.f('fk_channel_identities_trader_id_traders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_channel_identities')),
    sa.UniqueConstraint('channel', 'user_ref', name='uq_channel_identities_channel_user_ref')
    )
    with op.batch_alter_table('channel_identities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_channel_identities_trader_id'), ['trader_id'], unique=False)

    op.create_table('container_stages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('container_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.Enum('collecte', 'mer', 'port', 'livre', name='stage', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['container_id'], ['containers.id'], name=op.f('fk_container_stages_container_id_containers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_container_stages'))
    )
    with op.batch_alter_table('container_stages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_container_stages_container_id'), ['container_id'], unique=False)

    op.create_table('orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('trader_id', sa.Integer(), nullable=False),
    sa.Column('container_id', sa.Integer(), nullable=False),
    sa.Column('request_key', sa.String(length=64), nullable=False),
    sa.Column('category', sa.Enum('electronique', 'textile', 'divers', name='category', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('volume_l', sa.Integer(), nullable=False),
    sa.Column('price_fen', sa.BigInteger(), nullable=False),
    sa.Column('rate', sa.String(length=40), nullable=False),
    sa.Column('rate_set_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('commission_pct', sa.String(length=40), nullable=False),
    sa.Column('commission_set_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('client_tariff', sa.BigInteger(), nullable=False),
    sa.Column('real_tariff', sa.BigInteger(), nullable=False),
    sa.Column('tariff_set_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('goods_gnf', sa.BigInteger(), nullable=False),
    sa.Column('commission_gnf', sa.BigInteger(), nullable=False),
    sa.Column('logistics_gnf', sa.BigInteger(), nullable=False),
    sa.Column('total_gnf', sa.BigInteger(), nullable=False),
    sa.Column('real_cost_gnf', sa.BigInteger(), nullable=False),
    sa.Column('margin_gnf', sa.BigInteger(), nullable=False),
    sa.Column('status', sa.Enum('reserved', 'proof_submitted', 'paid', 'expired', 'cancelled', name='orderstatus', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('price_fen >= 0', name=op.f('ck_orders_non_negative_price')),
    sa.CheckConstraint('total_gnf = goods_gnf + commission_gnf + logistics_gnf', name=op.f('ck_orders_total_is_sum')),
    sa.CheckConstraint('volume_l > 0', name=op.f('ck_orders_positive_volume')),
    sa.ForeignKeyConstraint(['container_id'], ['containers.id'], name=op.f('fk_orders_container_id_containers')),
    sa.ForeignKeyConstraint(['trader_id'], ['traders.id'], name=op.f('fk_orders_trader_id_traders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_orders')),
    sa.UniqueConstraint('request_key', name=op.f('uq_orders_request_key'))
    )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_orders_container_id'), ['container_id'], unique=False)
        batch_op.create_index('ix_orders_status_expires_at', ['status', 'expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_trader_id'), ['trader_id'], unique=False)

    op.create_table('payment_proofs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('mime', sa.String(length=20), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=64), nullable=True),
    sa.Column('status', sa.Enum('pending', 'approved', 'rejected', name='proofstatus', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by', sa.String(length=100), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_payment_proofs_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_proofs'))
    )
    with op.batch_alter_table('payment_proofs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_proofs_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_proofs_reference'), ['reference'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_proofs_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_proofs_status'), ['status'], unique=False)



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('payment_proofs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_proofs_status'))
        batch_op.drop_index(batch_op.f('ix_payment_proofs_sha256'))
        batch_op.drop_index(batch_op.f('ix_payment_proofs_reference'))
        batch_op.drop_index(batch_op.f('ix_payment_proofs_order_id'))

    op.drop_table('payment_proofs')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_orders_trader_id'))
        batch_op.drop_index('ix_orders_status_expires_at')
        batch_op.drop_index(batch_op.f('ix_orders_container_id'))

    op.drop_table('orders')
    with op.batch_alter_table('container_stages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_container_stages_container_id'))

    op.drop_table('container_stages')
    with op.batch_alter_table('channel_identities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_channel_identities_trader_id'))

    op.drop_table('channel_identities')
    op.drop_table('traders')
    with op.batch_alter_table('tariffs', schema=None) as batch_op:
        batch_op.drop_index('ix_tariffs_category_set_at')

    op.drop_table('tariffs')
    with op.batch_alter_table('processed_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_processed_messages_at'))

    op.drop_table('processed_messages')
    op.drop_table('exchange_rates')
    with op.batch_alter_table('containers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_containers_stage'))

    op.drop_table('containers')
    op.drop_table('commission_rates')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
