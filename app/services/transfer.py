"""Clients in and out: CSV/XLSX import with a preview (X1), and export of lists (X2).

Import never writes until the user confirms the preview, and then writes all
of it or nothing. Exported text that a spreadsheet would run as a formula
(= + - @ at the start) is kept as text: in CSV with a leading apostrophe (a
CSV cell has no type), in XLSX as a text cell, typed as text and marked
"quote prefix" as Excel marks a typed apostrophe, so "+44 7700 900123" stays
exactly as it was written. Amounts (Decimal) are XLSX numbers with two decimals.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.errors import DomainError
from app.files import written
from app.models import Client, ClientCategory, Family
from app.services import audit, clients, invoices
from app.services.access import Actor, Right, guarded
from app.reports.wording import document_voice, say, term
from app.services.settings import language_for
from app.services.status import LABELS
from app.tasks import ProgressPart, TaskState, release, steps
from app.text import fold, national_number, phone_digits

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_CELL = 5000
MAX_ROWS = 200_000
FIELDS = ("name", "phone", "email", "birth_date", "category", "code", "guardian_name", "guardian_phone", "notes",
          "family", "payer")
HEADER_WORDS = {
    "name": ("name", "full name", "client", "имя", "фио"),
    "phone": ("phone", "mobile", "telephone", "tel", "телефон"),
    "email": ("email", "e-mail", "mail", "почта"),
    "birth_date": ("birth date", "birthday", "date of birth", "born", "дата рождения"),
    "category": ("category", "type", "категория"),
    "code": ("code", "card", "card code", "код"),
    "guardian_name": ("guardian", "parent", "родитель"),
    "guardian_phone": ("guardian phone", "parent phone"),
    "notes": ("notes", "note", "comment", "заметки"),
    "family": ("family", "семья"),
    "payer": ("payer", "pays", "плательщик"),
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
AMOUNT_FORMAT = "0.00"


# ---- export ---------------------------------------------------------------------

def neutralise(value) -> object:
    """A CSV cell as a spreadsheet will show it, never as a formula it would run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _xlsx_cell(sheet, value):
    """An XLSX cell: text always typed as text (never a formula or an error code), amounts as numbers."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, Decimal):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = AMOUNT_FORMAT
        return cell
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would make "=..." a formula and "#N/A" an error
        cell.quotePrefix = value.startswith(FORMULA_STARTS)  # what Excel records for a typed apostrophe
    return cell


def write_table(path: Path, headers: list[str], rows: list[list], state: TaskState | None = None) -> None:
    """Write a list to CSV (UTF-8 with BOM, for spreadsheets) or XLSX, by the file's ending.

    Cells are text, whole numbers or amounts (Decimal, written with two decimals). The file
    takes its name only once whole (Cancel or a full disk leave nothing under that name).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise DomainError("Export to a .csv or .xlsx file.", field="path")
    with written(path, state) as part:
        if suffix == ".xlsx":
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet()
            try:
                sheet.append([_xlsx_cell(sheet, h) for h in headers])
                for row in steps(state, rows):
                    sheet.append([_xlsx_cell(sheet, v) for v in row])
            except BaseException:
                sheet.close()  # Cancel or a full disk: end the sheet's temporary file now, not in the collector
                raise
            book.save(part)
        else:
            with part.open("w", encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(headers)
                writer.writerows([neutralise("" if v is None else v) for v in row] for row in steps(state, rows))


@guarded(Right.VIEW_CLIENTS)
def export_clients(session: Session, actor: Actor, path: Path, query: str = "", *, state: TaskState | None = None,
                   **filters) -> int:
    """The clients list as shown (same search and filters), to CSV or XLSX; returns the row count.

    Slow on a big list (reads, then writes, every row): run it as a job with ``state``.
    """
    if Path(path).suffix.lower() not in (".xlsx", ".csv"):
        raise DomainError("Export to a .csv or .xlsx file.", field="path")
    headers, rows = clients_table(session, actor, query, state=state, **filters)
    voice = document_voice(language_for(session, actor.user_id))  # the user's, as the list on screen (L2)
    said = {word: voice.text(word) for word in {row[STANDING] for row in rows}}
    for row in rows:
        row[STANDING] = said[row[STANDING]]
    write_table(path, [voice.text(header) for header in headers], rows, _second_half(state, len(rows)))
    count = len(rows)
    release(rows)
    return count


STANDING = 7  # clients_table's membership column


@guarded(Right.VIEW_CLIENTS)
def clients_table(session: Session, actor: Actor, query: str = "", *, state: TaskState | None = None,
                  **filters) -> tuple[list[str], list[list]]:
    """The clients list as shown (same search and filters): headers and typed rows (the first half of
    the progress: reading; writing them is the second)."""
    ids = clients.search_client_ids(session, actor, query, **filters)
    reading = TaskState() if state is None else state
    headers = [say("Code"), say("Name"), say("Phone"), say("Email"), say("Birth date"), say("Category"),
               say("Family"), say("Membership"), say("Balance due")]
    standing = {status: term(label) for status, label in LABELS.items()}
    chunk_of = (  # one statement for every chunk: building it anew each time left ~40,000 objects of
        # garbage that the collector then went through in one go, holding the window's thread (L3)
        select(Client.id, Client.code, Client.name, Client.phone, Client.email, Client.birth_date,
               ClientCategory.name.label("category"), Family.name.label("family"),
               clients.standing_sql(session).label("status"), invoices.client_balance_sql().label("balance"))
        .outerjoin(ClientCategory, ClientCategory.id == Client.category_id)
        .outerjoin(Family, Family.id == Client.family_id).where(Client.id.in_(bindparam("chunk", expanding=True))))
    rows = []
    for start in range(0, len(ids), 5000):
        reading.progress(start, 2 * len(ids))  # reading is the first half of the work, writing the second
        chunk = ids[start:start + 5000]
        found = {r.id: r for r in session.execute(chunk_of, {"chunk": chunk})}
        rows += [[r.code, r.name, r.phone, r.email, r.birth_date.isoformat() if r.birth_date else "", r.category or "",
                  r.family or "", standing[r.status], r.balance] for r in (found[i] for i in chunk)]
        found.clear()
    return headers, rows


def _second_half(state: TaskState | None, total: int) -> TaskState | None:
    """Progress of the writing, shown as the second half of a read-then-write job."""
    if state is None:
        return None
    return ProgressPart(state, offset=total, total=2 * total)


# ---- import ---------------------------------------------------------------------

@dataclass
class ImportRow:
    line: int  # as the user sees it in the file (header is line 1)
    values: dict
    status: str = "new"  # new, duplicate, error
    reason: str = ""
    problem: DomainError | None = None  # an error row's refusal, shown in the user's language


@dataclass
class ImportPreview:
    headers: list[str]
    mapping: dict[str, int]  # field -> column
    rows: list[ImportRow] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


def _decode(raw: bytes) -> str:
    if b"\x00" in raw:
        raise DomainError("The file contains NUL bytes: it is not a text (CSV) file.", field="path")
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DomainError("The file's text encoding is not UTF-8 or Windows-1251.", field="path")


def read_table(path: Path) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of a CSV (comma or semicolon, UTF-8 or cp1251) or an XLSX file."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        raise DomainError("The file cannot be read.", field="path") from None
    if size > MAX_FILE_BYTES:
        raise DomainError("The file is larger than 20 MB.", field="path")
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - any unreadable workbook is the same plain message
            raise DomainError("The file is not a readable XLSX workbook.", field="path") from None
        table = [["" if v is None else (v.date().isoformat() if isinstance(v, dt.datetime) else str(v))
                  for v in row] for row in book.active.iter_rows(values_only=True)]
        book.close()
    else:
        content = _decode(path.read_bytes())
        csv.field_size_limit(MAX_FILE_BYTES)  # a huge cell becomes that row's error, not a broken file
        first_line = content.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        try:
            table = list(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True))
        except csv.Error as err:
            raise DomainError("The file is not valid CSV ({problem}); check for an unterminated quote.",
                              field="path", problem=str(err)) from None
    table = [row for row in table if any(cell.strip() for cell in row)]
    if not table:
        raise DomainError("The file is empty.", field="path")
    if len(table) > MAX_ROWS + 1:
        raise DomainError("The file has more than {most} rows; split it.", field="path", most=MAX_ROWS)
    return [h.strip() for h in table[0]], table[1:]


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Which column holds which field, from the header words (the user can change it)."""
    mapping = {}
    folded = [fold(h) for h in headers]
    for name, words in HEADER_WORDS.items():
        for column, header in enumerate(folded):
            if header in words and column not in mapping.values():
                mapping[name] = column
                break
    return mapping


def _parse_date(text: str) -> dt.date:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise DomainError("“{text}” is not a date like 2016-05-31 or 31.05.2016.", text=text)


@guarded(Right.EDIT_CLIENTS)
def preview_import(session: Session, actor: Actor, path: Path, mapping: dict[str, int] | None = None, *,
                   state: TaskState | None = None) -> ImportPreview:
    """Read the file and say what each row would become. Writes nothing. Slow on big files: a job."""
    headers, table = read_table(path)
    mapping = guess_mapping(headers) if mapping is None else mapping
    if "name" not in mapping:
        raise DomainError("Choose which column holds the names.", field="mapping")
    categories = {fold(name): cid for cid, name in session.execute(select(ClientCategory.id, ClientCategory.name))}
    streamed = {"yield_per": 5000}  # fetched and let go of 5,000 rows at a time, never 100,000 at once (L3)
    known_phones = PhoneBook(session.scalars(select(Client.phone).where(Client.phone_key != "")
                                             .execution_options(**streamed)))
    known_codes = set(session.scalars(select(Client.code).execution_options(**streamed)))
    seen_phones = PhoneBook()
    seen_codes: set[str] = set()
    preview = ImportPreview(headers, mapping)
    try:
        for line, cells in enumerate(steps(state, table), start=2):
            values = {name: (cells[col].strip() if col < len(cells) else "") for name, col in mapping.items()}
            row = ImportRow(line, values)
            preview.rows.append(row)
            try:
                if any(len(v) > MAX_CELL for v in values.values()):
                    raise DomainError("A cell is longer than {most} characters.", most=MAX_CELL)
                fields = _client_fields(values, categories)
                clients.clean_fields(session, {k: v for k, v in fields.items() if k != "code"}, None)
            except DomainError as err:
                row.status, row.reason, row.problem = "error", err.message, err
                continue
            phone = values.get("phone", "")
            code = values.get("code", "").upper()
            if known_phones.knows(phone) or seen_phones.knows(phone) or \
                    (code and (code in known_codes or code in seen_codes)):
                row.status = "duplicate"
                row.reason = "same code" if code and (code in known_codes or code in seen_codes) else "same phone"
            seen_phones.add(phone)
            if code:
                seen_codes.add(code)
    finally:  # the books of every stored phone and code, let go of a slice at a time (L3)
        known_phones.forget()
        seen_phones.forget()
        release(known_codes)
        release(table)
    return preview


MIN_PHONE_DIGITS = 7  # fewer digits are too short to call two numbers the same


class PhoneBook:
    """Numbers met so far (stored, or on earlier rows), to tell "same phone" however each was
    written: "8 912 345-67-89" and "07700 900123" (national forms, app.text.national_number)
    are +7 912 345 67 89 and +44 7700 900123. Set lookups: a 200,000-row file stays fast.

    The sets are kept by a number's last two digits (every reading of a number ends alike), so a
    book of every stored number (400,000 texts) is let go of a hundredth at a time (:meth:`forget`):
    freed at once it kept the interpreter, and so the window's thread, 85 ms (L3)."""

    def __init__(self, phones=()):
        self._numbers: dict[str, set[str]] = {}  # each number's digits, also without a country code of 1-3 digits
        self._nationals: dict[str, set[str]] = {}  # numbers written in national form, without the trunk prefix
        for phone in phones:
            self.add(phone)

    @staticmethod
    def _readings(digits: str) -> set[str]:
        return {digits[cut:] for cut in range(4) if len(digits) - cut >= MIN_PHONE_DIGITS}

    def add(self, phone: str) -> None:
        digits = phone_digits(phone)
        readings = self._readings(digits)
        if readings:
            self._numbers.setdefault(digits[-2:], set()).update(readings)
        national = national_number(phone)
        if len(national) >= MIN_PHONE_DIGITS:
            self._nationals.setdefault(national[-2:], set()).add(national)

    def forget(self) -> None:
        """Let go of the numbers one set (a hundredth of them) at a time."""
        for shelf in (self._numbers, self._nationals):
            while shelf:
                shelf.popitem()

    def knows(self, phone: str) -> bool:
        digits, national = phone_digits(phone), national_number(phone)
        if len(digits) >= MIN_PHONE_DIGITS and (
                digits in self._numbers.get(digits[-2:], NONE)
                or not self._nationals.get(digits[-2:], NONE).isdisjoint(self._readings(digits))):
            return True
        return len(national) >= MIN_PHONE_DIGITS and (national in self._numbers.get(national[-2:], NONE)
                                                      or national in self._nationals.get(national[-2:], NONE))


