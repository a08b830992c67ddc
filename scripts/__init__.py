"""Scripts that fit and derive the core's data files, run from the clone's root
(``python -m scripts.fit_weights``); the benchmarks import their shared code from here."""
