"""The business logo (issue 10, item 12): copied into the data folder, checked by its bytes (D5)."""

from pathlib import Path

import pytest

from app.errors import DomainError, PermissionDenied
from app.services import settings

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def test_the_logo_is_copied_into_the_data_folder_and_the_invoice_uses_the_copy(session, owner, tmp_path):
    picked = tmp_path / "Our Logo.PNG"
    picked.write_bytes(PNG)
    stored = settings.set_logo(session, owner, str(picked))
    picked.unlink()  # the picked file may go; the copy stays
    assert Path(stored).parent == settings.logos_dir() and Path(stored).read_bytes() == PNG
    assert settings.get_settings(session)["business_logo"] == stored
    assert settings.logo_problem(stored) is None
    assert settings.set_logo(session, owner, None) == "" and settings.get_settings(session)["business_logo"] == ""


@pytest.mark.parametrize("name,content,message", [
    ("logo.png", b"Just some notes, renamed to .png", "This file is not a PNG or JPEG picture."),
    ("logo.txt", PNG, "The logo is a PNG or JPEG file."),
    ("gone.jpg", None, "The file gone.jpg cannot be read."),
])
def test_d5_a_logo_that_is_not_a_picture_is_refused_and_nothing_is_written(session, owner, tmp_path,
                                                                           name, content, message):
    before = settings.get_settings(session)["business_logo"]
    copies = set(settings.logos_dir().iterdir())
    picked = tmp_path / name
    if content is not None:
        picked.write_bytes(content)
    with pytest.raises(DomainError) as refused:
        settings.set_logo(session, owner, str(picked))
    assert (refused.value.message, refused.value.field) == (message, "business_logo")
    assert settings.get_settings(session)["business_logo"] == before
    assert set(settings.logos_dir().iterdir()) == copies


def test_only_the_owner_sets_the_logo(session, receptionist, tmp_path):
    picked = tmp_path / "logo.png"
    picked.write_bytes(PNG)
    with pytest.raises(PermissionDenied):
        settings.set_logo(session, receptionist, str(picked))


def test_a_missing_logo_file_is_reported(tmp_path):
    gone = str(tmp_path / "logo-gone.png")
    assert settings.logo_problem(gone) == f"The logo file {gone} is missing; choose it again with Browse…"
    assert settings.logo_problem("") is None
