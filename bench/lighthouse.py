"""Lighthouse performance score (mobile defaults) of the built site, served like a static host.

The site is served by tests/quality/static_server.py (gzip, cache headers, as the quality gates
serve it); Lighthouse 12 from npm drives Debian's Chromium with the quality gates' flags.

Lighthouse slows the CPU down 4× to emulate a mid-range phone on a fast desktop (benchmarkIndex
1500–2000). On a slower or busy machine that over-shoots: Lighthouse's own docs
(docs/throttling.md, „Calibrating the CPU slowdown“) recommend a lower multiplier. The quality
runner has no option for that and does not report the benchmarkIndex, so this module runs
Lighthouse itself (`run_calibrated`): all default runs come first and record the machine's
benchmarkIndex; when their median is below 1500, every page is measured again with the
multiplier scaled to it (4 × benchmarkIndex / 1750, at least 1). Both scores are reported. The
median matters: on a shared machine one run's benchmarkIndex swings between 1100 and 1800, and a
multiplier taken from a single probe moved the calibrated scores by up to ten points.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .result import Row, median
from .workspace import REPO

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"  # as tests/quality/lighthouse.py
DEFAULT_SLOWDOWN = 4.0
REFERENCE_INDEX = 1750  # middle of the high-end desktop range the 4× default is made for


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def missing() -> str | None:
    """Why Lighthouse cannot run here, or None."""
    if not LIGHTHOUSE.exists():
        return "Lighthouse fehlt (`make test` installiert es mit npm ci)"
    if chromium() is None:
        return "Chromium fehlt (apt-get install chromium)"
    if shutil.which("node") is None:
        return "Node.js fehlt"
    return None


def run_calibrated(url: str, slowdown: float | None = None) -> dict:
    """One Lighthouse run (performance only, optionally another CPU multiplier): score 0–100,
    the machine's benchmarkIndex and the metrics in ms."""
    with tempfile.TemporaryDirectory(prefix="smm-lh-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json",
               f"--output-path={out}", "--quiet", f"--chrome-flags={CHROME_FLAGS}"]
        if slowdown is not None:
            cmd.append(f"--throttling.cpuSlowdownMultiplier={slowdown:.2f}")
        proc = subprocess.run(cmd, env={**os.environ, "CHROME_PATH": chromium() or ""},
                              capture_output=True, text=True, timeout=300)
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"Lighthouse scheiterte an {url}:\n{proc.stderr[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    score = report["categories"]["performance"]["score"]
    return {
        "score": None if score is None else round(score * 100),
        "benchmark_index": report.get("environment", {}).get("benchmarkIndex"),
        "slowdown": report["configSettings"]["throttling"]["cpuSlowdownMultiplier"],
        **{key: audits[key].get("numericValue") for key in (
            "first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
            "cumulative-layout-shift", "speed-index")},
    }


def calibrated_slowdown(benchmark_index: float | None) -> float | None:
    if not benchmark_index or benchmark_index >= 1500:
        return None
    return round(max(1.0, DEFAULT_SLOWDOWN * benchmark_index / REFERENCE_INDEX), 2)


def _static_server():
    """tests/quality/static_server.py's `serve`, or None if it is missing."""
    tests = str(REPO / "tests")
    sys.path.insert(0, tests)
    try:
        from quality.static_server import serve
    except ImportError:
        return None
    finally:
        sys.path.remove(tests)
    return serve


def lighthouse_scores(site_dir: Path, pages: dict[str, str], runs: int) -> dict[str, dict]:
    """Per page: the scores of `runs` default runs and – when the machine is slower than
    Lighthouse assumes – of `runs` calibrated runs; one CPU multiplier for all pages, from the
    median benchmarkIndex of all default runs."""
    serve = _static_server()
    if serve is None:
        raise RuntimeError("tests/quality/static_server.py fehlt")
    results = {name: {"default": [], "calibrated": [], "benchmark_index": [], "slowdown": None,
                      "load": []} for name in pages}
    with serve(site_dir) as base:
        for _ in range(runs):  # rounds over all pages, so a slow spell hits every page alike
            for name, path in pages.items():
                run = run_calibrated(base + path)
                results[name]["load"].append(load_average())
                results[name]["default"].append(run["score"])
                results[name]["benchmark_index"].append(run["benchmark_index"])
        indexes = [i for r in results.values() for i in r["benchmark_index"] if i]
        slowdown = calibrated_slowdown(median(indexes) if indexes else None)
        if slowdown:
            for _ in range(runs):
                for name, path in pages.items():
                    run = run_calibrated(base + path, slowdown)
                    results[name]["calibrated"].append(run["score"])
            for result in results.values():
                result["slowdown"] = slowdown
    return results


def load_average() -> float:
    """The machine's 1-minute load average (NaN where the OS has none)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def lighthouse_rows(results: dict[str, dict]) -> list[Row]:
    """Headline: the median of the default mobile runs (4× CPU slowdown), with the load average
    of the machine during those runs beside it; the calibrated score is the secondary figure.
    A score measured while the load average exceeds the usable cores is marked as such."""
    from smm_calc.render.numbers import fmt_number

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    indexes = [i for r in results.values() for i in r["benchmark_index"] if i]
    index = median(indexes) if indexes else None
    rows = []
    for name, result in results.items():
        default = median(result["default"])
        load = median(result["load"]) if result.get("load") else float("nan")
        busy = load > (cores or 1)
        value = (f"{fmt_number(default)} (Median aus {len(result['default'])}, "
                 f"Lighthouse-Standard: CPU-Bremse 4×); Lastmittel {fmt_number(load, 2)}"
                 + (" – unter Last gemessen, nicht aussagekräftig" if busy else ""))
        if result["calibrated"]:
            base = (f"kalibriert: {fmt_number(median(result['calibrated']))} (CPU-Bremse "
                    f"{fmt_number(result['slowdown'], 1)}×; benchmarkIndex {fmt_number(index)})")
        else:
            base = f"benchmarkIndex {fmt_number(index)}" if index else "–"
        rows.append(Row(f"Lighthouse-Leistung {name} (mobil)", value, base,
                        target="≥ 95 (Standard)", passed=None if busy else default >= 95))
    return rows
