"""Lighthouse 12 on the key pages, served like a static host: accessibility 100, best practices
100, SEO ≥ 95.

Performance is measured by `make bench` (the same `run_lighthouse`, one page at a time). Here the
pages run two at a time without the performance category, which keeps the suite fast; set
LIGHTHOUSE_PERFORMANCE=1 to have the scores printed here as well (sequentially, slower).
"""

import os
from concurrent.futures import ThreadPoolExecutor

import pytest
from quality.lighthouse import CATEGORIES, run_lighthouse

from helpers import require

SMM = "/promotion/kommunikationsinstrumente/social-media-marketing/"
PAGES = {
    "Startseite": "/",
    "Social Media Marketing": SMM,
    "Reichweitenrechner": SMM + "reichweitenrechner/",
    "Notebook": SMM + "reichweite-selbst-rechnen/",
}
MINIMUM = {"accessibility": 100, "best-practices": 100, "seo": 95}
WITH_PERFORMANCE = os.environ.get("LIGHTHOUSE_PERFORMANCE", "") not in ("", "0")


@pytest.fixture(scope="module")
def lighthouse_results(lighthouse_bin, static_site, html_pages):
    present = {url for url in PAGES.values() if url in html_pages}
    categories = CATEGORIES if WITH_PERFORMANCE else tuple(MINIMUM)
    workers = 1 if WITH_PERFORMANCE else 2

    def run(url):
        try:
            return url, run_lighthouse(static_site + url, categories, lighthouse=lighthouse_bin)
        except Exception as error:  # reported by the page's test
            return url, error

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(pool.map(run, sorted(present)))


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_lighthouse_scores(name, lighthouse_results, html_pages):
    url = PAGES[name]
    require(f"Seite {url} ({name})", url in html_pages,
            "sie ist noch nicht gebaut; Lighthouse prüft sie, sobald es sie gibt")
    result = lighthouse_results[url]
    if isinstance(result, Exception):
        pytest.fail(str(result), pytrace=False)
    print(f"\nLighthouse {name}: {result.summary()}")
    too_low = {cat: score for cat, score in result.scores.items()
               if cat in MINIMUM and score < MINIMUM[cat]}
    if too_low:
        details = "\n".join(f"  {cat} {score} (mindestens {MINIMUM[cat]}):\n    "
                            + "\n    ".join(result.failures.get(cat, []))
                            for cat, score in too_low.items())
        pytest.fail(f"Lighthouse {url}: zu niedrige Werte\n{details}", pytrace=False)


def test_run_lighthouse_reads_scores_and_failed_audits(tmp_path):
    """Parsing checked with a stand-in for the lighthouse binary (no browser needed)."""
    import json

    report = {
        "categories": {"accessibility": {"score": 0.9, "auditRefs": [
            {"id": "color-contrast", "weight": 7}, {"id": "image-alt", "weight": 10}]}},
        "audits": {
            "color-contrast": {"id": "color-contrast", "title": "Kontrast zu gering", "score": 0,
                               "details": {"items": [{"node": {
                                   "selector": ".md-tabs__link", "explanation": "4.28:1"}}]}},
            "image-alt": {"id": "image-alt", "title": "Bilder haben Alt-Text", "score": 1}},
    }
    fake = tmp_path / "lighthouse"
    fake.write_text(f"#!/bin/sh\ncat <<'EOF'\n{json.dumps(report)}\nEOF\n", encoding="utf-8")
    fake.chmod(0o755)
    result = run_lighthouse("http://127.0.0.1:1/", ("accessibility",), lighthouse=fake)
    assert result.scores == {"accessibility": 90}
    assert list(result.failures) == ["accessibility"]
    assert ".md-tabs__link – 4.28:1" in result.failures["accessibility"][0]
