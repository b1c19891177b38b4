"""X1 import of clients with families, X2 export to CSV and XLSX."""

import csv

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.errors import DomainError, PermissionDenied
from app.models import Client, Family
from app.services import clients, sales, transfer

GOOD = (
    "Name;Phone;Email;Birth date;Category;Family;Payer\n"
    "Ольга Петрова;+7 912 000-11-22;olga@example.org;1985-03-01;Adult;Петровы;yes\n"
    "Маша Петрова;;;31.05.2016;Child;Петровы;\n"
    "Zoë Müller;07700 900456;;;Adult;;\n"
    "Bad Email;;not-an-email;;;;\n"
    "Existing Phone;+44 7700 900123;;;;;\n"
)


def _write(tmp_path, text, name="clients.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def existing(session, receptionist):
    return clients.create_client(session, receptionist, name="Анна Иванова", phone="+44 7700 900123")


def test_x1_preview_marks_each_row_new_duplicate_or_error_and_writes_nothing(session, receptionist, existing,
                                                                             tmp_path):
    before = session.scalar(select(func.count(Client.id)))
    preview = transfer.preview_import(session, receptionist, _write(tmp_path, GOOD))
    assert [(r.line, r.status) for r in preview.rows] == [(2, "new"), (3, "new"), (4, "new"), (5, "error"),
                                                         (6, "duplicate")]
    assert preview.rows[3].reason == "Email does not look like an email address."
    assert preview.rows[4].reason == "same phone"
    assert session.scalar(select(func.count(Client.id))) == before


def test_x1_confirm_imports_the_new_rows_with_their_family_and_payer(session, receptionist, existing, tmp_path):
    windows_text = GOOD.replace("Zoë Müller", "Иван Кузнецов")  # a file saved by Excel on a Russian Windows
    preview = transfer.preview_import(session, receptionist, _write(tmp_path, windows_text, encoding="cp1251"))
    assert transfer.import_clients(session, receptionist, preview) == {"added": 3, "families": 1}
    family = session.scalar(select(Family).where(Family.name == "Петровы"))
    members = session.scalars(select(Client.name).where(Client.family_id == family.id).order_by(Client.id)).all()
    assert members == ["Ольга Петрова", "Маша Петрова"]
    assert session.get(Client, family.payer_id).name == "Ольга Петрова"
    assert clients.search_client_ids(session, receptionist, "маша")


def test_x1_import_is_all_or_nothing(session, receptionist, tmp_path):
    preview = transfer.preview_import(session, receptionist, _write(tmp_path, GOOD))
    preview.rows[1].values["email"] = "broken"  # the data changed after the preview: line 3 now fails
    before = session.scalar(select(func.count(Client.id)))
    with pytest.raises(DomainError, match="Line 3.*Nothing was imported"):
        with session.begin_nested():
            transfer.import_clients(session, receptionist, preview)
    assert session.scalar(select(func.count(Client.id))) == before


@pytest.mark.parametrize(
    "content,message",
    [
        ('Name,Phone\n"Unterminated,123\n', "unterminated quote"),
        ("Name,Phone\nA\x00B,123\n", "NUL bytes"),
        ("", "empty"),
    ],
)
def test_x1_a_broken_file_gets_a_clear_message(session, receptionist, tmp_path, content, message):
    with pytest.raises(DomainError, match=message):
        transfer.preview_import(session, receptionist, _write(tmp_path, content))


def test_x1_a_ten_megabyte_cell_is_an_error_row_not_a_crash(session, receptionist, tmp_path):
    path = _write(tmp_path, "Name,Notes\nBig," + "x" * (10 * 1024 * 1024) + "\nSmall,ok\n")
    preview = transfer.preview_import(session, receptionist, path)
    assert [r.status for r in preview.rows] == ["error", "new"]
    assert "longer than" in preview.rows[0].reason


def test_x1_xlsx_import_and_mapping_by_header_words(session, receptionist, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["ФИО", "Телефон", "E-mail"])
    book.active.append(["Пётр Сидоров", "+7 900 111 22 33", "petr@example.org"])
    path = tmp_path / "clients.xlsx"
    book.save(path)
    preview = transfer.preview_import(session, receptionist, path)
    assert preview.mapping == {"name": 0, "phone": 1, "email": 2}
    assert transfer.import_clients(session, receptionist, preview)["added"] == 1


def test_x1_a_teacher_cannot_import(session, teacher, tmp_path):
    with pytest.raises(PermissionDenied):
        transfer.preview_import(session, teacher, _write(tmp_path, GOOD))


def test_x2_the_clients_list_exports_to_csv_and_formulas_are_neutralised(session, receptionist, tmp_path):
    clients.create_client(session, receptionist, name="=HYPERLINK(\"http://x\")", phone="+1 555 0100 200")
    clients.create_client(session, receptionist, name="Анна Экспорт")
    path = tmp_path / "clients.csv"
    count = transfer.export_clients(session, receptionist, path, "")
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert rows[0][:3] == ["Code", "Name", "Phone"]
    assert len(rows) == count + 1
    names = [r[1] for r in rows[1:]]
    assert "'=HYPERLINK(\"http://x\")" in names and "Анна Экспорт" in names
    assert "'+1 555 0100 200" in [r[2] for r in rows[1:]]


def _exported_rows(session, actor, path) -> dict[str, list]:
    transfer.export_clients(session, actor, path, "")
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[1]][:3] == ["Code", "Name", "Phone"]
    return {row[1].value: row for row in sheet.iter_rows(min_row=2)}


