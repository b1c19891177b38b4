"""Demo and benchmark data: a year in the life of a centre, consistent with the rules.

``build(session)`` makes the demo (about 300 clients); ``build(session,
clients=100_000, visits=1_000_000)`` makes a benchmark database. Rows are
written with bulk inserts, but every figure obeys the rules: packs never
hold more lessons than their size, unpaid visits are absorbed by the next
pack sold (J3), invoice totals equal their lines and numbers are gapless in
date order, payments never exceed the total, credit use never exceeds grants,
every excused absence has earned its makeup lesson (J7, by the journal's own
rule). People are believable: a name of one country, its phone code, and a
Russian or Belarusian surname in the person's gender (Анна Иванова, Аліна Быкава).

Run ``python -m app.demo --out big.sqlite3 --clients 100000 --visits 1000000``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from app.db import move_sequences_on
from app.models import (
    AttendanceStatus,
    BillingType,
    CashDrawer,
    Client,
    ClientCategory,
    CreditAllocation,
    CreditGrant,
    CreditType,
    CreditUse,
    Enrolment,
    Family,
    Group,
    GroupSlot,
    Invoice,
    InvoiceCounter,
    InvoiceLine,
    InvoiceState,
    Makeup,
    Membership,
    Package,
    PackageCredit,
    PackageKind,
    Payment,
    PaymentMethod,
    Program,
    Role,
    TermUnit,
    Visit,
)
from app.services import settings, setup, users
from app.services.journal import earned_makeup
from app.terms import end_date
from app.text import fold, phone_digits

DEMO_PASSWORD = "demo-desk"


@dataclass(frozen=True)
class Country:
    """Where a demo person's name comes from: the phone follows it (a name of Minsk, a +375 number)."""

    code: str  # the international calling code
    mobile: str  # the national part of a mobile number, "#" a digit
    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames: tuple[str, ...]  # Russian and Belarusian ones in the masculine form (see _surname)


COUNTRIES = {
    "gb": Country("+44", "7### ######", ("Emma", "Olivia", "Ava", "Mia", "Sophie", "Grace", "Amelia", "Isla"),
                  ("Liam", "Noah", "Lucas", "Leo", "Jack", "Oscar", "Harry", "George"),
                  ("Smith", "Brown", "Taylor", "Wilson", "Evans", "Walker", "Hughes", "Green", "Baker", "Hill")),
    "de": Country("+49", "15# ########", ("Lena", "Hannah", "Jördis", "Käthe", "Bärbel", "Marie"),
                  ("Lukas", "Jürgen", "Jörg", "Björn", "Felix", "Sören"),
                  ("Müller", "Schäfer", "Köhler", "Schröder", "Krüger", "Jäger", "Weiß", "Groß")),
    "fr": Country("+33", "6 ## ## ## ##", ("Chloé", "Anaïs", "Renée", "Zoé", "Hélène", "Léa"),
                  ("François", "Jérôme", "Loïc", "Théo", "Mathéo", "Hugo"),
                  ("Lefèvre", "Mézières", "Bérard", "Dupré", "Séguin", "Ménard")),
    "es": Country("+34", "6## ### ###", ("Lucía", "Inés", "Sofía", "María", "Carmen"),
                  ("Íñigo", "José", "Andrés", "Martín", "Pablo"),
                  ("García", "Núñez", "Gómez", "Martínez", "Sánchez", "Díaz", "Fernández")),
    "pl": Country("+48", "5## ### ###", ("Małgorzata", "Agnieszka", "Zofia"), ("Łukasz", "Michał", "Paweł"),
                  ("Woźniak", "Zając", "Kołodziej", "Gołąb", "Żak")),
    "tr": Country("+90", "5## ### ## ##", ("Çağla", "Elif", "Zeynep"), ("Mehmet", "Emre", "Barış"),
                  ("Yılmaz", "Şahin", "Çelik", "Doğan", "Kılıç", "Aydın")),
    "ru": Country("+7", "9## ### ## ##",
                  ("Анна", "Мария", "Ольга", "Екатерина", "Юлия", "Наталья", "Татьяна", "Елена", "Ксения", "Дарья"),
                  ("Иван", "Дмитрий", "Сергей", "Алексей", "Пётр", "Михаил", "Андрей", "Николай", "Павел", "Артём"),
                  ("Иванов", "Петров", "Смирнов", "Кузнецов", "Соколов", "Попов", "Лебедев", "Козлов", "Новиков",
                   "Соловьёв", "Васильев", "Зайцев", "Никитин", "Ильин", "Сорокин", "Вишневский", "Островский",
                   "Шевченко")),
    "by": Country("+375", "29 ### ## ##", ("Ірына", "Аліна", "Людміла", "Вікторыя", "Крысціна"),
                  ("Міхась", "Васіль", "Мікалай", "Віктар", "Зміцер", "Кірыл"),
                  ("Быкаў", "Кавалёў", "Мельнікаў", "Зайцаў", "Ільін", "Дубоўскі", "Сіняўскі", "Караткевіч",
                   "Багдановіч", "Жук")),
}
ARAB = Country("", "", ("ليلى", "سارة", "مريم", "نور", "فاطمة"), ("عمر", "يوسف", "أحمد", "خالد", "كريم"),
               ("حداد", "خليل", "منصور", "ناصر", "الهاشمي"))
