"""support tickets

Revision ID: 0009
Revises: 0005
Create Date: 2026-12-01 09:00:00

- support_tickets: a trader's conversation with a human (open until an admin closes it).
- support_messages: what the trader and the admins said in it (text, a photo).
- support_admin_refs: the admin-chat messages posted for a ticket, so that a Telegram
  reply to one of them answers that ticket.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('support_tickets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('trader_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('user_ref', sa.String(length=100), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('waiting_since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by', sa.String(length=100), nullable=True),
    sa.Column('card_ref', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['trader_id'], ['traders.id'], name=op.f('fk_support_tickets_trader_id_traders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_support_tickets'))
    )
    op.create_index(op.f('ix_support_tickets_trader_id'), 'support_tickets', ['trader_id'], unique=False)
    op.create_index('ix_support_tickets_status_waiting_since', 'support_tickets', ['status', 'waiting_since'], unique=False)
    op.create_table('support_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('author', sa.String(length=10), nullable=False),
    sa.Column('author_name', sa.String(length=100), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('image', sa.LargeBinary(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['support_tickets.id'], name=op.f('fk_support_messages_ticket_id_support_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_support_messages'))
    )
    op.create_index(op.f('ix_support_messages_ticket_id'), 'support_messages', ['ticket_id'], unique=False)
    op.create_table('support_admin_refs',
    sa.Column('chat', sa.String(length=40), nullable=False),
    sa.Column('ref', sa.String(length=40), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['support_tickets.id'], name=op.f('fk_support_admin_refs_ticket_id_support_tickets')),
    sa.PrimaryKeyConstraint('chat', 'ref', name=op.f('pk_support_admin_refs'))
    )
    op.create_index(op.f('ix_support_admin_refs_ticket_id'), 'support_admin_refs', ['ticket_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_support_admin_refs_ticket_id'), table_name='support_admin_refs')
    op.drop_table('support_admin_refs')
    op.drop_index(op.f('ix_support_messages_ticket_id'), table_name='support_messages')
    op.drop_table('support_messages')
    op.drop_index('ix_support_tickets_status_waiting_since', table_name='support_tickets')
    op.drop_index(op.f('ix_support_tickets_trader_id'), table_name='support_tickets')
    op.drop_table('support_tickets')