def test_x2_xlsx_phones_are_text_as_typed_and_amounts_are_numbers_with_two_decimals(session, receptionist, silver,
                                                                                     tmp_path):
    owing = clients.create_client(session, receptionist, name="Olga Owing", phone="+44 7700 900123")
    sales.sell(session, receptionist, owing, silver)  # 35.00 unpaid
    clients.create_client(session, receptionist, name="Nil Owing", phone="07700 900456")
    rows = _exported_rows(session, receptionist, tmp_path / "clients.xlsx")
    phone, balance = rows["Olga Owing"][2], rows["Olga Owing"][8]
    assert (phone.value, phone.data_type) == ("+44 7700 900123", "s")
    assert (rows["Nil Owing"][2].value, rows["Nil Owing"][2].data_type) == ("07700 900456", "s")
    assert (balance.value, balance.data_type, balance.number_format) == (35, "n", "0.00")
    zero = rows["Nil Owing"][8]
    assert (zero.value, zero.data_type, zero.number_format) == (0, "n", "0.00")


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x","click")', "+SUM(1,2)", "-2+3", "@SUM(A1)", "#N/A"])
def test_x2_xlsx_text_that_looks_like_a_formula_is_stored_as_text(session, receptionist, tmp_path, name):
    clients.create_client(session, receptionist, name=name)
    cell = _exported_rows(session, receptionist, tmp_path / "clients.xlsx")[name][1]
    assert (cell.value, cell.data_type) == (name, "s")
    assert cell.quotePrefix is (name[0] in "=+-@")  # Excel keeps it text even when the cell is edited


def test_x2_export_refuses_an_unknown_format(session, receptionist, tmp_path):
    with pytest.raises(DomainError, match="csv or .xlsx"):
        transfer.export_clients(session, receptionist, tmp_path / "clients.pdf")


def test_x1_a_phone_of_letters_is_an_error_row_and_is_not_imported(session, receptionist, tmp_path):
    path = _write(tmp_path, "Name;Phone\nLetters Only;call me\nGood Phone;+7 912 000-11-22\n")
    preview = transfer.preview_import(session, receptionist, path)
    assert [(r.status, r.reason) for r in preview.rows] == [
        ("error", "A phone number has digits, spaces, + - ( ) only, and at least 5 digits."), ("new", "")]
    assert transfer.import_clients(session, receptionist, preview)["added"] == 1
    assert clients.search_client_ids(session, receptionist, "letters only") == []


def test_x1_a_phone_in_national_form_is_the_same_phone_as_the_stored_international_one(session, receptionist, existing,
                                                                                       tmp_path):
    clients.create_client(session, receptionist, name="Иван Пермский", phone="+7 912 345 67 89")
    path = _write(tmp_path, "Name;Phone\nAnna Again;07700 900123\nIvan Again;8 912 345-67-89\n"
                            "Ivan Twice;+7 912 345 67 89\nSomeone New;8 912 345-67-80\nNew Again;+7 912 345 67 80\n")
    preview = transfer.preview_import(session, receptionist, path)
    assert [(r.values["name"], r.status, r.reason) for r in preview.rows] == [
        ("Anna Again", "duplicate", "same phone"), ("Ivan Again", "duplicate", "same phone"),
        ("Ivan Twice", "duplicate", "same phone"), ("Someone New", "new", ""), ("New Again", "duplicate", "same phone")]



def test_l2_x2_a_russian_users_export_says_its_columns_and_standing_in_russian(session, receptionist, silver,
                                                                               tmp_path):
    """The list on screen speaks the user's language; its CSV, XLSX and PDF say the same words (the
    rows' data as stored)."""
    from app.services import list_exports, settings
    from app.services.memberships_list import SaleFilters

    settings.set_own_language(session, receptionist, "ru")
    anna = clients.create_client(session, receptionist, name="Анна Экспорт")
    sales.sell(session, receptionist, anna, silver)
    path = tmp_path / "clients.csv"
    transfer.export_clients(session, receptionist, path, "Экспорт")
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert rows[0] == ["Код", "Имя", "Телефон", "Эл. почта", "Дата рождения", "Категория", "Семья", "Абонемент",
                       "К оплате"]
    assert rows[1][1] == "Анна Экспорт" and rows[1][7] not in ("Active", "") and rows[1][7].isalpha()

    headers, table = list_exports.memberships_table(session, receptionist, SaleFilters(client_query="Экспорт"))
    sheet = tmp_path / "memberships.xlsx"
    list_exports.write_list(sheet, "Абонементы", headers, table, [],
                            list_exports.list_header(session, receptionist))
    written = [[c.value for c in row] for row in load_workbook(sheet).active.iter_rows()]
    assert written[0][:6] == ["Клиент", "Код", "Пакет", "С", "До", "Статус"] and written[0][6] == "Занятий проведено"
    assert written[1][0] == "Анна Экспорт" and written[1][5] == rows[1][7]
