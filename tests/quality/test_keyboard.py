"""WCAG 2.2 AA beyond what axe sees: keyboard walks, focus, tooltips, target sizes, image boxes.

axe checks the DOM of a page at rest; these tests use the page as a keyboard user does, in Debian's
Chromium, at the widths of a phone (390 px), of a 1280-px desktop at 200 % zoom (640 px) and of
the desktop itself – on the calculator page and on a long content page with many footnotes and
glossary terms. The fixes live in docs/assets/css/extra.css, docs/assets/js/barrierefreiheit.js
and overrides/partials/search.html; docs/barrierefreiheit.md tells readers what is tested here.

A Tab stop counts as invisible when the focused element has no box inside the viewport or is
hidden (visibility, opacity) once the page's transitions have finished; as obscured when none of
the points sampled over its boxes hits it (it lies under the sticky header or another layer).
"""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest

from helpers import SLOW_MACHINE_MS
from quality.tour import NO_TRANSITIONS

SMM = "/promotion/kommunikationsinstrumente/social-media-marketing/"
CALCULATOR = SMM + "reichweitenrechner/"
LONG_PAGE = SMM + "recht/"  # long, 70+ footnotes, glossary terms
FIGURE_PAGE = SMM + "reichweitenmodelle/"  # figures computed at build time, far down the page
PAGES = [CALCULATOR, LONG_PAGE]
PHONE = {"width": 390, "height": 844}
ZOOMED = {"width": 640, "height": 400}  # 1280 × 800 at 200 %
DESKTOP = {"width": 1280, "height": 800}
MIN_TARGET = 24  # CSS px, WCAG 2.5.8

# No transition still running (infinite animations excepted) – getAnimations() flushes styles –
# and no tooltip (Material's footnotes and glossary terms) left over from the previous stop.
SETTLED = """() => document.getAnimations().every(a => a.playState !== 'running'
    || !a.effect || a.effect.getComputedTiming().iterations === Infinity)
  && !document.querySelector('.md-tooltip2:not(.md-tooltip2--active)')
  && [...document.querySelectorAll('.md-tooltip2--active')].every(tip => {
    const host = document.activeElement;
    return host && [host.getAttribute('aria-controls'), host.getAttribute('aria-describedby')]
      .includes(tip.id);
  })"""

DESCRIBE = """const describe = (el) => {
  const text = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\\s+/g, ' ');
  const cls = typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '';
  return `${el.tagName.toLowerCase()}${cls} „${text.slice(0, 40)}“`;
};"""

STOP = """(once = true) => {
  %s
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  window.__smmSeen = window.__smmSeen || new WeakSet();
  if (once && window.__smmSeen.has(el)) return null;  // the walk came round
  window.__smmSeen.add(el);
  let box = el.getBoundingClientRect();
  // Material's palette switch: a hidden radio button whose next label shows icon and focus ring
  const label = el.nextElementSibling;
  if (el.matches('input') && !(box.width && box.height) && label && label.matches('label')) {
    return {name: describe(el), visible: label.checkVisibility({opacityProperty: true,
      visibilityProperty: true}) && label.getBoundingClientRect().width > 0, obscured: false, cover: ''};
  }
  const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
    && box.left < innerWidth && box.top < innerHeight;
  const shown = el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  let samples = 0, hits = 0, cover = '';
  for (const r of el.getClientRects()) {
    const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
    const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
    if (right <= left || bottom <= top) continue;
    for (const fx of [0.1, 0.5, 0.9]) for (const fy of [0.1, 0.5, 0.9]) {
      // the topmost layer one can see (a tooltip fading out at opacity 0 covers nothing)
      const hit = document.elementsFromPoint(left + (right - left) * fx, top + (bottom - top) * fy)
        .find(e => e.checkVisibility({opacityProperty: true, visibilityProperty: true}));
      samples++;
      if (hit && (hit === el || el.contains(hit))) hits++;
      else if (hit && !cover) cover = describe(hit.closest('header, .md-top') || hit);
    }
  }
  return {name: describe(el), visible: onScreen && shown, obscured: samples > 0 && hits === 0,
          cover, top: box.top};
}""" % DESCRIBE


# Every stop is measured in its final state: without transitions (Material fades tooltips, slides
# the drawer and the search) a walk needs no waiting between stops. (tour.NO_TRANSITIONS is a
# constructed style sheet: the pages' Content Security Policy refuses <style> elements.)


@contextmanager
def opened(browser, site_url, path, viewport, *, transitions: bool = False):
    context = browser.new_context(viewport=viewport)
    if not transitions:
        context.add_init_script(NO_TRANSITIONS)
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(site_url + path, wait_until="load")
        page.wait_for_function("() => !!document.querySelector('.md-header')")
        yield page
        assert not errors, errors
    finally:
        context.close()


