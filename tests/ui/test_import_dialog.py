"""X1 in the window: a 5-row CSV with one bad row shows its preview, then imports the good rows."""

from sqlalchemy import delete, select, update

from app.models import AuditEvent, Client, Family
from ui.clients.screen import ClientsScreen
from tests.ui.jobs import finished
from ui.clients.transfer import ImportDialog

CSV = (
    "Name,Phone,Email,Family\n"
    "Анна Импорт,+7 900 100 00 01,,Импортовы\n"
    "Борис Импорт,+7 900 100 00 02,,Импортовы\n"
    "Chloé Import,+33 6 12 34 56 78,chloe@example.org,\n"
    "Bad Import,,not-an-email,\n"
    "Dmitri Import,+7 900 100 00 04,,\n"
)


def test_x1_preview_of_a_five_row_csv_with_one_bad_row_then_import(ops_for, qtbot, qtmodeltester, tmp_path,
                                                                    database):
    ops = ops_for("rita")
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    path = tmp_path / "clients.csv"
    path.write_text(CSV, encoding="utf-8-sig")
    dialog = ImportDialog(ops)
    qtbot.addWidget(dialog)
    finished(qtbot, dialog.load(path))
    qtmodeltester.check(dialog.model)
    statuses = [dialog.model.data(dialog.model.index(r, 1)) for r in range(dialog.model.rowCount())]
    assert statuses == ["new", "new", "new", "error", "new"]
    assert dialog.model.data(dialog.model.index(3, 4)) == "Email does not look like an email address."
    assert dialog.summary.text() == "4 new, 0 duplicates (skipped), 1 with errors (skipped)"
    assert dialog.combos["family"].currentText() == "Family"
    with database.reader.begin() as s:
        assert not s.scalars(select(Client.id).where(Client.name.like("%Import%"))).all()  # nothing written yet
    try:
        dialog.confirm()
        assert dialog.result == {"added": 4, "families": 1}
        screen.search.setText("импорт")
        screen.refresh()
        assert screen.model.total() == 2
    finally:
        with database.writer.begin() as s:
            ids = s.scalars(select(Client.id).where(Client.name.ilike("%import%") | Client.name.like("%Импорт%")))
            ids = list(ids)
            s.execute(delete(AuditEvent).where(AuditEvent.entity == "client"))
            s.execute(update(Client).where(Client.id.in_(ids)).values(family_id=None))
            s.execute(delete(Family).where(Family.name == "Импортовы"))
            s.execute(delete(Client).where(Client.id.in_(ids)))


def test_x1_a_broken_file_shows_its_message_and_offers_no_import(ops_for, qtbot, tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text('Name,Phone\n"Unterminated,1\n', encoding="utf-8")
    dialog = ImportDialog(ops_for("rita"))
    qtbot.addWidget(dialog)
    finished(qtbot, dialog.load(path))
    assert "unterminated quote" in dialog.message.text()
    assert not dialog.import_button.isEnabled()
