"""Alembic migrations. ``HEAD`` names the newest revision without importing Alembic
(program start stays fast); a test checks it against the scripts."""

HEAD = "0010_report_indexes"

SEARCH_INDEXES = ("clients_fts", "ix_clients_search_key_trgm", "ix_clients_phone_key_trgm")


def include_name(name, type_, parent_names) -> bool:
    """Leave the search indexes (made by hand in migration 0002) out of model comparisons."""
    return not (name or "").startswith(SEARCH_INDEXES)
