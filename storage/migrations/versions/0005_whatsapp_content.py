"""whatsapp content templates

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 09:00:00

- whatsapp_content: the Twilio Content SID of each WhatsApp interactive template (quick
  reply, list picker), created once at first use or by `python -m bot init`.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('whatsapp_content',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('sid', sa.String(length=34), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_whatsapp_content'))
    )


def downgrade() -> None:
    op.drop_table('whatsapp_content')
