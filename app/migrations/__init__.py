"""Alembic migrations. ``HEAD`` names the newest revision without importing Alembic
(program start stays fast); a test checks it against the scripts."""

HEAD = "0001_baseline"