NONE: frozenset[str] = frozenset()


def _client_fields(values: dict, categories: dict[str, int]) -> dict:
    out = {k: values[k] for k in ("name", "phone", "email", "guardian_name", "guardian_phone", "notes", "code")
           if k in values}
    if values.get("birth_date"):
        out["birth_date"] = _parse_date(values["birth_date"])
    if values.get("category"):
        if fold(values["category"]) not in categories:
            raise DomainError("There is no category “{category}”.", category=values["category"])
        out["category_id"] = categories[fold(values["category"])]
    return out


@guarded(Right.EDIT_CLIENTS)
def import_clients(session: Session, actor: Actor, preview: ImportPreview) -> dict:
    """Add the preview's new rows (with their families) in this one transaction.

    Duplicates and error rows are left out, as the preview showed. Any
    failure while writing raises, and the caller's transaction writes nothing.
    """
    categories = {fold(name): cid for cid, name in session.execute(select(ClientCategory.id, ClientCategory.name))}
    families: dict[str, Family] = {}
    payers: dict[str, int] = {}
    added = 0
    for row in preview.rows:
        if row.status != "new":
            continue
        try:
            client_id = clients.create_client(session, actor, **_client_fields(row.values, categories))
        except DomainError as err:
            raise DomainError("Line {line}: {problem} Nothing was imported.", line=row.line, problem=err) from None
        added += 1
        family_name = row.values.get("family", "").strip()
        if family_name:
            family = families.get(fold(family_name))
            if family is None:
                family = families[fold(family_name)] = Family(name=family_name, created_by_id=actor.user_id)
                session.add(family)
                session.flush()
            session.get(Client, client_id).family_id = family.id
            if fold(row.values.get("payer", "")) in ("1", "yes", "y", "x", "true", "да"):
                payers[fold(family_name)] = client_id
            else:  # no payer marked: the family's first row pays
                payers.setdefault(fold(family_name), client_id)
    for key, family in families.items():
        family.payer_id = payers[key]
    audit.record(session, actor, "import", "client", None, added=added, families=len(families))
    return {"added": added, "families": len(families)}