def settle(page):
    # two frames: scroll events and what Material does on them (tabs, search, back-to-top button)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_function(SETTLED, timeout=SLOW_MACHINE_MS)


def walk(page, key: str = "Tab", limit: int = 1000) -> list[dict]:
    """Press `key` from the start (Tab) or the end (Shift+Tab) of the page until the focus leaves
    the document or comes round; each stop measured after the page's transitions have ended."""
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        settle(page)
        stop = page.evaluate(STOP)
        if stop is None:
            return stops
        stops.append(stop)
    pytest.fail(f"{key}: nach {limit} Stopps noch kein Ende der Reihenfolge")


def listing(stops: list[dict]) -> str:
    return "\n".join(f"  {s['name']}" + (f" – verdeckt von {s['cover']}" if s["cover"] else "")
                     for s in stops)


# --- 2.4.3, 2.4.7: no invisible Tab stops ------------------------------------------------------

@pytest.mark.parametrize("viewport", [ZOOMED, PHONE], ids=["640px", "390px"])
@pytest.mark.parametrize("path", PAGES)
def test_every_tab_stop_is_visible(browser, site_url, path, viewport):
    with opened(browser, site_url, path, viewport) as page:
        stops = walk(page, "Tab")
    assert len(stops) > 30, f"nur {len(stops)} Tab-Stopps – Seite nicht geladen?"
    invisible = [s for s in stops if not s["visible"]]
    assert not invisible, (
        f"{len(invisible)} von {len(stops)} Tab-Stopps bei {viewport['width']} px liegen außerhalb "
        f"des Bildschirms oder sind unsichtbar (geschlossene Navigation?):\n{listing(invisible)}")


# --- 2.4.11: the focus never ends up under the sticky header -----------------------------------

@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
@pytest.mark.parametrize("path", PAGES)
def test_walking_backwards_no_focus_is_hidden(browser, site_url, path, viewport):
    with opened(browser, site_url, path, viewport) as page:
        stops = walk(page, "Shift+Tab")
        scrolled = page.evaluate("scrollY")
    assert len(stops) > 30 and scrolled == 0, (len(stops), scrolled)
    hidden = [s for s in stops if s["obscured"]]
    assert not hidden, (
        f"{len(hidden)} von {len(stops)} Stopps mit Umschalt+Tab bei {viewport['width']} px liegen "
        f"ganz unter der Kopfleiste oder einer anderen Ebene:\n{listing(hidden)}")


def test_anchor_targets_land_below_the_header(browser, site_url):
    """scroll-padding must not add to Material's own offset for link targets (:target)."""
    with opened(browser, site_url, CALCULATOR + "#interaktiver-rechner", DESKTOP) as page:
        settle(page)
        top = page.evaluate("document.getElementById('interaktiver-rechner').getBoundingClientRect().top")
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        rem = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert header <= top <= 3.6 * rem + 2, (header, top, rem)


# --- 2.1.1, 4.1.2: the menu is a named button that works with the keyboard --------------------

def test_menu_button_opens_and_closes_the_drawer_by_keyboard(browser, site_url):
    with opened(browser, site_url, CALCULATOR, PHONE) as page:
        menu = page.get_by_role("button", name="Navigation", exact=True)
        assert menu.count() == 1 and menu.get_attribute("aria-expanded") == "false"
        for _ in range(5):  # skip link, logo, menu: it comes early in the Tab order
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('button.smm-menue')"):
                break
        else:
            pytest.fail("Die Menü-Schaltfläche ist mit Tab nicht erreichbar")
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"

        for key in ("Enter", " "):
            page.keyboard.press(key)
            settle(page)
            assert menu.get_attribute("aria-expanded") == "true", key
            stop = page.evaluate(STOP, False)
            assert stop and stop["visible"], f"Fokus nach dem Öffnen ({key!r}) nicht sichtbar: {stop}"
            assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
            drawer = page.evaluate("document.querySelector('.md-sidebar--primary').getBoundingClientRect().left")
            assert drawer >= 0, f"Navigation öffnet nicht ({drawer})"
            for _ in range(3):  # the next stops are in the open drawer, on screen
                page.keyboard.press("Tab")
                settle(page)
                stop = page.evaluate(STOP, False)
                assert stop and stop["visible"], stop
            page.keyboard.press("Escape")
            settle(page)
            assert menu.get_attribute("aria-expanded") == "false"
            assert page.evaluate("document.activeElement.matches('button.smm-menue')"), \
                "Esc muss den Fokus auf die Menü-Schaltfläche zurückgeben"
            assert page.evaluate("document.querySelector('.md-sidebar--primary').inert")


