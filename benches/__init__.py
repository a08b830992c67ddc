"""Benchmarks, run from the clone's root as modules (``python -m benches.bench_align``); code
they share with each other and with the tests is imported from this package."""
