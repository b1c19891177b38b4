"""Shared pieces of the benchmarks: the scale database and the report line."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / ".bench"
BIG_DB = BENCH_DIR / "big-100k.sqlite3"
BIG_CLIENTS, BIG_VISITS = 100_000, 1_000_000


@dataclass
class Result:
    name: str
    median: float  # seconds
    budget: float  # seconds
    note: str = ""
    unit: str = "ms"  # or "x" for a ratio

    @property
    def ok(self) -> bool:
        return self.median <= self.budget

    def line(self) -> str:
        status = "ok" if self.ok else "OVER"
        scale = 1000 if self.unit == "ms" else 1  # "ms" results are given in seconds
        budget = "-" if self.budget == float("inf") else f"{self.budget * scale:.2f}"
        return (f"{self.name:<46} median {self.median * scale:9.2f} {self.unit:<2}  budget {budget:>8} {self.unit:<2}  "
                f"{status}" + (f"  ({self.note})" if self.note else ""))


def median_of(runs: list[float]) -> float:
    return statistics.median(runs)


def build_big_db(force: bool = False) -> float | None:
    """Make the 100,000-client database; returns the seconds it took, or None if it was there."""
    if BIG_DB.exists() and not force:
        return None
    BENCH_DIR.mkdir(exist_ok=True)
    for stale in BENCH_DIR.glob(BIG_DB.name + "*"):
        stale.unlink()
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "app.demo", "--out", str(BIG_DB), "--clients", str(BIG_CLIENTS),
         "--visits", str(BIG_VISITS)],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started