ARAB_MOBILES = [("+971", "5# ### ####"), ("+966", "5# ### ####"), ("+965", "6### ####"), ("+974", "5### ####"),
                ("+973", "3### ####"), ("+968", "9### ####")]  # the Gulf: UAE, Saudi Arabia, Kuwait, Qatar, ...
COUNTRIES.update({f"arab{code}": replace(ARAB, code=code, mobile=mobile) for code, mobile in ARAB_MOBILES})
COUNTRY_KEYS = list(COUNTRIES)
COUNTRY_WEIGHTS = [45, 7, 6, 6, 3, 3, 20, 7] + [3 / len(ARAB_MOBILES)] * len(ARAB_MOBILES)

# A Russian or Belarusian surname agrees with the person: Иванов, Иванова; Вишневский, Вишневская;
# Быкаў, Быкава; Дубоўскі, Дубоўская. Others (Шевченко, Караткевіч, Жук) are the same for both.
FEMININE_SURNAME = (("ский", "ская"), ("цкий", "цкая"), ("скі", "ская"), ("цкі", "цкая"), ("ой", "ая"),
                    ("ў", "ва"), ("ов", "ова"), ("ев", "ева"), ("ёв", "ёва"), ("ин", "ина"), ("ін", "іна"))

# The demo speaks the language it is made in (L2, ``--demo --lang ru``): its business, catalogue and staff;
# clients come from everywhere, more of them from the language's countries.
@dataclass(frozen=True)
class Wording:
    business: tuple[str, str, str]  # name, address, currency
    staff: tuple[str, ...]  # the owner, the receptionist, four teachers
    programs: tuple[str, ...]  # in PROGRAMS' order
    lessons: dict[str, str]  # "lessons" by the language's plural category (Babel)
    credits: tuple[tuple[str, str, str], ...]  # credit type, its unit, its package (CREDIT_TYPES' order)
    room: str
    family: str
    cafe: str
    more_from: tuple[str, ...] = ()  # country keys weighted up