def test_desktop_has_no_menu_button_and_a_usable_sidebar(browser, site_url):
    with opened(browser, site_url, CALCULATOR, DESKTOP) as page:
        assert page.locator("button.smm-menue").is_hidden()
        assert not page.evaluate("document.querySelector('.md-sidebar--primary').inert")


# --- 4.1.3: see tests/site/test_calculator.py (live region of the calculator) ------------------

# --- 1.4.13, 2.1.1: tooltips -------------------------------------------------------------------

ACTIVE_TIP = ".md-tooltip2--active"
TIP_SHOWN = f"""() => {{ const t = document.querySelector('{ACTIVE_TIP}');
    return !!t && t.checkVisibility({{visibilityProperty: true}}); }}"""
TIP_GONE = f"""() => {{ const t = document.querySelector('{ACTIVE_TIP}');
    return !t || !t.checkVisibility({{visibilityProperty: true}}); }}"""
# the tooltip of the focused element (Material links it with aria-describedby while it is shown)
FOCUS_TIP = "document.getElementById(document.activeElement.getAttribute('aria-describedby') || '-')"
FOCUS_TIP_SHOWN = f"""() => {{ const t = {FOCUS_TIP};
    return !!t && t.matches('{ACTIVE_TIP}') && t.checkVisibility({{visibilityProperty: true}}); }}"""
FOCUS_TIP_GONE = f"""() => {{ const t = {FOCUS_TIP};
    return !t || !t.checkVisibility({{visibilityProperty: true}}); }}"""


def test_each_glossary_term_is_reachable_once_by_keyboard(browser, site_url):
    with opened(browser, site_url, LONG_PAGE, DESKTOP) as page:
        terms = page.evaluate("""() => {
            // a term inside a link or button is reached with that control
            const all = [...document.querySelectorAll('.md-content abbr')]
                .filter(a => !a.parentElement.closest('a, button, label, summary'));
            return {distinct: new Set(all.map(a => a.textContent.trim())).size,
                    focusable: all.filter(a => a.tabIndex === 0).map(a => a.textContent.trim())};
        }""")
        assert terms["distinct"] >= 5, terms
        assert sorted(terms["focusable"]) == sorted(set(terms["focusable"])), "ein Begriff mehrfach"
        assert len(terms["focusable"]) == terms["distinct"], terms
        first = page.locator(".md-content abbr[tabindex='0']").first
        term = first.inner_text()
        page.locator("article h1").evaluate("el => { el.tabIndex = -1; el.focus(); }")
        for _ in range(300):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.tagName") == "ABBR":
                break
        else:
            pytest.fail("Kein Glossarbegriff mit Tab erreichbar")
        assert page.evaluate("document.activeElement.textContent.trim()") == term
        page.wait_for_function(FOCUS_TIP_SHOWN, timeout=SLOW_MACHINE_MS)
        page.keyboard.press("Escape")
        page.wait_for_function(FOCUS_TIP_GONE, timeout=SLOW_MACHINE_MS)
        assert page.evaluate("document.activeElement.textContent.trim()") == term, \
            "Esc darf den Fokus nicht verschieben"


def test_tooltips_close_with_escape_and_stay_while_hovered(browser, site_url):
    """Material keeps a tooltip open while the tooltip itself is hovered – if the pointer can reach
    it: every point on the way from the term into the tooltip must hit the term or the tooltip."""
    with opened(browser, site_url, LONG_PAGE, DESKTOP) as page:
        term = page.locator(".md-content p abbr").first
        term.scroll_into_view_if_needed()
        box = term.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(x, y)
        page.wait_for_function(TIP_SHOWN, timeout=SLOW_MACHINE_MS)
        tip = page.locator(f"{ACTIVE_TIP}[role=tooltip] .md-tooltip2__inner")
        inner = tip.bounding_box()
        assert inner["y"] > y, "Glossar-Tooltip erwartet unter dem Begriff"
        end_y = inner["y"] + inner["height"] / 2
        path = [(x, y + (end_y - y) * i / 20) for i in range(21)]
        misses = page.evaluate("""(path) => path.filter(([x, y]) => {
            const hit = document.elementFromPoint(x, y);
            return !hit || !(hit.closest('abbr') || hit.closest('.md-tooltip2--active'));
        })""", path)
        assert not misses, f"Lücke zwischen Begriff und Tooltip bei {misses[:3]}"
        page.mouse.move(x, end_y, steps=10)
        assert page.evaluate(f"document.querySelector('{ACTIVE_TIP} .md-tooltip2__inner').matches(':hover')")
        assert page.evaluate(TIP_SHOWN)
        page.keyboard.press("Escape")
        page.wait_for_function(TIP_GONE, timeout=SLOW_MACHINE_MS)
        page.mouse.move(5, DESKTOP["height"] - 5)
        page.wait_for_function("() => !document.querySelector('.md-tooltip2')", timeout=SLOW_MACHINE_MS)

        # footnote tooltip (a dialog): Esc closes it with the pointer still on the reference,
        # and it opens again the next time
        ref = page.locator("article sup a.footnote-ref").first
        ref.scroll_into_view_if_needed()
        box = ref.bounding_box()
        for attempt in range(2):
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_function(TIP_SHOWN, timeout=SLOW_MACHINE_MS)
            assert page.locator(f"{ACTIVE_TIP}[role=dialog]").count() == 1
            page.keyboard.press("Escape")
            page.wait_for_function(TIP_GONE, timeout=SLOW_MACHINE_MS)
            page.mouse.move(5, DESKTOP["height"] - 5)
            page.wait_for_function("() => !document.querySelector('.md-tooltip2')", timeout=SLOW_MACHINE_MS)


