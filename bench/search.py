"""Search as the site grows: bytes transferred until the first result, and the time from the
first keystroke to the first result, for the site plus 100, 300 and 1,000 generated pages.

Each size is built (bench/scaling.py's generated pages) and served like a static host
(tests/quality/static_server.py: gzip). For every query a fresh browser context (empty cache)
opens the page in Debian's Chromium with Lighthouse's mobile CPU throttling (4×, CDP
`Emulation.setCPUThrottlingRate`), waits until the page has loaded, focuses the search field
and types the query key by key – Material listens to key events (tests/helpers.py `search`).

- bytes: what came over the wire (response bodies as sent, gzip, plus headers; Playwright's
  `request.sizes()`, which includes the requests of the search worker) from opening the page
  until the first result is shown, for the URLs of the search (its index, worker and language
  files; `SEARCH_URL`); the page's own load is reported beside it.
- time: from the first key press to the first frame that shows a result, median over the
  queries (German words with umlauts, a compound, words that need stemming), measured in the
  page's own clock: a listener notes the first `keydown`, a MutationObserver the first result
  element, and the next animation frame after it counts as shown (`CLOCK`). Playwright's
  `wait_for_selector` only ends that wait; under 4× throttling it noticed the result about
  0.45 s after the page had drawn it (bench/FINDINGS.md), which no reader waits for. The
  throttling is set on the page's CDP session, as Lighthouse does.

The figures are wall times under a CPU multiplier: on a busy machine they grow with its load,
so the load average is recorded beside them.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .result import Row, fmt_kb, fmt_ms, median

# umlauts, a compound, words that only match when stemmed (plural / inflected forms)
QUERIES = ("Verkaufsförderung", "Meinungsführer", "Mundpropaganda", "Kommunikationsziele",
           "Reichweiten")
SEARCH_URL = re.compile(r"/(search/|assets/javascripts/(workers|lunr)/|pagefind/)")
CPU_THROTTLING = 4  # Lighthouse's mobile default
BYTES_TARGET = 300_000  # at + 1,000 pages
TIME_TARGET = 1.0  # s, at + 1,000 pages
SEARCH_FIELD = "input[data-md-component=search-query]"
SEARCH_RESULT = ".md-search-result__item"
TIMEOUT_MS = 180_000  # a loaded, throttled machine; waits end as soon as their condition holds
# In the page, before its scripts: the first key press and the first frame with a result.
CLOCK = """
window.__suche = {};
document.addEventListener("keydown", () => {
  if (window.__suche.key === undefined) window.__suche.key = performance.now();
}, true);
new MutationObserver((_, observer) => {
  if (document.querySelector(%r)) {
    observer.disconnect();
    requestAnimationFrame(() => { window.__suche.shown = performance.now(); });
  }
}).observe(document, { subtree: true, childList: true });
""" % SEARCH_RESULT


@dataclass
class Transfer:
    """Bytes on the wire per finished request (body as encoded on the wire + headers), by URL.
    Playwright reports the requests of the page's dedicated workers (the search worker) too."""
    sizes: list[tuple[str, int]] = field(default_factory=list)  # (URL, bytes)

    def add(self, url: str, sizes: dict):
        self.sizes.append((url, int(sizes.get("responseBodySize", 0))
                           + int(sizes.get("responseHeadersSize", 0))))

    def total(self, predicate: Callable[[str], bool] = lambda url: True) -> int:
        return sum(size for url, size in self.sizes if predicate(url))

    def search_bytes(self) -> int:
        return self.total(lambda url: bool(SEARCH_URL.search(url)))