WORDING = {
    "en": Wording(("Sunny Side Kids & Fitness", "12 Harbour Street, Riverton", "EUR"),
                  ("Demo Owner", "Rita Reception", "Tatiana Petrova", "Tom Hughes", "Inês Núñez", "Omar Haddad"),
                  ("Speech therapy 7-12y", "Bunny goes to kindergarten", "Junior swimming", "Ballet 5-8y",
                   "English for kids", "Chess club"),
                  {"one": "lesson", "other": "lessons"},
                  (("Sauna", "visit", "Sauna: 10 visits"), ("Solarium", "minute", "Solarium: 60 minutes"),
                   ("Massage", "session", "Massage: 5 sessions")),
                  "Room {n}", "{surname} family", "Café till"),
    "ru": Wording(("Солнечная сторона: дети и фитнес", "ул. Набережная, 12, Минск", "BYN"),
                  ("Владелец (демо)", "Рита, администратор", "Татьяна Петрова", "Ольга Смирнова", "Инес Нуньес",
                   "Омар Хаддад"),
                  ("Логопед 7–12 лет", "Малыш идёт в садик", "Плавание для малышей", "Балет 5–8 лет",
                   "Английский для детей", "Шахматный клуб"),
                  {"one": "занятие", "few": "занятия", "many": "занятий", "other": "занятия"},
                  (("Сауна", "посещение", "Сауна: 10 посещений"), ("Солярий", "минута", "Солярий: 60 минут"),
                   ("Массаж", "сеанс", "Массаж: 5 сеансов")),
                  "Зал {n}", "Семья {surname}", "Касса кафе", ("ru", "by")),
    "ar": Wording(("الجانب المشمس للأطفال واللياقة", "12 شارع الميناء، جدة", "SAR"),
                  ("المالك (تجريبي)", "ريتا، الاستقبال", "تاتيانا بيتروفا", "سارة منصور", "إينيس نونيز",
                   "عمر حداد"),
                  ("تخاطب 7-12 سنة", "الأرنب يذهب إلى الروضة", "سباحة للصغار", "باليه 5-8 سنوات",
                   "الإنجليزية للأطفال", "نادي الشطرنج"),
                  {"zero": "حصة", "one": "حصة", "two": "حصتان", "few": "حصص", "many": "حصة", "other": "حصة"},
                  (("ساونا", "زيارة", "ساونا: 10 زيارات"), ("سولاريوم", "دقيقة", "سولاريوم: 60 دقيقة"),
                   ("تدليك", "جلسة", "تدليك: 5 جلسات")),
                  "قاعة {n}", "عائلة {surname}", "صندوق المقهى", tuple(f"arab{code}" for code, _m in ARAB_MOBILES)),
}

PROGRAMS = [
    # lesson price, colour, lessons per pack (two pack sizes); names: Wording.programs
    ("21.33", "#e67e22", (6, 12)),
    ("15.00", "#f1c40f", (8, 16)),
    ("18.50", "#3498db", (8, 12)),
    ("14.00", "#e84393", (8, 16)),
    ("16.00", "#27ae60", (8, 12)),
    ("12.00", "#7f8c8d", (4, 8)),
]
CREDIT_TYPES = [(10, "60.00"), (60, "45.00"), (5, "150.00")]  # units, price; names: Wording.credits


def _lessons(language: str, wording: Wording, count: int) -> str:
    """"8 lessons", "8 занятий", "8 حصص": the word in the count's plural form."""
    from babel import Locale

    from app.languages import BABEL

    category = Locale.parse(BABEL.get(language, "en")).plural_form(count)
    return f"{count} {wording.lessons.get(category, wording.lessons['other'])}"


class _Ids:
    """Hands out primary keys so rows can be bulk-inserted and cross-referenced."""

    def __init__(self):
        self._next = defaultdict(lambda: 1)

    def __call__(self, table: str) -> int:
        value = self._next[table]
        self._next[table] = value + 1
        return value


_PHONES = {key: (f"{c.code} {c.mobile.replace('#', '{}')}", c.mobile.count("#")) for key, c in COUNTRIES.items()}


def _surname(surname: str, female: bool) -> str:
    """The surname in the person's gender (a masculine Russian or Belarusian form made feminine)."""
    if female:
        for masculine, feminine in FEMININE_SURNAME:
            if surname.endswith(masculine):
                return surname[: -len(masculine)] + feminine
    return surname


def _phone(rng: random.Random, country: str) -> str:
    """A mobile number of the country: "+375 29 123 45 67"."""
    template, digits = _PHONES[country]
    return template.format(*f"{rng.randrange(10 ** digits):0{digits}d}")


def _first_name(rng: random.Random, country: str, female: bool) -> str:
    names = COUNTRIES[country]
    return rng.choice(names.female if female else names.male)


def _bulk(session: Session, model, rows: list[dict], chunk: int = 50_000) -> None:
    """Insert plain rows with one executemany per chunk (Core: no per-row ORM work)."""
    table = model.__table__
    for i in range(0, len(rows), chunk):
        session.connection().execute(insert(table), rows[i:i + chunk])


