"""``--self-test``: the built program checks itself in a throwaway data folder and says how it went."""

import io
import re
import shutil
from pathlib import Path

import pytest

import ui.areas
from app.errors import DomainError
from ui import app as desk
from ui.self_test import run_self_test

STEPS = ("resources", "database created and migrated", "signed in as Self Test (owner)",
         "opened every area: " + ", ".join(area.title for area in ui.areas.AREAS),
         "sold the membership", "took a payment of", "invoice PDF:", "member card PDF:")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """The user's own data folder: the self-test must leave it alone."""
    mine = tmp_path / "my-data"
    monkeypatch.setenv("MEMBERSHIP_DESK_HOME", str(mine))
    return mine


def _data_folder(report: str) -> Path:
    return Path(re.search(r"\((\S+)desk\.sqlite3\)", report).group(1))


def _failed(out: io.StringIO) -> str:
    """The report of a failed run; the folder it kept for a look is removed."""
    report = out.getvalue()
    kept = Path(re.search(r"kept for a look: (\S+)", report).group(1))
    assert (kept / "desk.sqlite3").exists()
    shutil.rmtree(kept)
    return report


def test_self_test_passes_in_a_fresh_folder_and_leaves_the_users_data_alone(home, qapp, capsys):
    assert desk.run(["--self-test"]) == 0
    report = capsys.readouterr().out
    lines = report.splitlines()
    assert len(lines) == len(STEPS) + 1 and lines[-1] == "self-test passed"
    for line, step in zip(lines, STEPS):
        assert line.startswith("self-test ok: ") and step in line, (line, step)
    assert "invoice INV-000001 is paid" in report
    folder = _data_folder(report)
    assert folder != home and not folder.exists()  # the throwaway folder is gone
    assert not home.exists()  # nothing was written where the user keeps data
    assert desk.os.environ["MEMBERSHIP_DESK_HOME"] == str(home)


def test_self_test_fails_with_the_reason_when_a_screen_cannot_be_imported(home, qapp, monkeypatch):
    broken = tuple(area if area.key != "journal" else
                   ui.areas.Area(area.key, area.title, area.right, area.about, screen="ui.no_journal.screen:X")
                   for area in ui.areas.AREAS)
    monkeypatch.setattr(ui.areas, "AREAS", broken)
    out = io.StringIO()
    assert run_self_test(out) == 1
    report = _failed(out)
    assert ("self-test FAILED at areas: The journal area could not be built: "
            "ModuleNotFoundError: No module named 'ui.no_journal'") in report
    assert "sold" not in report  # it stops at the first failure


def test_self_test_fails_when_an_error_happens_inside_a_slot(home, qapp, monkeypatch):
    from ui.clients.screen import ClientsScreen

    def broken_paint(self, event):
        raise RuntimeError("painting went wrong")

    monkeypatch.setattr(ClientsScreen, "paintEvent", broken_paint)  # Qt swallows it; the self-test must not
    out = io.StringIO()
    assert run_self_test(out) == 1
    failure = [line for line in _failed(out).splitlines() if "FAILED" in line]
    assert len(failure) == 1 and failure[0].startswith("self-test FAILED at areas: ")
    assert failure[0].endswith("painting went wrong")  # PySide names the override it was called from first


def test_self_test_reports_a_refused_sale_and_an_empty_pdf(home, qapp, monkeypatch):
    from app.services import documents, sales

    def refuse(*args, **kwargs):
        raise DomainError("These dates overlap.")

    monkeypatch.setattr(sales, "sell", refuse)
    out = io.StringIO()
    assert run_self_test(out) == 1
    assert "self-test FAILED at sale: DomainError: These dates overlap." in _failed(out)

    monkeypatch.undo()
    monkeypatch.setenv("MEMBERSHIP_DESK_HOME", str(home))
    monkeypatch.setattr(documents, "member_cards_pdf", lambda session, actor, ids, path: Path(path).write_bytes(b""))
    out = io.StringIO()
    assert run_self_test(out) == 1
    report = _failed(out)
    assert "self-test ok: invoice PDF" in report
    assert "self-test FAILED at member card PDF: The member card PDF was not written properly (0 bytes" in report
