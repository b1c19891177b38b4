"""Benchmarks, run by ``make bench`` (never by the default test run).

Each prints one line: name, median, budget, ok/over. They work on generated
data at the scale of SPEC.md section 4, kept in ``.bench/`` between runs.
"""
