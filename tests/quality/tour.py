"""One browser tour over every page, shared by the accessibility and the privacy gate.

Each page is loaded once with the system set to light: axe runs with all its rules, the system is
switched to dark (the first palette entry follows it, as for a visitor), and axe runs again with
the rules that depend on colours – everything else is the same DOM. Two pages are checked at a
time, in two browser contexts (two renderer processes, two cores). Meanwhile every request that
would leave the site's origin is blocked and recorded, and so are console and script errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from helpers import SLOW_MACHINE_MS
from quality import axe_check
from quality.axe_check import Finding

LOCAL_SCHEMES = ("data:", "blob:", "about:")
# Rules whose result can differ between the light and the dark palette.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Transitions would let axe measure colours half-way; the final colours are what counts.
# A constructed style sheet, not a <style> element: the pages' Content Security Policy
# (hooks/csp.py) refuses inline <style> elements, and the tour must not cause violations itself.
NO_TRANSITIONS = """addEventListener("DOMContentLoaded", () => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync("*, *::before, *::after "
    + "{ transition: none !important; animation: none !important; }");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
});"""


class Watch:
    """Blocks and records requests to other origins, and records console and script errors."""

    def __init__(self, context, origin: str):
        self.origin = origin
        self.where = "?"
        self.foreign: list[str] = []
        self.errors: list[str] = []
        # only foreign URLs reach Python (a catch-all route would slow every request down)
        context.route(re.compile(rf"^(?!{re.escape(origin)}/|data:|blob:|about:)"),
                      lambda route: route.abort("blockedbyclient"))
        context.on("request", self._request)

    def _request(self, request):
        url = request.url
        parts = urlsplit(url)
        if not url.startswith(LOCAL_SCHEMES) and f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.foreign.append(f"{self.where}: {request.resource_type} {url}")

    def page(self, page):
        page.on("console", lambda m: m.type == "error" and self.errors.append(
            f"{self.where}: Konsole: {m.text} ({m.location.get('url', '')})"))
        page.on("pageerror", lambda e: self.errors.append(f"{self.where}: Skriptfehler: {e}"))
        return page

    def problems(self) -> list[str]:
        return [f"fremde Anfrage – {f}" for f in self.foreign] + self.errors


@dataclass
class Tour:
    axe: dict[str, list[Finding]] = field(default_factory=lambda: {"light": [], "dark": []})
    privacy: list[str] = field(default_factory=list)
    pages: int = 0


class _Lane:
    """One browser context with one page; two lanes check two pages at the same time."""

    def __init__(self, browser, base_url: str):
        self.context = browser.new_context(color_scheme="light",
                                           viewport={"width": 1280, "height": 800})
        self.context.add_init_script(NO_TRANSITIONS)
        self.watch = Watch(self.context, base_url)
        self.page = self.watch.page(self.context.new_page())
        self.url: str | None = None
        self.scheme: str | None = None  # the palette axe is running in, None when idle


def tour(browser, base_url: str, urls, lanes: int = 2) -> Tour:
    """Load every page once; axe in the light palette (all rules), then the dark (colours)."""
    result = Tour()
    todo = list(urls)
    workers = [_Lane(browser, base_url) for _ in range(lanes)]
    try:
        while todo or any(w.scheme for w in workers):
            progressed = False
            for lane in workers:
                if lane.scheme is None and todo:
                    lane.url = lane.watch.where = todo.pop(0)
                    lane.page.emulate_media(color_scheme="light")
                    lane.page.goto(base_url + lane.url, wait_until="load")
                    _expect_scheme(lane.page, "default", lane.url)
                    axe_check.start(lane.page)
                    lane.scheme, progressed = "light", True
                elif lane.scheme and axe_check.done(lane.page):
                    result.axe[lane.scheme] += axe_check.collect(lane.page, lane.url)
                    if lane.scheme == "light":
                        lane.page.emulate_media(color_scheme="dark")
                        _expect_scheme(lane.page, "slate", lane.url)
                        axe_check.start(lane.page, COLOUR_RULES)
                        lane.scheme = "dark"
                    else:
                        lane.scheme = None
                        result.pages += 1
                    progressed = True
            if not progressed:
                workers[0].page.wait_for_timeout(50)
        for lane in workers:
            lane.page.wait_for_load_state("networkidle")  # later requests of scripts count too
    finally:
        for lane in workers:
            lane.context.close()
    result.privacy = [p for lane in workers for p in lane.watch.problems()]
    return result


def _expect_scheme(page, scheme: str, url: str):
    try:
        page.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{scheme}'",
                               timeout=SLOW_MACHINE_MS)
    except Exception:
        actual = page.evaluate("document.body.dataset.mdColorScheme")
        raise AssertionError(f"{url}: Farbschema {actual!r} statt {scheme!r} – folgt die "
                             "erste Palette in mkdocs.yml noch dem System?") from None
