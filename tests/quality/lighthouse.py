"""Lighthouse 12 (npm, Debian Chromium, mobile defaults) on one URL: scores and what failed.

Used by tests/quality/test_lighthouse.py and reusable by `make bench`:

    from quality.lighthouse import run_lighthouse        # with tests/ on sys.path
    result = run_lighthouse("http://127.0.0.1:8000/")
    result.scores   # {"performance": 97, "accessibility": 100, "best-practices": 100, "seo": 100}

or from the shell, serving a built site like a static host (gzip, cache headers):

    python tests/quality/lighthouse.py site / /promotion/
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `quality` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quality.tools import CHROMIUM, LIGHTHOUSE  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"


@dataclass
class LighthouseResult:
    url: str
    scores: dict[str, int]  # 0–100 per category
    failures: dict[str, list[str]] = field(default_factory=dict)  # category → failed audits
    metrics: dict[str, str] = field(default_factory=dict)  # performance metrics, display values

    def summary(self) -> str:
        scores = ", ".join(f"{name} {score}" for name, score in self.scores.items())
        metrics = ", ".join(f"{k} {v}" for k, v in self.metrics.items())
        return f"{self.url}: {scores}" + (f" ({metrics})" if metrics else "")


def _describe(audit: dict) -> str:
    lines = [f"{audit['id']}: {audit['title']}"]
    details = audit.get("details") or {}
    for item in (details.get("items") or [])[:8]:
        node = item.get("node") or {}
        what = (node.get("selector") or node.get("snippet") or item.get("url")
                or item.get("source", {}).get("url") or item.get("description") or item.get("text"))
        extra = node.get("explanation") or item.get("text") or ""
        if what:
            lines.append(f"    {str(what)[:140]}" + (f" – {' '.join(str(extra).split())[:200]}"
                                                      if extra and extra != what else ""))
    return "\n".join(lines)


def run_lighthouse(url: str, categories=CATEGORIES, *, lighthouse: Path = LIGHTHOUSE,
                   chrome: Path = CHROMIUM, timeout: int = 240) -> LighthouseResult:
    """Run Lighthouse (mobile defaults) on `url` and return the category scores (0–100)."""
    proc = subprocess.run(
        [str(lighthouse), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(categories)}", f"--chrome-flags={CHROME_FLAGS}"],
        capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "CHROME_PATH": str(chrome)})
    if proc.returncode != 0 or not proc.stdout.strip():
        raise RuntimeError(f"Lighthouse ist bei {url} gescheitert:\n{proc.stderr[-3000:]}")
    report = json.loads(proc.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse bei {url}: {report['runtimeError']}")
    result = LighthouseResult(url, {})
    for name, category in report["categories"].items():
        score = category["score"]
        result.scores[name] = round(score * 100) if score is not None else -1
        failed = [report["audits"][ref["id"]] for ref in category["auditRefs"]
                  if ref["weight"] > 0 and report["audits"][ref["id"]]["score"] is not None
                  and report["audits"][ref["id"]]["score"] < 1]
        if failed:
            result.failures[name] = [_describe(audit) for audit in failed]
    for metric in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                   "cumulative-layout-shift", "speed-index"):
        if metric in report["audits"]:
            result.metrics[metric] = report["audits"][metric].get("displayValue", "")
    return result


if __name__ == "__main__":
    from quality.static_server import serve

    if len(sys.argv) < 3:
        sys.exit("Aufruf: python tests/quality/lighthouse.py SITE_DIR /pfad/ [/pfad/ …]")
    with serve(Path(sys.argv[1])) as base:
        for path in sys.argv[2:]:
            res = run_lighthouse(base + path)
            print(res.summary())
            for category, audits in res.failures.items():
                print(f"  {category}:\n    " + "\n    ".join(audits))
