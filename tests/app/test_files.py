"""Files the desk writes are whole or absent under the chosen name (L3 bad input: a full disk, Cancel)."""

from __future__ import annotations

import errno

import pytest

from app.errors import DomainError
from app.files import written
from app.tasks import Cancelled


def test_a_full_disk_leaves_the_old_file_and_no_part_file(tmp_path):
    target = tmp_path / "clients.xlsx"
    target.write_bytes(b"yesterday's export")
    with pytest.raises(DomainError, match="could not be written"):
        with written(target) as part:
            part.write_bytes(b"half of it")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert target.read_bytes() == b"yesterday's export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clients.xlsx"]


def test_cancel_leaves_nothing_and_a_finished_file_takes_the_name(tmp_path):
    target = tmp_path / "cards.pdf"
    with pytest.raises(Cancelled):
        with written(target) as part:
            part.write_bytes(b"%PDF half")
            raise Cancelled()
    assert list(tmp_path.iterdir()) == []
    with written(target) as part:
        part.write_bytes(b"%PDF whole")
    assert target.read_bytes() == b"%PDF whole" and list(tmp_path.iterdir()) == [target]


def test_a_folder_that_cannot_be_written_is_a_plain_message(tmp_path):
    with pytest.raises(DomainError, match="cannot be written to"):
        with written(tmp_path / "missing-folder" / "x.csv"):
            pass
