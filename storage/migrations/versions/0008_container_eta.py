"""container eta

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-01 09:00:00

- containers.eta: the estimated arrival at Conakry (a day), set by default when a container
  sails and changed by the admins (/eta).
- container_eta_changes: every change of it (old date, new date, reason, who, when), kept.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('containers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('eta', sa.Date(), nullable=True))
    op.create_table('container_eta_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('container_id', sa.Integer(), nullable=False),
    sa.Column('old_eta', sa.Date(), nullable=True),
    sa.Column('new_eta', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['container_id'], ['containers.id'], name=op.f('fk_container_eta_changes_container_id_containers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_container_eta_changes'))
    )
    with op.batch_alter_table('container_eta_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_container_eta_changes_container_id'), ['container_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_container_eta_changes_at'), ['at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('container_eta_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_container_eta_changes_at'))
        batch_op.drop_index(batch_op.f('ix_container_eta_changes_container_id'))
    op.drop_table('container_eta_changes')
    with op.batch_alter_table('containers', schema=None) as batch_op:
        batch_op.drop_column('eta')
