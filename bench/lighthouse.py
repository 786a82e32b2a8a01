"""Lighthouse performance score (mobile defaults) of the built site, served like a static host.

Minimal runner for `make bench`: the quality gates (issue 9) own the Lighthouse assertions of
accessibility, best practices and SEO; performance is only measured here. The site is served by
tests/quality/static_server.py (gzip, cache headers), Lighthouse 12 comes from npm
(node_modules/.bin/lighthouse) and drives Debian's Chromium.

Lighthouse slows the CPU down 4× to emulate a mid-range phone on a fast desktop (benchmarkIndex
1500–2000). On a slower or busy machine that over-shoots: Lighthouse's own docs
(docs/throttling.md, „Calibrating the CPU slowdown“) recommend a lower multiplier. So each page
is measured with the default, and – when the machine's benchmarkIndex is below 1500 – once more
with the multiplier scaled to it (4 × benchmarkIndex / 1750, at least 1); both are reported.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .workspace import REPO

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
               "--disable-component-update --no-first-run"
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


def run_lighthouse(url: str, slowdown: float | None = None) -> dict:
    """One Lighthouse run (performance only); returns score (0–100), metrics, benchmarkIndex."""
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
    return max(1.0, DEFAULT_SLOWDOWN * benchmark_index / REFERENCE_INDEX)


def lighthouse_scores(site_dir: Path, pages: dict[str, str], runs: int) -> dict[str, dict]:
    """Per page: default runs and calibrated runs (lists of run dicts)."""
    sys.path.insert(0, str(REPO / "tests" / "quality"))
    try:
        from static_server import serve
    finally:
        sys.path.remove(str(REPO / "tests" / "quality"))
    results: dict[str, dict] = {}
    with serve(site_dir) as base:
        for name, path in pages.items():
            default = [run_lighthouse(base + path) for _ in range(runs)]
            indexes = sorted(r["benchmark_index"] for r in default if r["benchmark_index"])
            slowdown = calibrated_slowdown(indexes[len(indexes) // 2] if indexes else None)
            calibrated = [run_lighthouse(base + path, slowdown) for _ in range(runs)] \
                if slowdown else []
            results[name] = {"default": default, "calibrated": calibrated}
    return results
