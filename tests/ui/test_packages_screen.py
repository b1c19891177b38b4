"""The owner sets up what the centre sells: one package of each kind, through the dialog."""

from decimal import Decimal

import pytest
from sqlalchemy import delete

from app.models import AuditEvent, Package, PackageCredit, PackageKind, PackageService, Program
from app.services import catalogue, programs
from tests.ui.typing import type_text
from ui.packages.dialog import PackageDialog
from ui.packages.screen import PackagesScreen


@pytest.fixture
def catalogue_setup(database, ops_for):
    owner = ops_for("olga")
    with database.writer.begin() as s:
        program = programs.create_program(s, owner.actor, name="Ballet 5-8y", base_lesson_price="14")
        sauna = catalogue.create_credit_type(s, owner.actor, "Sauna UI", "visit")
    yield owner, program, sauna
    with database.writer.begin() as s:
        made = s.scalars(select_new_packages()).all()
        s.execute(delete(PackageCredit).where(PackageCredit.package_id.in_(made)))
        s.execute(delete(PackageService).where(PackageService.package_id.in_(made)))
        s.execute(delete(Package).where(Package.id.in_(made)))
        s.execute(delete(AuditEvent).where(AuditEvent.entity.in_(["package", "program", "credit_type"])))
        s.execute(delete(Program).where(Program.id == program))
        from app.models import CreditType

        s.execute(delete(CreditType).where(CreditType.id == sauna))


def select_new_packages():
    from sqlalchemy import select

    return select(Package.id).where(Package.name.like("UI %"))


def _choose(combo, data):
    combo.setCurrentIndex(combo.findData(data))


def test_the_packages_model_passes_the_model_tester(ops_for, qtbot, qtmodeltester):
    screen = PackagesScreen(ops_for("olga"))
    qtbot.addWidget(screen)
    assert screen.model.rowCount() >= 3
    qtmodeltester.check(screen.model)


def test_create_a_package_of_each_kind_through_the_dialog(catalogue_setup, qtbot):
    ops, program, sauna = catalogue_setup
    screen = PackagesScreen(ops)
    qtbot.addWidget(screen)

    dialog = PackageDialog(ops)
    qtbot.addWidget(dialog)
    type_text(dialog.name, "UI Gym month")
    type_text(dialog.price, "35.5")
    type_text(dialog.discount, "7.5")
    service = dialog.services.add_row()
    type_text(service.name_edit, "Body check")
    service.weekdays[0].setChecked(True)
    dialog.save()
    assert dialog.saved_id

    dialog = PackageDialog(ops)
    qtbot.addWidget(dialog)
    _choose(dialog.kind, PackageKind.LESSON_PACK)
    assert dialog.program.isVisibleTo(dialog) and not dialog.discount.isVisibleTo(dialog)
    type_text(dialog.name, "UI Ballet 8")
    type_text(dialog.price, "106")
    dialog.save()  # no program chosen: refused next to the field
    assert dialog.errors.text("program_id") == "A lesson pack needs its program."
    _choose(dialog.program, program)
    dialog.save()
    assert dialog.saved_id

    dialog = PackageDialog(ops)
    qtbot.addWidget(dialog)
    _choose(dialog.kind, PackageKind.CREDITS)
    type_text(dialog.name, "UI Sauna x10")
    type_text(dialog.price, "60")
    row = dialog.credits.add_row()
    _choose(row.kind, sauna)
    row.count.setValue(10)
    dialog.save()
    assert dialog.saved_id

    names = {p["name"]: p for p in ops.read(catalogue.list_packages)}
    assert names["UI Gym month"]["member_discount_pct"] == Decimal("7.50")
    assert names["UI Ballet 8"]["lesson_count"] == 8 and names["UI Ballet 8"]["program"] == "Ballet 5-8y"
    assert ops.read(catalogue.get_package, names["UI Sauna x10"]["id"])["credits"] == {sauna: 10}
    assert ops.read(catalogue.get_package, names["UI Gym month"]["id"])["services"][0]["weekdays"] == [0]
    shown = {screen.model.data(screen.model.index(r, 0)) for r in range(screen.model.rowCount())}
    assert {"UI Gym month", "UI Ballet 8", "UI Sauna x10"} <= shown  # the list refreshed by itself


def test_a_receptionist_sees_packages_but_cannot_edit(ops_for, qtbot):
    screen = PackagesScreen(ops_for("rita"))
    qtbot.addWidget(screen)
    assert not screen.new_button.isVisibleTo(screen)
