"""baseline

Revision ID: 0001_baseline
Revises: 
Create Date: 2026-11-21
"""

from alembic import op
import sqlalchemy as sa


revision = '0001_baseline'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attendance_statuses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('letter', sa.String(length=2), nullable=False),
    sa.Column('colour', sa.String(length=9), nullable=False),
    sa.Column('charges', sa.Boolean(), nullable=False),
    sa.Column('gives_makeup', sa.Boolean(), nullable=False),
    sa.Column('uses_makeup', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance_statuses')),
    sa.UniqueConstraint('name', name=op.f('uq_attendance_statuses_name'))
    )
    op.create_table('cash_drawers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cash_drawers')),
    sa.UniqueConstraint('name', name=op.f('uq_cash_drawers_name'))
    )
    op.create_table('client_categories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('may_attend', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_categories')),
    sa.UniqueConstraint('name', name=op.f('uq_client_categories_name'))
    )
    op.create_table('credit_types',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credit_types')),
    sa.UniqueConstraint('name', name=op.f('uq_credit_types_name'))
    )
    op.create_table('invoice_counters',
    sa.Column('prefix', sa.String(length=20), nullable=False),
    sa.Column('next_number', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('prefix', name=op.f('pk_invoice_counters'))
    )
    op.create_table('programs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('base_lesson_price', sa.BigInteger(), nullable=False),
    sa.Column('colour', sa.String(length=9), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programs')),
    sa.UniqueConstraint('name', name=op.f('uq_programs_name'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Enum('owner', 'receptionist', 'teacher', name='role', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('details', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_events_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index('ix_audit_events_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('families',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('payer_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_families_created_by_id_users')),
    sa.ForeignKeyConstraint(['payer_id'], ['clients.id'], name='fk_families_payer_id_clients', use_alter=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_families'))
    )
    op.create_table('groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=True),
    sa.Column('room', sa.String(length=100), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.CheckConstraint('capacity IS NULL OR capacity > 0', name=op.f('ck_groups_capacity')),
    sa.ForeignKeyConstraint(['program_id'], ['programs.id'], name=op.f('fk_groups_program_id_programs')),
    sa.ForeignKeyConstraint(['teacher_id'], ['users.id'], name=op.f('fk_groups_teacher_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_groups'))
    )
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_groups_program_id'), ['program_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_groups_teacher_id'), ['teacher_id'], unique=False)

    op.create_table('packages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('membership', 'lesson_pack', 'credits', name='packagekind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('billing_type', sa.Enum('one_time', 'monthly', 'quarterly', 'twice_a_year', 'yearly', name='billingtype', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('term_count', sa.Integer(), nullable=False),
    sa.Column('term_unit', sa.Enum('day', 'week', 'month', 'year', name='termunit', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=True),
    sa.Column('lesson_count', sa.Integer(), nullable=True),
    sa.Column('member_discount_pct', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind != 'lesson_pack' OR (program_id IS NOT NULL AND lesson_count > 0)", name=op.f('ck_packages_lesson_pack_has_program')),
    sa.CheckConstraint('member_discount_pct IS NULL OR (member_discount_pct >= 0 AND member_discount_pct <= 10000)', name=op.f('ck_packages_member_discount_pct')),
    sa.CheckConstraint('price >= 0', name=op.f('ck_packages_price')),
    sa.CheckConstraint('term_count > 0', name=op.f('ck_packages_term_count')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_packages_created_by_id_users')),
    sa.ForeignKeyConstraint(['program_id'], ['programs.id'], name=op.f('fk_packages_program_id_programs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_packages'))
    )
    op.create_table('clients',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('search_key', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('phone_key', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('guardian_name', sa.String(length=200), nullable=False),
    sa.Column('guardian_phone', sa.String(length=40), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('photo', sa.String(length=260), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['category_id'], ['client_categories.id'], name=op.f('fk_clients_category_id_client_categories')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_clients_created_by_id_users')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_clients_family_id_families')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clients')),
    sa.UniqueConstraint('code', name=op.f('uq_clients_code'))
    )
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clients_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_clients_phone_key'), ['phone_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_clients_search_key'), ['search_key'], unique=False)

    op.create_table('group_extra_dates',
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_group_extra_dates_group_id_groups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('group_id', 'date', name=op.f('pk_group_extra_dates'))
    )
    op.create_table('group_slots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('starts', sa.Time(), nullable=False),
    sa.Column('ends', sa.Time(), nullable=False),
    sa.CheckConstraint('weekday BETWEEN 0 AND 6', name=op.f('ck_group_slots_weekday')),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_group_slots_group_id_groups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_slots'))
    )
    with op.batch_alter_table('group_slots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_slots_group_id'), ['group_id'], unique=False)

    op.create_table('package_credits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('credit_type_id', sa.Integer(), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.CheckConstraint('units > 0', name=op.f('ck_package_credits_units')),
    sa.ForeignKeyConstraint(['credit_type_id'], ['credit_types.id'], name=op.f('fk_package_credits_credit_type_id_credit_types')),
    sa.ForeignKeyConstraint(['package_id'], ['packages.id'], name=op.f('fk_package_credits_package_id_packages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_package_credits')),
    sa.UniqueConstraint('package_id', 'credit_type_id', name=op.f('uq_package_credits_package_id'))
    )
    op.create_table('package_services',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('frequency', sa.String(length=10), nullable=False),
    sa.Column('every_weeks', sa.Integer(), nullable=False),
    sa.Column('weekdays_mask', sa.Integer(), nullable=False),
    sa.Column('month_day', sa.Integer(), nullable=True),
    sa.Column('months_mask', sa.Integer(), nullable=False),
    sa.CheckConstraint("frequency IN ('weekly', 'monthly')", name=op.f('ck_package_services_frequency')),
    sa.CheckConstraint('every_weeks >= 1', name=op.f('ck_package_services_every_weeks')),
    sa.CheckConstraint('month_day IS NULL OR month_day BETWEEN 1 AND 31', name=op.f('ck_package_services_month_day')),
    sa.ForeignKeyConstraint(['package_id'], ['packages.id'], name=op.f('fk_package_services_package_id_packages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_package_services'))
    )
    with op.batch_alter_table('package_services', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_package_services_package_id'), ['package_id'], unique=False)

    op.create_table('credit_uses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('credit_type_id', sa.Integer(), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('used_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('units > 0', name=op.f('ck_credit_uses_units')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_credit_uses_client_id_clients')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_credit_uses_created_by_id_users')),
    sa.ForeignKeyConstraint(['credit_type_id'], ['credit_types.id'], name=op.f('fk_credit_uses_credit_type_id_credit_types')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credit_uses'))
    )
    with op.batch_alter_table('credit_uses', schema=None) as batch_op:
        batch_op.create_index('ix_credit_uses_client_type', ['client_id', 'credit_type_id', 'used_on'], unique=False)

    op.create_table('enrolments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('since', sa.Date(), nullable=False),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('waiting', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_enrolments_client_id_clients')),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_enrolments_group_id_groups')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrolments')),
    sa.UniqueConstraint('group_id', 'client_id', name=op.f('uq_enrolments_group_id'))
    )
    with op.batch_alter_table('enrolments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrolments_client_id'), ['client_id'], unique=False)

    op.create_table('invoices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('prefix', sa.String(length=20), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('state', sa.Enum('draft', 'issued', 'void', name='invoicestate', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('payer_id', sa.Integer(), nullable=False),
    sa.Column('tax_rate', sa.BigInteger(), nullable=False),
    sa.Column('total', sa.BigInteger(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=True),
    sa.Column('voided_at', sa.DateTime(), nullable=True),
    sa.Column('voided_by_id', sa.Integer(), nullable=True),
    sa.Column('void_reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('number IS NULL OR number > 0', name=op.f('ck_invoices_number')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_invoices_client_id_clients')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_invoices_created_by_id_users')),
    sa.ForeignKeyConstraint(['payer_id'], ['clients.id'], name=op.f('fk_invoices_payer_id_clients')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_invoices_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoices')),
    sa.UniqueConstraint('prefix', 'number', name=op.f('uq_invoices_prefix'))
    )
    with op.batch_alter_table('invoices', schema=None) as batch_op:
        batch_op.create_index('ix_invoices_client_date', ['client_id', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_invoices_payer_id'), ['payer_id'], unique=False)

    op.create_table('memberships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('membership', 'lesson_pack', 'credits', name='packagekind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('package_name', sa.String(length=200), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('billing_type', sa.Enum('one_time', 'monthly', 'quarterly', 'twice_a_year', 'yearly', name='billingtype', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('term_count', sa.Integer(), nullable=False),
    sa.Column('term_unit', sa.Enum('day', 'week', 'month', 'year', name='termunit', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=True),
    sa.Column('lesson_count', sa.Integer(), nullable=True),
    sa.Column('lessons_used', sa.Integer(), nullable=False),
    sa.Column('member_discount_pct', sa.BigInteger(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=True),
    sa.Column('renews_id', sa.Integer(), nullable=True),
    sa.Column('cancelled_on', sa.Date(), nullable=True),
    sa.Column('cancel_reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_memberships_dates')),
    sa.CheckConstraint('lessons_used >= 0 AND (lesson_count IS NULL OR lessons_used <= lesson_count)', name=op.f('ck_memberships_lessons_used')),
    sa.CheckConstraint('price >= 0', name=op.f('ck_memberships_price')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_memberships_client_id_clients')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_memberships_created_by_id_users')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_memberships_invoice_id_invoices')),
    sa.ForeignKeyConstraint(['package_id'], ['packages.id'], name=op.f('fk_memberships_package_id_packages')),
    sa.ForeignKeyConstraint(['program_id'], ['programs.id'], name=op.f('fk_memberships_program_id_programs')),
    sa.ForeignKeyConstraint(['renews_id'], ['memberships.id'], name=op.f('fk_memberships_renews_id_memberships')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_memberships'))
    )
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.create_index('ix_memberships_client_kind', ['client_id', 'kind', 'start_date'], unique=False)
        batch_op.create_index('ix_memberships_end_date', ['end_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_memberships_invoice_id'), ['invoice_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_memberships_package_id'), ['package_id'], unique=False)

    op.create_table('payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('method', sa.Enum('cash', 'bank_transfer', 'cheque', 'card', 'other', name='paymentmethod', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('cash_drawer_id', sa.Integer(), nullable=True),
    sa.Column('reference', sa.String(length=200), nullable=False),
    sa.Column('voided_at', sa.DateTime(), nullable=True),
    sa.Column('voided_by_id', sa.Integer(), nullable=True),
    sa.Column('void_reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('amount > 0', name=op.f('ck_payments_amount')),
    sa.ForeignKeyConstraint(['cash_drawer_id'], ['cash_drawers.id'], name=op.f('fk_payments_cash_drawer_id_cash_drawers')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_payments_created_by_id_users')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_payments_invoice_id_invoices')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_payments_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payments'))
    )
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payments_invoice_id'), ['invoice_id'], unique=False)
        batch_op.create_index('ix_payments_paid_on', ['paid_on'], unique=False)

    op.create_table('credit_grants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('credit_type_id', sa.Integer(), nullable=False),
    sa.Column('membership_id', sa.Integer(), nullable=True),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('used', sa.Integer(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('units > 0', name=op.f('ck_credit_grants_units')),
    sa.CheckConstraint('used >= 0 AND used <= units', name=op.f('ck_credit_grants_used')),
    sa.CheckConstraint('valid_until >= valid_from', name=op.f('ck_credit_grants_dates')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_credit_grants_client_id_clients')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_credit_grants_created_by_id_users')),
    sa.ForeignKeyConstraint(['credit_type_id'], ['credit_types.id'], name=op.f('fk_credit_grants_credit_type_id_credit_types')),
    sa.ForeignKeyConstraint(['membership_id'], ['memberships.id'], name=op.f('fk_credit_grants_membership_id_memberships')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credit_grants'))
    )
    with op.batch_alter_table('credit_grants', schema=None) as batch_op:
        batch_op.create_index('ix_credit_grants_client_type', ['client_id', 'credit_type_id', 'valid_until'], unique=False)
        batch_op.create_index(batch_op.f('ix_credit_grants_membership_id'), ['membership_id'], unique=False)

    op.create_table('freezes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('membership_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('resumed_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_freezes_dates')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_freezes_created_by_id_users')),
    sa.ForeignKeyConstraint(['membership_id'], ['memberships.id'], name=op.f('fk_freezes_membership_id_memberships')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_freezes'))
    )
    with op.batch_alter_table('freezes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_freezes_membership_id'), ['membership_id'], unique=False)

    op.create_table('invoice_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('quantity', sa.BigInteger(), nullable=False),
    sa.Column('unit_price', sa.BigInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('membership_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('item', 'discount')", name=op.f('ck_invoice_lines_kind')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_invoice_lines_invoice_id_invoices')),
    sa.ForeignKeyConstraint(['membership_id'], ['memberships.id'], name=op.f('fk_invoice_lines_membership_id_memberships')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice_lines'))
    )
    with op.batch_alter_table('invoice_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invoice_lines_invoice_id'), ['invoice_id'], unique=False)

    op.create_table('payment_attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('payment_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=260), nullable=False),
    sa.Column('stored_as', sa.String(length=260), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['payment_id'], ['payments.id'], name=op.f('fk_payment_attachments_payment_id_payments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_attachments'))
    )
    with op.batch_alter_table('payment_attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_attachments_payment_id'), ['payment_id'], unique=False)

    op.create_table('service_occurrences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('membership_id', sa.Integer(), nullable=False),
    sa.Column('package_service_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('marked_at', sa.DateTime(), nullable=True),
    sa.Column('marked_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("state IN ('planned', 'done', 'missed', 'cancelled')", name=op.f('ck_service_occurrences_state')),
    sa.ForeignKeyConstraint(['marked_by_id'], ['users.id'], name=op.f('fk_service_occurrences_marked_by_id_users')),
    sa.ForeignKeyConstraint(['membership_id'], ['memberships.id'], name=op.f('fk_service_occurrences_membership_id_memberships')),
    sa.ForeignKeyConstraint(['package_service_id'], ['package_services.id'], name=op.f('fk_service_occurrences_package_service_id_package_services'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_occurrences'))
    )
    with op.batch_alter_table('service_occurrences', schema=None) as batch_op:
        batch_op.create_index('ix_service_occurrences_due_on', ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_occurrences_membership_id'), ['membership_id'], unique=False)

    op.create_table('visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('program_id', sa.Integer(), nullable=True),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('status_id', sa.Integer(), nullable=True),
    sa.Column('membership_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('lesson', 'checkin')", name=op.f('ck_visits_kind')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_visits_client_id_clients')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_visits_created_by_id_users')),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_visits_group_id_groups')),
    sa.ForeignKeyConstraint(['membership_id'], ['memberships.id'], name=op.f('fk_visits_membership_id_memberships')),
    sa.ForeignKeyConstraint(['program_id'], ['programs.id'], name=op.f('fk_visits_program_id_programs')),
    sa.ForeignKeyConstraint(['status_id'], ['attendance_statuses.id'], name=op.f('fk_visits_status_id_attendance_statuses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits')),
    sa.UniqueConstraint('client_id', 'group_id', 'date', name='uq_visits_client_group_date')
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index('ix_visits_client_program_date', ['client_id', 'program_id', 'date'], unique=False)
        batch_op.create_index('ix_visits_date', ['date'], unique=False)
        batch_op.create_index('ix_visits_group_date', ['group_id', 'date'], unique=False)
        batch_op.create_index('ix_visits_membership', ['membership_id'], unique=False)

    op.create_table('credit_allocations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('use_id', sa.Integer(), nullable=False),
    sa.Column('grant_id', sa.Integer(), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.CheckConstraint('units > 0', name=op.f('ck_credit_allocations_units')),
    sa.ForeignKeyConstraint(['grant_id'], ['credit_grants.id'], name=op.f('fk_credit_allocations_grant_id_credit_grants')),
    sa.ForeignKeyConstraint(['use_id'], ['credit_uses.id'], name=op.f('fk_credit_allocations_use_id_credit_uses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credit_allocations'))
    )
    with op.batch_alter_table('credit_allocations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_credit_allocations_grant_id'), ['grant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_credit_allocations_use_id'), ['use_id'], unique=False)

    op.create_table('makeups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('source_visit_id', sa.Integer(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=False),
    sa.Column('used_by_visit_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_makeups_client_id_clients')),
    sa.ForeignKeyConstraint(['program_id'], ['programs.id'], name=op.f('fk_makeups_program_id_programs')),
    sa.ForeignKeyConstraint(['source_visit_id'], ['visits.id'], name=op.f('fk_makeups_source_visit_id_visits'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['used_by_visit_id'], ['visits.id'], name=op.f('fk_makeups_used_by_visit_id_visits'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_makeups')),
    sa.UniqueConstraint('source_visit_id', name=op.f('uq_makeups_source_visit_id')),
    sa.UniqueConstraint('used_by_visit_id', name=op.f('uq_makeups_used_by_visit_id'))
    )
    with op.batch_alter_table('makeups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_makeups_client_id'), ['client_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('makeups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_makeups_client_id'))

    op.drop_table('makeups')
    with op.batch_alter_table('credit_allocations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_credit_allocations_use_id'))
        batch_op.drop_index(batch_op.f('ix_credit_allocations_grant_id'))

    op.drop_table('credit_allocations')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index('ix_visits_membership')
        batch_op.drop_index('ix_visits_group_date')
        batch_op.drop_index('ix_visits_date')
        batch_op.drop_index('ix_visits_client_program_date')

    op.drop_table('visits')
    with op.batch_alter_table('service_occurrences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_occurrences_membership_id'))
        batch_op.drop_index('ix_service_occurrences_due_on')

    op.drop_table('service_occurrences')
    with op.batch_alter_table('payment_attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_attachments_payment_id'))

    op.drop_table('payment_attachments')
    with op.batch_alter_table('invoice_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invoice_lines_invoice_id'))

    op.drop_table('invoice_lines')
    with op.batch_alter_table('freezes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_freezes_membership_id'))

    op.drop_table('freezes')
    with op.batch_alter_table('credit_grants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_credit_grants_membership_id'))
        batch_op.drop_index('ix_credit_grants_client_type')

    op.drop_table('credit_grants')
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index('ix_payments_paid_on')
        batch_op.drop_index(batch_op.f('ix_payments_invoice_id'))

    op.drop_table('payments')
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_memberships_package_id'))
        batch_op.drop_index(batch_op.f('ix_memberships_invoice_id'))
        batch_op.drop_index('ix_memberships_end_date')
        batch_op.drop_index('ix_memberships_client_kind')

    op.drop_table('memberships')
    with op.batch_alter_table('invoices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invoices_payer_id'))
        batch_op.drop_index('ix_invoices_client_date')

    op.drop_table('invoices')
    with op.batch_alter_table('enrolments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrolments_client_id'))

    op.drop_table('enrolments')
    with op.batch_alter_table('credit_uses', schema=None) as batch_op:
        batch_op.drop_index('ix_credit_uses_client_type')

    op.drop_table('credit_uses')
    with op.batch_alter_table('package_services', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_package_services_package_id'))

    op.drop_table('package_services')
    op.drop_table('package_credits')
    with op.batch_alter_table('group_slots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_slots_group_id'))

    op.drop_table('group_slots')
    op.drop_table('group_extra_dates')
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clients_search_key'))
        batch_op.drop_index(batch_op.f('ix_clients_phone_key'))
        batch_op.drop_index(batch_op.f('ix_clients_family_id'))

    op.drop_table('clients')
    op.drop_table('packages')
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_groups_teacher_id'))
        batch_op.drop_index(batch_op.f('ix_groups_program_id'))

    op.drop_table('groups')
    op.drop_table('families')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_events_entity')

    op.drop_table('audit_events')
    op.drop_table('users')
    op.drop_table('settings')
    op.drop_table('programs')
    op.drop_table('invoice_counters')
    op.drop_table('credit_types')
    op.drop_table('client_categories')
    op.drop_table('cash_drawers')
    op.drop_table('attendance_statuses')
