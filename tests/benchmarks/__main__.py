"""``make bench``: build the scale database (timed), then run every benchmark."""

from __future__ import annotations

import argparse
import sys

from tests.benchmarks import (
    bench_cards,
    bench_clients,
    bench_credits,
    bench_journal,
    bench_memberships,
    bench_postgres,
    bench_reports,
    bench_selling,
    bench_start,
    bench_window,
)
from tests.benchmarks.common import BIG_CLIENTS, BIG_VISITS, Result, build_big_db

SUITES = {"start": bench_start, "clients": bench_clients, "selling": bench_selling, "journal": bench_journal, "cards": bench_cards,
          "memberships": bench_memberships, "credits": bench_credits, "window": bench_window,
          "reports": bench_reports, "postgres": bench_postgres}  # the last needs a server: make bench-postgres


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the benchmarks.")
    parser.add_argument("--reuse", action="store_true", help="reuse .bench's database instead of rebuilding it")
    parser.add_argument("suites", nargs="*", default=list(SUITES), help=f"which of {', '.join(SUITES)}")
    args = parser.parse_args(argv)
    results: list[Result] = []
    needs_big_db = any(getattr(SUITES[name], "NEEDS_BIG_DB", True) for name in args.suites)
    took = build_big_db(force=not args.reuse) if needs_big_db else None
    if took is not None:
        results.append(Result(f"generator: {BIG_CLIENTS:,} clients, {BIG_VISITS:,} visits", took, 120.0))
        print(results[-1].line(), flush=True)
    for name in args.suites:
        for result in SUITES[name].run():
            results.append(result)
            print(result.line(), flush=True)
    over = [r.name for r in results if not r.ok]
    print(f"{len(results) - len(over)} ok, {len(over)} over budget")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