def build(session: Session, *, clients: int = 300, visits: int | None = None, seed: int = 7,
          today: dt.date | None = None, language: str = "en") -> dict:
    """Fill an empty, migrated database, in ``language`` (en, ru, ar); returns counts of what was made."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    year_ago = today - dt.timedelta(days=365)
    visits = visits if visits is not None else clients * 40
    ids = _Ids()
    rows: dict[type, list[dict]] = defaultdict(list)
    words = WORDING.get(language, WORDING["en"])

    # The business, its people and its catalogue, through the same code as a real first start.
    owner_name, reception_name, *teacher_names = words.staff
    owner = users.add_user(session, "owner", owner_name, Role.OWNER, DEMO_PASSWORD)
    users.add_user(session, "reception", reception_name, Role.RECEPTIONIST, DEMO_PASSWORD)
    teachers = [users.add_user(session, f"teacher{i}", name, Role.TEACHER, DEMO_PASSWORD).id
                for i, name in enumerate(teacher_names, 1)]
    business, address, currency = words.business
    settings.store(session, {"business_name": business, "currency": currency, "language": language,
                             "business_address": address, "invoice_prefix": "INV"})
    setup.add_defaults(session, language)
    session.flush()
    statuses = session.query(AttendanceStatus).order_by(AttendanceStatus.position).all()  # setup.DEFAULT_STATUSES
    categories = [c.id for c in session.query(ClientCategory).order_by(ClientCategory.id)]  # Adult, Child, Student
    drawers = [session.query(CashDrawer).one().id]
    bar = CashDrawer(name=words.cafe)
    session.add(bar)
    session.flush()
    drawers.append(bar.id)
    plans = session.query(Package).filter_by(kind=PackageKind.MEMBERSHIP).all()

    programs, pack_packages = [], defaultdict(list)
    for name, (price, colour, sizes) in zip(words.programs, PROGRAMS):
        program = Program(name=name, base_lesson_price=Decimal(price), colour=colour)
        session.add(program)
        session.flush()
        programs.append(program)
        for size in sizes:
            pack = Package(kind=PackageKind.LESSON_PACK, name=f"{name}: {_lessons(language, words, size)}",
                           program_id=program.id,
                           lesson_count=size, price=Decimal(price) * size * Decimal("0.95") // 1,
                           billing_type=BillingType.ONE_TIME, term_count=3, term_unit=TermUnit.MONTH,
                           created_by_id=owner.id)
            session.add(pack)
            pack_packages[program.id].append(pack)
    credit_packages = []
    for (name, unit, package_name), (units, price) in zip(words.credits, CREDIT_TYPES):
        ctype = CreditType(name=name, unit=unit)
        session.add(ctype)
        session.flush()
        pack = Package(kind=PackageKind.CREDITS, name=package_name, price=Decimal(price),
                       billing_type=BillingType.ONE_TIME, term_count=6, term_unit=TermUnit.MONTH)
        pack.credits.append(PackageCredit(credit_type_id=ctype.id, units=units))
        session.add(pack)
        credit_packages.append((pack, ctype.id, units))
    session.flush()

    groups = []  # (group id, program, weekdays)
    n_groups = max(15, round(15 * (clients / 300) ** 0.5)) if clients > 300 else 15
    for i in range(n_groups):
        program = programs[i % len(programs)]
        weekdays = sorted(rng.sample(range(6), 2))
        group = Group(program_id=program.id, name=f"{program.name.split(' ')[0]} {chr(65 + i // len(programs))}"
                      + (f"{i}" if n_groups > 26 else ""), teacher_id=teachers[i % len(teachers)],
                      room=words.room.format(n=1 + i % 5), capacity=rng.choice([8, 10, 12, 30]))
        session.add(group)
        session.flush()
        for wd in weekdays:
            hour = rng.choice([9, 10, 15, 16, 17, 18])
            session.add(GroupSlot(group_id=group.id, weekday=wd, starts=dt.time(hour), ends=dt.time(hour, 45)))
        groups.append((group.id, program, weekdays))
    session.flush()

    # Clients and families.
    client_ids, kids, adults = [], [], []
    people = {}  # client id -> (country, female, surname in the masculine form): a child takes a parent's
    base_client = session.query(Client).count()
    weights = [w * (12 if key in words.more_from else 1) for key, w in zip(COUNTRY_KEYS, COUNTRY_WEIGHTS)]
    for _ in range(clients):
        cid = base_client + ids("client")
        country = rng.choices(COUNTRY_KEYS, weights)[0]
        female = rng.random() < 0.55
        surname = rng.choice(COUNTRIES[country].surnames)
        name = f"{_first_name(rng, country, female)} {_surname(surname, female)}"
        people[cid] = (country, female, surname)
        kid = rng.random() < 0.6
        birth = today - dt.timedelta(days=rng.randint(4 * 365, 12 * 365) if kid else rng.randint(18 * 365, 70 * 365))
        phone = _phone(rng, country)
        rows[Client].append(dict(
            id=cid, code=f"C{cid:06d}", name=name, search_key=fold(name), phone=phone,
            phone_key=phone_digits(phone),
            email=f"client{cid}@example.org" if rng.random() < 0.7 else "", birth_date=birth,
            category_id=categories[1] if kid else rng.choice([categories[0], categories[0], categories[2]]),
            family_id=None, guardian_name="", notes="", created_by_id=owner.id,
            created_at=dt.datetime.combine(year_ago, dt.time(9), dt.timezone.utc),
        ))
        client_ids.append(cid)
        (kids if kid else adults).append(cid)
    payer_of: dict[int, int] = {}
    families = []
    if adults:
        for kid in kids:
            if rng.random() < 0.3:
                parent = rng.choice(adults)
                payer_of[kid] = parent
        by_parent = defaultdict(list)
        for kid, parent in payer_of.items():
            by_parent[parent].append(kid)
        by_id = {row["id"]: row for row in rows[Client]}
        for parent, children in by_parent.items():
            fid = ids("family")
            families.append(dict(id=fid, name=words.family.format(surname=by_id[parent]['name'].split(' ')[-1]),
                                 payer_id=parent))
            for member in (parent, *children):
                by_id[member]["family_id"] = fid
            country, _female, surname = people[parent]
            for kid in children:  # a child carries the parent's surname, in the child's gender, and country
                child = by_id[kid]
                first = child["name"].split(" ")[0]
                if people[kid][0] != country:
                    first = _first_name(rng, country, people[kid][1])
                    child["phone"] = _phone(rng, country)
                    child["phone_key"] = phone_digits(child["phone"])
                child["name"] = f"{first} {_surname(surname, people[kid][1])}"
                child["search_key"] = fold(child["name"])
                child["guardian_name"] = by_id[parent]["name"]
    _bulk(session, Family, [dict(f, payer_id=None) for f in families])
    _bulk(session, Client, rows.pop(Client))

    sales = []  # dicts: membership row plus "_date" for invoice ordering

    def sell(client_id: int, package: Package, start: dt.date, **extra) -> dict:
        mid = ids("membership")
        sale = dict(
            id=mid, client_id=client_id, package_id=package.id, kind=package.kind, package_name=package.name,
            price=package.price, billing_type=package.billing_type, term_count=package.term_count,
            term_unit=package.term_unit, program_id=package.program_id, lesson_count=package.lesson_count,
            lessons_used=0, member_discount_pct=package.member_discount_pct, start_date=start,
            end_date=end_date(start, package.term_count, package.term_unit), description="",
            renews_id=None, created_by_id=owner.id,
            created_at=dt.datetime.combine(start, dt.time(10), dt.timezone.utc),
        )
        sale.update(extra)
        sales.append(sale)
        return sale

    # Lesson packs follow attendance: kids are enrolled, attend, and packs are sold as they run out.
    present, absent, excused, sick, trial, _makeup = (status.id for status in statuses)
    mark_weights = [(present, True, 84), (absent, True, 4), (excused, False, 6), (sick, False, 5), (trial, False, 1)]
    status_ids = [m[0] for m in mark_weights]
    makeup_days = settings.get_settings(session)["makeup_days"]
    earns_makeup = {s.id for s in statuses if s.gives_makeup}  # J7: an excused absence
    makeups = rows[Makeup]
    charges = {m[0]: m[1] for m in mark_weights}
    weights = [m[2] for m in mark_weights]
    enrolments = []
    for kid in kids:
        for gid, program, weekdays in rng.sample(groups, rng.choice([1, 1, 2])):
            enrolments.append((kid, gid, program, weekdays))
    group_size = defaultdict(int)
    for _kid, gid, _program, _weekdays in enrolments:
        group_size[gid] += 1
    for gid, size in group_size.items():  # a group holds the children enrolled in it
        session.execute(update(Group).where(Group.id == gid, Group.capacity < size).values(capacity=size + 2))
    lessons_each = max(1, visits * 0.88 / max(1, len(enrolments)))  # most visits are lessons, some check-ins
    visit_rows = rows[Visit]
    for kid, gid, program, weekdays in enrolments:
        weeks = max(1, int(rng.uniform(0.5, 1.5) * lessons_each / len(weekdays)))
        first_day = max(year_ago, today - dt.timedelta(weeks=weeks))
        rows[Enrolment].append(dict(id=ids("enrolment"), group_id=gid, client_id=kid, since=first_day,
                                    until=None, waiting=False))
        open_packs: list[dict] = []
        unpaid: list[dict] = []
        day = first_day
        while day <= today:
            if day.weekday() in weekdays:
                status = rng.choices(status_ids, weights)[0]
                visit = dict(id=ids("visit"), kind="lesson", client_id=kid, group_id=gid, program_id=program.id,
                             date=day, status_id=status, membership_id=None, created_by_id=owner.id,
                             created_at=dt.datetime.combine(day, dt.time(18), dt.timezone.utc))
                visit_rows.append(visit)
                if status in earns_makeup:
                    makeups.append(earned_makeup(kid, program.id, visit["id"], day, makeup_days))
                if charges[status]:
                    pack = next((p for p in open_packs if p["lessons_used"] < p["lesson_count"]
                                 and p["start_date"] <= day <= p["end_date"]), None)
                    if pack is None and rng.random() < 0.9 and day < today - dt.timedelta(days=3):
                        pack = sell(kid, rng.choice(pack_packages[program.id]), day)
                        open_packs = [pack]
                        for old in unpaid[: pack["lesson_count"] - 1]:  # J3: absorb unpaid visits, oldest first
                            old["membership_id"] = pack["id"]
                            pack["lessons_used"] += 1
                        unpaid = unpaid[pack["lesson_count"] - 1:]
                    if pack is None:
                        unpaid.append(visit)
                    else:
                        visit["membership_id"] = pack["id"]
                        pack["lessons_used"] += 1
            day += dt.timedelta(days=1)

    # Time memberships with renewals, and check-ins while they run.
    checkins_each = visits - len(visit_rows)
    grants, uses, allocations = rows[CreditGrant], rows[CreditUse], rows[CreditAllocation]
    for adult in adults:
        if rng.random() < 0.75:
            plan = rng.choice(plans)
            start = year_ago + dt.timedelta(days=rng.randint(0, 300))
            previous = None
            while start <= today and rng.random() < 0.85:
                sale = sell(adult, plan, start, renews_id=previous["id"] if previous else None)
                previous = sale
                start = sale["end_date"] + dt.timedelta(days=1)
            if previous:
                span = (min(today, previous["end_date"]) - sales[-1]["start_date"]).days
                wanted = checkins_each / (0.75 * len(adults) * 0.8)
                for _ in range(min(int(wanted) + (rng.random() < wanted % 1), max(0, span))):
                    when = sales[-1]["start_date"] + dt.timedelta(days=rng.randint(0, max(0, span)))
                    visit_rows.append(dict(id=ids("visit"), kind="checkin", client_id=adult, group_id=None,
                                           program_id=None, date=when, status_id=present,
                                           membership_id=previous["id"], created_by_id=owner.id,
                                           created_at=dt.datetime.combine(when, dt.time(8), dt.timezone.utc)))
        if rng.random() < 0.3:
            pack, ctype, units = rng.choice(credit_packages)
            start = today - dt.timedelta(days=rng.randint(0, 200))
            sale = sell(adult, pack, start)
            gid = ids("grant")
            used = rng.randint(0, units)
            grants.append(dict(id=gid, client_id=adult, credit_type_id=ctype, membership_id=sale["id"],
                               units=units, used=used, valid_from=start, valid_until=sale["end_date"],
                               created_by_id=owner.id))
            left = used
            while left:
                take = min(left, rng.randint(1, max(1, units // 4)))
                uid = ids("use")
                when = min(today, start + dt.timedelta(days=rng.randint(0, 150)))
                uses.append(dict(id=uid, client_id=adult, credit_type_id=ctype, units=take, used_on=when,
                                 note="", created_by_id=owner.id))
                allocations.append(dict(id=ids("alloc"), use_id=uid, grant_id=gid, units=take))
                left -= take

    # One issued invoice per sale, numbered in date order; most are paid, some partly, some not.
    sales.sort(key=lambda s: (s["start_date"], s["id"]))
    prefix = "INV"
    for number, sale in enumerate(sales, 1):
        iid = ids("invoice")
        sale["invoice_id"] = iid
        payer = payer_of.get(sale["client_id"], sale["client_id"])
        issued = dt.datetime.combine(sale["start_date"], dt.time(10, 5), dt.timezone.utc)
        rows[Invoice].append(dict(id=iid, prefix=prefix, number=number, state=InvoiceState.DRAFT,
                                  date=sale["start_date"], client_id=sale["client_id"], payer_id=payer,
                                  tax_rate=Decimal(0), total=sale["price"], notes="", issued_at=issued,
                                  created_by_id=owner.id, created_at=issued))
        rows[InvoiceLine].append(dict(id=ids("line"), invoice_id=iid, position=0, kind="item",
                                      description=sale["package_name"], quantity=Decimal(1),
                                      unit_price=sale["price"], amount=sale["price"], membership_id=sale["id"]))
        roll = rng.random()
        paid = sale["price"] if roll < 0.86 else (sale["price"] / 2).quantize(Decimal("0.01")) if roll < 0.94 else 0
        if paid > 0:
            rows[Payment].append(dict(id=ids("payment"), invoice_id=iid, paid_on=sale["start_date"], amount=paid,
                                      method=rng.choice(list(PaymentMethod)[:4]), cash_drawer_id=rng.choice(drawers),
                                      reference="", created_by_id=owner.id, created_at=issued))
    made_makeups = len(makeups)
    _bulk(session, InvoiceCounter, [dict(prefix=prefix, next_number=len(sales) + 1)])
    _bulk(session, Enrolment, rows.pop(Enrolment))
    _bulk(session, Invoice, rows.pop(Invoice))
    _bulk(session, Membership, sales)
    for model in (InvoiceLine, Payment, Visit, Makeup, CreditGrant, CreditUse, CreditAllocation):
        _bulk(session, model, rows.pop(model, []))
    # Lines go in while the invoices are drafts; issued ones refuse new lines (migration 0003).
    session.execute(update(Invoice).where(Invoice.state == InvoiceState.DRAFT).values(state=InvoiceState.ISSUED))
    for family in families:
        session.execute(update(Family).where(Family.id == family["id"]).values(payer_id=family["payer_id"]))
    move_sequences_on(session)  # the rows above came with their own ids
    return {"clients": clients, "sales": len(sales), "visits": ids("visit") - 1, "makeups": made_makeups,
            "families": len(families)}


def main(argv: list[str] | None = None) -> int:
    import time

    from app.db import sqlite_url
    from app.storage import open_database

    parser = argparse.ArgumentParser(description="Build a demo or benchmark database.")
    parser.add_argument("--out", required=True, help="the SQLite file to create (must not exist)")
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--visits", type=int, default=None)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    db = open_database(sqlite_url(args.out), create=True)
    with db.writer.begin() as session:
        counts = build(session, clients=args.clients, visits=args.visits, seed=args.seed)
    db.dispose()
    print(f"{counts} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
