"""Performance figures for `make bench` (`python -m bench`).

Each benchmark is a function in `bench.__main__.BENCHMARKS` that returns a `Result`; add new ones
there (one module per topic, like `bench/simulation.py`).
"""
