"""The owner adds a program and a group with its times, then puts a child in it by card code."""

from sqlalchemy import delete, select

from app.models import AuditEvent, Client, Enrolment, Group, GroupSlot, Program
from app.services import clients
from tests.ui.typing import type_text
from ui.packages.groups import GroupDialog, ProgramDialog, ProgramsPanel


def test_program_group_and_enrolment_through_the_window(ops_for, qtbot, qtmodeltester, database):
    ops = ops_for("olga")
    panel = ProgramsPanel(ops)
    qtbot.addWidget(panel)
    with database.writer.begin() as s:
        child = clients.create_client(s, ops.actor, name="Маша Группова")
        code = s.get(Client, child).code
    try:
        dialog = ProgramDialog(ops)
        qtbot.addWidget(dialog)
        type_text(dialog.name, "Робототехника")
        type_text(dialog.price, "18.5")
        dialog.colour.clear()
        type_text(dialog.colour, "teal")
        dialog.save()
        assert dialog.errors.text("colour") == "Colour must be a colour like #33aa55."
        dialog.colour.clear()
        type_text(dialog.colour, "#16a596")
        dialog.save()
        program_id = dialog.saved_id
        assert "Робототехника" in [r["name"] for r in panel.programs.rows]  # refreshed by itself

        dialog = GroupDialog(ops, program_id)
        qtbot.addWidget(dialog)
        type_text(dialog.name, "Robots A")
        dialog.capacity.setValue(10)
        dialog.slots.add_row(3)
        dialog.save()
        group_id = dialog.saved_id
        assert group_id

        dialog = GroupDialog(ops, program_id, group_id)
        qtbot.addWidget(dialog)
        assert len(dialog.slots.rows) == 2
        type_text(dialog.find, code.lower())
        dialog.enrol_typed()
        assert [r["name"] for r in dialog.members.rows] == ["Маша Группова"]
        qtmodeltester.check(dialog.members)
        panel.program_view.selectRow([r["id"] for r in panel.programs.rows].index(program_id))
        assert panel.groups.data(panel.groups.index(0, 4)) == "1 / 10"
    finally:
        with database.writer.begin() as s:
            groups = s.scalars(select(Group.id).where(Group.name == "Robots A")).all()
            s.execute(delete(Enrolment).where(Enrolment.group_id.in_(groups)))
            s.execute(delete(GroupSlot).where(GroupSlot.group_id.in_(groups)))
            s.execute(delete(Group).where(Group.id.in_(groups)))
            s.execute(delete(Program).where(Program.name == "Робототехника"))
            s.execute(delete(AuditEvent).where(AuditEvent.entity.in_(["client", "program", "group"])))
            s.execute(delete(Client).where(Client.id == child))
