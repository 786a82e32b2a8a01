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


FAKE_LIGHTHOUSE = r'''#!/usr/bin/env python3
"""Stand-in for lighthouse: benchmarkIndex from a queue file; logs URL and CPU multiplier."""
import json, sys
from pathlib import Path
here = Path(__file__).parent
args = dict(a[2:].split("=", 1) for a in sys.argv[2:] if a.startswith("--") and "=" in a)
slowdown = float(args.get("throttling.cpuSlowdownMultiplier", 4))
queue = (here / "indexes").read_text().split()
(here / "indexes").write_text(" ".join(queue[1:] or queue))
with open(here / "calls", "a") as log:
    log.write(f"{sys.argv[1]} {slowdown}\n")
metrics = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")
Path(args["output-path"]).write_text(json.dumps({
    "categories": {"performance": {"score": 0.5 if slowdown == 4 else 0.9}},
    "environment": {"benchmarkIndex": float(queue[0])},
    "configSettings": {"throttling": {"cpuSlowdownMultiplier": slowdown}},
    "audits": {m: {"numericValue": 1.0} for m in metrics}}))
'''


def test_lighthouse_calibration_uses_the_median_benchmark_index(tmp_path, monkeypatch):
    """One outlier run must not set the CPU multiplier (Lighthouse's docs: 4 × index / 1750)."""
    sys.path.insert(0, str(REPO))
    try:
        lh = importlib.import_module("bench.lighthouse")
    finally:
        sys.path.remove(str(REPO))
    fake = tmp_path / "lighthouse"
    fake.write_text(FAKE_LIGHTHOUSE, encoding="utf-8")
    fake.chmod(0o755)
    # the first run is a slow outlier; the median of the six default runs is 1400
    (tmp_path / "indexes").write_text("700 1400 1400 1450 1300 1400")
    monkeypatch.setattr(lh, "LIGHTHOUSE", fake)
    site = tmp_path / "site"
    (site / "b").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>a</title>", encoding="utf-8")
    (site / "b" / "index.html").write_text("<!doctype html><title>b</title>", encoding="utf-8")

    results = lh.lighthouse_scores(site, {"A": "/", "B": "/b/"}, runs=3)

    expected = round(4 * 1400 / 1750, 2)
    assert expected == lh.calibrated_slowdown(1400)
    calls = [line.split() for line in (tmp_path / "calls").read_text().splitlines()]
    assert [float(s) for _, s in calls] == [4.0] * 6 + [expected] * 6
    assert sum(url.endswith("/b/") for url, _ in calls) == 6
    for result in results.values():
        assert result["default"] == [50, 50, 50] and result["calibrated"] == [90, 90, 90]
        assert result["slowdown"] == expected
    # a fast machine needs no calibration
    assert lh.calibrated_slowdown(1600) is None