def measure_query(browser, url: str, query: str, throttling: float = CPU_THROTTLING) -> dict:
    """One query in a fresh context: bytes until the first result, ms from first key to it."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(CLOCK)
        transfer = Transfer()

        def finished(request):
            try:
                transfer.add(request.url, request.sizes())
            except Exception:  # noqa: BLE001 – finished after the context closed: not counted
                pass

        context.on("requestfinished", finished)
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttling})
        workers = []
        page.on("worker", lambda worker: workers.append(worker.url))
        page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
        page_bytes = transfer.total()
        field_ = page.locator(SEARCH_FIELD)
        field_.click()
        start = time.perf_counter()
        field_.press_sequentially(query, delay=0)  # keystroke events, as a reader types
        page.wait_for_function("() => window.__suche.shown !== undefined", timeout=TIMEOUT_MS)
        noticed = time.perf_counter() - start  # by Playwright (later than the reader sees it)
        clock = page.evaluate("window.__suche")
        seconds = (clock["shown"] - clock["key"]) / 1000
        first_title = page.locator(SEARCH_RESULT).first.inner_text().split("\n")[0]
        return {"query": query, "seconds": seconds, "noticed_seconds": noticed,
                "search_bytes": transfer.search_bytes(),
                "all_bytes": transfer.total(), "page_bytes": page_bytes,
                "first_result": first_title, "workers": workers, "urls": [u for u, _ in transfer.sizes]}
    finally:
        context.close()


def measure_site(site_dir: Path, path: str = "/", queries=QUERIES, launch=None) -> list[dict]:
    """Every query once against `site_dir` served like a static host."""
    from .lighthouse import _static_server

    serve = _static_server()
    if serve is None:
        raise RuntimeError("tests/quality/static_server.py fehlt")
    launch = launch or launch_chromium
    with serve(site_dir) as base, launch() as browser:
        return [measure_query(browser, base + path, q) for q in queries]


class launch_chromium:  # noqa: N801 – used like a function in a with statement
    """Debian's Chromium through Playwright, with the flags of the browser tests."""

    def __enter__(self):
        from playwright.sync_api import sync_playwright

        from .lighthouse import CHROME_FLAGS, chromium

        self._pw = sync_playwright().start()
        args = [a for a in CHROME_FLAGS.split() if not a.startswith("--headless")]
        self.browser = self._pw.chromium.launch(executable_path=chromium(), args=args)
        return self.browser

    def __exit__(self, *exc):
        self.browser.close()
        self._pw.stop()


def missing() -> str | None:
    from .lighthouse import chromium

    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright fehlt (requirements-test.lock)"
    if chromium() is None:
        return "Chromium fehlt (apt-get install chromium)"
    return None


def summarise(results: list[dict]) -> dict:
    return {"seconds": median([r["seconds"] for r in results]),
            "noticed_seconds": median([r.get("noticed_seconds", r["seconds"]) for r in results]),
            "search_bytes": median([r["search_bytes"] for r in results]),
            "max_search_bytes": max(r["search_bytes"] for r in results),
            "page_bytes": median([r["page_bytes"] for r in results])}


def search_rows(measured: dict[int, list[dict]], load: dict[int, float],
                cores: int | None = None) -> list[Row]:
    """Table rows from {added pages: per-query results}; the targets apply at the largest size.
    Bytes do not depend on the machine's load, times do: a time measured while the load average
    exceeds the usable cores gives no verdict (only bytes over the target still fail)."""
    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    rows = []
    largest = max(measured)
    for n, results in measured.items():
        s = summarise(results)
        last = n == largest and n > 0
        label = "Website" if n == 0 else f"Website + {n:,} erzeugte Seiten".replace(",", ".")
        busy = load.get(n, 0) > (cores or 1)
        bytes_ok = s["max_search_bytes"] <= BYTES_TARGET
        time_ok = s["seconds"] <= TIME_TARGET
        passed = (False if not bytes_ok else None if busy else time_ok) if last else None
        rows.append(Row(
            f"Suche: {label} – übertragen bis zum ersten Treffer / Tippen bis Treffer "
            f"(CPU-Bremse {CPU_THROTTLING}×)",
            f"{fmt_kb(s['search_bytes'])} (gzip, höchstens {fmt_kb(s['max_search_bytes'])}); "
            f"{fmt_ms(s['seconds'])} (Median aus {len(results)} Anfragen; Playwright bemerkte den "
            f"Treffer nach {fmt_ms(s['noticed_seconds'])})"
            + (" – Zeit unter Last gemessen, nicht aussagekräftig" if busy else ""),
            f"Seite selbst {fmt_kb(s['page_bytes'])}; Lastmittel {load.get(n, 0):.2f}"
            .replace(".", ","),
            target=f"≤ {fmt_kb(BYTES_TARGET)} und ≤ {fmt_ms(TIME_TARGET)}" if last else "–",
            passed=passed))
    return rows


def load_average() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def search_scaling(ws, sizes=(0, 100, 300, 1000), queries=QUERIES) -> tuple[list[Row], dict]:
    """Build the site plus n generated pages for every size and measure the search on each."""
    from .scaling import generate

    measured: dict[int, list[dict]] = {}
    load: dict[int, float] = {}
    try:
        for n in sizes:
            site = f"site-suche-{n}"
            ws.build(generate(ws, n), site=site)
            load[n] = load_average()
            measured[n] = measure_site(ws.root / site, queries=queries)
            load[n] = max(load[n], load_average())
            shutil.rmtree(ws.root / site, ignore_errors=True)
    finally:
        generate(ws, 0)
    return search_rows(measured, load), {"results": {str(n): r for n, r in measured.items()},
                                         "load": {str(n): v for n, v in load.items()}}
