"""Set-up shared by the journal and cards stories: a program whose group meets daily, a pack, a child in it."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from app.services import catalogue, clients, programs


def daily_lessons(desk, since: dt.date, *, lessons: int = 6, teacher_id: int | None = None,
                  child: str = "Маша Петрова") -> SimpleNamespace:
    """Made by the owner: ``program``, ``group`` (every day, taught by ``teacher_id``), ``pack``
    (``lessons`` lessons, 3 months) and ``child`` (in the group from ``since``)."""
    owner = desk.ops("olga").actor
    with desk.database.writer.begin() as s:
        program = programs.create_program(s, owner, name="Speech", base_lesson_price="20")
        group = programs.create_group(s, owner, program_id=program, name="Daily speech", teacher_id=teacher_id,
                                      slots=[(d, "16:00", "16:45") for d in range(7)])
        pack = catalogue.create_package(s, owner, kind="lesson_pack", name=f"Speech x{lessons}",
                                        price=str(20 * lessons), term_count=3, term_unit="month",
                                        program_id=program, lesson_count=lessons)
        kid = clients.create_client(s, owner, name=child)
        programs.enrol(s, owner, group, kid, since=since)
    return SimpleNamespace(program=program, group=group, pack=pack, child=kid)
