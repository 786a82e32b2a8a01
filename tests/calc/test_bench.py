"""The benchmark module runs and reports what `make bench` prints (small sizes here)."""

import importlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_simulation_throughput_small():
    sys.path.insert(0, str(REPO))
    try:
        bench_sim = importlib.import_module("bench.simulation")
        main = importlib.import_module("bench.__main__")
    finally:
        sys.path.remove(str(REPO))
    r = bench_sim.simulation_throughput(zielgruppe=10_000, runs=1000, stufen=3, repeats=3)
    assert r["durchsatz"] > 0 and len(r["zeiten"]) == 3
    assert r["sekunden_median"] == sorted(r["zeiten"])[1]
    assert r["einheit"] == "Läufe × Stufen je Sekunde"
    assert main.BENCHMARKS and all(callable(b) for b in main.BENCHMARKS)
    assert dict(main.machine_info())["Python"].count(".") == 2