# --- 2.5.8: target size of the footnote back-links ---------------------------------------------

def test_footnote_backlinks_are_24px_targets(browser, site_url):
    with opened(browser, site_url, LONG_PAGE, PHONE) as page:
        groups = page.evaluate("""() => [...document.querySelectorAll('.footnote li')].map(li =>
            [...li.querySelectorAll('a.footnote-backref')].map(a => {
                const r = a.getBoundingClientRect();
                return {w: r.width, h: r.height, x: r.left + r.width / 2, y: r.top + r.height / 2};
            }))""")
    links = [link for group in groups for link in group]
    assert len(links) > 20 and any(len(g) > 1 for g in groups), "zu wenige Rücksprünge gefunden"
    small = [link for link in links if link["w"] < MIN_TARGET or link["h"] < MIN_TARGET]
    assert not small, f"{len(small)} Rücksprünge kleiner als 24 × 24 px, z. B. {small[0]}"
    for group in groups:
        for a, b in zip(group, group[1:]):
            distance = ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5
            assert distance >= MIN_TARGET, f"Mittelpunkte nur {distance:.1f} px auseinander"


# --- layout shift: generated figures reserve their box before they load -----------------------

def _svg_ratio(path) -> float:
    head = path.read_text(encoding="utf-8")[:3000]
    box = re.search(r'viewBox="([-0-9. ]+)"', head)
    _, _, w, h = (float(v) for v in box[1].split())
    return w / h


def test_generated_figures_have_width_and_height(html_pages, site_dir):
    from bs4 import BeautifulSoup

    checked = 0
    for url, path in html_pages.items():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for img in soup.select("img[src*='assets/generated/'], source[srcset*='assets/generated/']"):
            src = img.get("src") or img["srcset"].split()[0]
            where = f"{url}: {src}"
            assert img.get("width") and img.get("height"), f"{where}: width/height fehlen"
            ratio = int(img["width"]) / int(img["height"])
            svg = (path.parent / src).resolve()
            assert svg.is_relative_to(site_dir.resolve()) and svg.exists(), where
            # width and height are rounded to whole px
            assert abs(ratio - _svg_ratio(svg)) <= ratio * 2 / int(img["height"]), where
            checked += 1
    assert checked >= 5, f"nur {checked} erzeugte Abbildungen gefunden"


FIGURES = "article img[src*='assets/generated/']"
SHOWN_FIGURES = f"[...document.querySelectorAll(\"{FIGURES}\")].filter(img => img.checkVisibility())"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_figure_box_is_reserved_before_the_image_loads(browser, site_url, viewport):
    """The browser maps width/height to aspect-ratio, so the box before loading is the final one:
    a lazy image arriving above the focus cannot push it down."""
    with opened(browser, site_url, FIGURE_PAGE, viewport) as page:
        reserved = page.evaluate(f"""() => {SHOWN_FIGURES}.map(img => {{
            const r = img.getBoundingClientRect(); return {{src: img.currentSrc || img.src,
              loaded: img.complete && img.naturalWidth > 0, ratio: r.width / r.height}}; }})""")
        assert len(reserved) >= 2, reserved
        assert any(not f["loaded"] for f in reserved), "alle Abbildungen schon geladen – Test sinnlos"
        page.evaluate(f"() => {SHOWN_FIGURES}.forEach(img => img.loading = 'eager')")
        page.wait_for_function(f"() => {SHOWN_FIGURES}.every(img => img.complete && img.naturalWidth > 0)",
                               timeout=SLOW_MACHINE_MS)
        final = page.evaluate(f"""() => {SHOWN_FIGURES}.map(img => {{
            const r = img.getBoundingClientRect(); return r.width / r.height; }})""")
    for before, after in zip(reserved, final):
        assert abs(before["ratio"] - after) < 0.02, (before, after)
