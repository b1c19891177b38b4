"""D5: names refuse broken and hidden characters with a plain message; a search never fails on them."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import DomainError
from app.models import Client, Role
from app.services import catalogue, clients, families, programs, users
from tests.conftest import PASSWORD

BAD_NAMES = {
    "lone surrogate": ("Анна \ud800 Иванова", "broken character"),
    "NUL": ("Anna\x00Smith", "cannot be stored"),
    "new line": ("Anna\nSmith", "one line"),
    "carriage return": ("Anna\rSmith", "one line"),
    "right-to-left override": ("Anna \u202eSmith", "writing direction"),
    "left-to-right embedding": ("\u202aAnna", "writing direction"),
    "first strong isolate": ("Anna \u2068Smith\u2069", "writing direction"),
}


@pytest.mark.parametrize("case", sorted(BAD_NAMES))
def test_d5_a_client_name_with_hidden_or_broken_characters_is_refused_plainly(session, owner, case):
    name, says = BAD_NAMES[case]
    before = session.scalar(select(func.count(Client.id)))
    with pytest.raises(DomainError, match=says) as refused:
        clients.create_client(session, owner, name=name)
    assert refused.value.field == "name"
    assert session.scalar(select(func.count(Client.id))) == before


@pytest.mark.parametrize("case", ["lone surrogate", "new line", "right-to-left override"])
def test_d5_other_names_refuse_them_too(session, owner, case):
    name, says = BAD_NAMES[case]
    anna = clients.create_client(session, owner, name="Анна Иванова")
    with pytest.raises(DomainError, match=says):
        clients.update_client(session, owner, anna, guardian_name=name)
    with pytest.raises(DomainError, match=says):
        users.create_user(session, owner, "eve", name, Role.TEACHER, PASSWORD)
    with pytest.raises(DomainError, match=says):
        programs.create_program(session, owner, name=name, base_lesson_price="10.00", colour="#336699")
    with pytest.raises(DomainError, match=says):
        catalogue.create_package(session, owner, kind="membership", name=name, price="10.00", term_count=1,
                                 term_unit="month")


def test_d5_a_family_name_refuses_a_direction_override(session, owner):
    anna = clients.create_client(session, owner, name="Анна Иванова")
    family = families.add_to_family(session, owner, anna, clients.create_client(session, owner, name="Иван Иванов"))
    with pytest.raises(DomainError, match="writing direction"):
        families.rename_family(session, owner, family, "Ивановы\u202e")


def test_d5_notes_may_have_lines_but_not_broken_characters(session, owner):
    anna = clients.create_client(session, owner, name="Анна Иванова", notes="line one\nline two")
    with pytest.raises(DomainError, match="broken character"):
        clients.update_client(session, owner, anna, notes="half \udc00 a pair")


def test_d5_arabic_and_mixed_scripts_are_fine(session, owner):
    clients.create_client(session, owner, name="ليلى أحمد")
    clients.create_client(session, owner, name="Zoë O'Brien-Łukasz")


@pytest.mark.parametrize("query", ["анна\x00", "\x00", "ан\ud800на", "\ud800", "anna\x07"])
def test_d5_a_search_with_nul_or_broken_characters_finds_what_the_rest_says(session, owner, query):
    anna = clients.create_client(session, owner, name="Анна Иванова")
    found = clients.search_client_ids(session, owner, query)
    rest = "".join(ch for ch in query if ch.isalpha())
    assert (anna in found) == (rest in ("анна", "") or "анна".startswith(rest))


def test_a_search_of_several_words_needs_every_word(session, owner):
    anna = clients.create_client(session, owner, name="Анна Иванова")
    ivan = clients.create_client(session, owner, name="Иван Петров")
    assert clients.search_client_ids(session, owner, "zzzz анна") == []
    assert clients.search_client_ids(session, owner, "иван петрова") == []
    assert clients.search_client_ids(session, owner, "иван петров") == [ivan]
    assert clients.search_client_ids(session, owner, "анна иванова") == [anna]
