"""The demo as a new user meets it: names that agree, phones of the name's country, makeups earned (J7).

The rules here are written independently of app/demo.py's lists: the
gender of a Russian or Belarusian name is read from the first name (a woman's
ends in -а/-я), the country from the letters of the name.
"""

import datetime as dt
import unicodedata

import pytest
from sqlalchemy import select

from app.demo import build
from app.models import AttendanceStatus, Client, Makeup, Visit
from app.services import journal
from app.services.settings import get_settings
from app.services.users import first_owner
from app.storage import open_database
from tests.databases import new_database_url

TODAY = dt.date.today()

# Surname endings: a woman's Иванова, Лебедева, Никитина, Вишневская, Быкава (Belarusian Быкаў), Ільіна;
# a man's Иванов, Лебедев, Никитин, Вишневский, Толстой, Быкаў, Ільін, Дубоўскі; and the forms both share.
FEMININE = ("ова", "ева", "ёва", "ина", "ына", "ая", "ава", "іна", "ына")
MASCULINE = ("ов", "ев", "ёв", "ин", "ын", "ий", "ый", "ой", "аў", "оў", "еў", "ёў", "ін", "скі", "цкі")
EITHER = ("ко", "ка", "ич", "іч", "ук", "юк", "ак")
ARAB_CODES = ("+971", "+966", "+965", "+974", "+973", "+968", "+962", "+961", "+20", "+212", "+216", "+964")
# A Latin surname's country, by its letters (the first match counts); plain English letters: the UK.
LATIN_LETTERS = (("łśżźćąęń", "+48"), ("ışğç", "+90"), ("äöüß", "+49"), ("éèêëï", "+33"), ("áíóúñ", "+34"))


def _script(name: str) -> str:
    letters = [ch for ch in name if ch.isalpha()]
    if all("\u0400" <= ch <= "\u04ff" for ch in letters):
        return "cyrillic"
    if all("\u0600" <= ch <= "\u06ff" for ch in letters):
        return "arabic"
    assert all(unicodedata.name(ch).startswith("LATIN") for ch in letters), name
    return "latin"


def _expected_code(name: str) -> str | tuple[str, ...]:
    script = _script(name)
    if script == "cyrillic":
        return "+375" if any(ch in "іўІЎ" for ch in name) else "+7"
    if script == "arabic":
        return ARAB_CODES
    surname = name.split(" ")[-1].lower()
    return next((code for letters, code in LATIN_LETTERS if any(ch in surname for ch in letters)), "+44")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = open_database(new_database_url(tmp_path_factory.mktemp("demo"), "demo"), create=True)
    with db.writer.begin() as session:
        build(session, today=TODAY)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def people(demo):
    with demo.reader.begin() as session:
        return session.execute(select(Client.name, Client.phone, Client.guardian_name)).all()


def test_demo_russian_and_belarusian_names_agree_in_gender(people):
    cyrillic = [name for name, _phone, _guardian in people if _script(name) == "cyrillic"]
    women = [name for name in cyrillic if name.split(" ")[0][-1] in "ая"]
    assert len(cyrillic) > 50 and 20 < len(women) < len(cyrillic) - 20
    assert any(ch in "іў" for name in cyrillic for ch in name), "Belarusian names are part of the demo"
    disagreeing = []
    for name in cyrillic:
        first, surname = name.split(" ")
        if name in women:
            agrees = surname.endswith(FEMININE + EITHER)
        else:
            agrees = surname.endswith(MASCULINE + EITHER) and not surname.endswith(FEMININE)
        if not agrees:
            disagreeing.append(name)
    assert disagreeing == []


def test_demo_gender_rule_of_this_test_catches_the_old_mistake():
    first, surname = "Юлия Иванов".split(" ")
    assert first[-1] in "ая" and not surname.endswith(FEMININE + EITHER)
    assert "Иван Иванова".split(" ")[1].endswith(FEMININE)


def test_demo_phones_follow_the_names_country(people):
    wrong = []
    seen = set()
    for name, phone, _guardian in people:
        expected = _expected_code(name)
        code = phone.split(" ")[0]
        seen.add(code if isinstance(expected, str) else "arab")
        if code not in ((expected,) if isinstance(expected, str) else expected):
            wrong.append((name, phone))
    assert wrong == []
    assert {"+44", "+49", "+7", "+375", "arab"} <= seen


def test_demo_children_carry_their_guardians_surname_and_country(people):
    children = [(name, phone, guardian) for name, phone, guardian in people if guardian]
    assert len(children) > 10
    for name, phone, guardian in children:
        assert _expected_code(name) == _expected_code(guardian), (name, guardian)
        if _script(name) != "cyrillic":
            assert name.split(" ")[-1] == guardian.split(" ")[-1]


def test_j7_demo_every_excused_visit_has_its_makeup(demo):
    with demo.reader.begin() as session:
        makeup_days = get_settings(session)["makeup_days"]
        excused = session.execute(
            select(Visit.id, Visit.client_id, Visit.program_id, Visit.date)
            .join(AttendanceStatus, AttendanceStatus.id == Visit.status_id)
            .where(AttendanceStatus.gives_makeup.is_(True))).all()
        earned = {m.source_visit_id: m for m in session.scalars(select(Makeup))}
        listed = journal.makeups(session, first_owner(session), TODAY)
    assert len(excused) > 100
    assert set(earned) == {visit.id for visit in excused}
    for visit in excused:
        makeup = earned[visit.id]
        assert (makeup.client_id, makeup.program_id) == (visit.client_id, visit.program_id)
        assert makeup.expires_on == visit.date + dt.timedelta(days=makeup_days)
        assert makeup.used_by_visit_id is None
    in_window = [v for v in excused if v.date + dt.timedelta(days=makeup_days) >= TODAY]
    last_month = (TODAY.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    assert in_window and any(v.date.replace(day=1) == last_month for v in excused)
    assert sorted(row["earned_on"] for row in listed["open"]) == sorted(v.date for v in in_window)
    assert len(listed["expired"]) == min(500, len(excused) - len(in_window))


@pytest.mark.parametrize(("language", "script", "currency"), [("ru", "cyrillic", "BYN"), ("ar", "arabic", "SAR")])
def test_l2_the_demo_made_in_a_language_speaks_it(tmp_path, language, script, currency):
    """``--demo --lang ru``: the business, its statuses, categories, plans, programs and packs, its groups'
    rooms and its drawers are named in the language; the business's language and currency follow."""
    from app.models import CashDrawer, ClientCategory, Group, Package, Program

    db = open_database(new_database_url(tmp_path), create=True)
    with db.writer.begin() as s:
        build(s, clients=40, visits=200, language=language)
    with db.reader() as s:
        settings = get_settings(s)
        assert (settings["language"], settings["currency"]) == (language, currency)
        named = [settings["business_name"], *s.scalars(select(AttendanceStatus.name)),
                 *s.scalars(select(ClientCategory.name)), *s.scalars(select(Package.name)),
                 *s.scalars(select(Program.name)), *s.scalars(select(CashDrawer.name)),
                 *s.scalars(select(Group.room))]
        letters = list(s.scalars(select(AttendanceStatus.letter)))
    db.dispose()
    assert [name for name in named if _script("".join(ch for ch in name if not ch.isdigit())) != script] == []
    assert len(set(letters)) == len(letters) and all(_script(letter) == script for letter in letters)
