"""Read on a phone: every figure legible at 360 px, figures follow the dark scheme, nothing
scrolls sideways (issue „Read it on a phone“).

Measured as rendered in Chromium at a 360 × 740 viewport, on every page:

- the smallest text of every figure in CSS px: for an SVG shown as <img>, the SVG the browser
  chose (`currentSrc`) is laid out again at the width the <img> has on the page and each <text>'s
  computed font size is multiplied by its scale on screen (getScreenCTM) – the same as font size
  × rendered width ÷ viewBox width; for an inline SVG (the calculator's chart) directly;
- in the dark scheme, chosen with the palette toggle as a reader does, the mean luminance of
  every figure's pixels: no bright plate on the dark page;
- the page's scroll width, the notebook's width, and whether the calculator's result table shows
  its last column (the reach with saturation) without sideways scrolling.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest

from helpers import SLOW_MACHINE_MS, click_palette

VIEWPORT = {"width": 360, "height": 740}
MIN_TEXT_PX = 11.0
# Mean relative luminance (0 black … 1 white) above which a figure reads as a bright plate on
# the dark page: white paper with dark ink is ≈ 0.85, the dark variants ≈ 0.05.
BRIGHT_PLATE = 0.35
CALCULATOR = "/promotion/kommunikationsinstrumente/social-media-marketing/reichweitenrechner/"
NOTEBOOK = "/promotion/kommunikationsinstrumente/social-media-marketing/reichweite-selbst-rechnen/"
GENERATED_PAGE = "/promotion/kommunikationsinstrumente/social-media-marketing/mundpropaganda/"

# Every figure of the article made visible and loaded (lazy images are loaded as a reader's
# scrolling would), then measured. Returns one entry per figure.
MEASURE = """async () => {
  const shown = (e) => e.checkVisibility() && e.getBoundingClientRect().width > 0;
  const smallest = (svg) => {
    let min = Infinity;
    for (const t of svg.querySelectorAll("text")) {
      if (!t.textContent.trim()) continue;
      const m = t.getScreenCTM();
      const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      min = Math.min(min, size);
    }
    return min;
  };
  const out = [];
  for (const img of document.querySelectorAll("article img")) {
    if (!img.checkVisibility()) continue;  // (an image without size is 0 wide until loaded)
    img.loading = "eager";
    if (!img.complete) await new Promise((ok) => {
      img.addEventListener("load", ok, { once: true });
      img.addEventListener("error", ok, { once: true });
    });
    const src = img.currentSrc;
    if (!/\\.svg(#.*)?$/.test(src)) { out.push({ kind: "img", src, min: null }); continue; }
    const text = await (await fetch(src)).text();
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const svg = document.importNode(doc.documentElement, true);
    const width = img.getBoundingClientRect().width;
    const box = svg.viewBox.baseVal;
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(width * box.height / box.width));
    const holder = document.createElement("div");
    holder.style.cssText = "position:absolute;left:-20000px;top:0";
    holder.append(svg);
    document.body.append(holder);
    out.push({ kind: "img", src, width, min: smallest(svg) });
    holder.remove();
  }
  for (const svg of document.querySelectorAll("article svg")) {
    if (!shown(svg) || !svg.querySelector("text")) continue;
    out.push({ kind: "svg", src: svg.getAttribute("class") || "svg",
               width: svg.getBoundingClientRect().width, min: smallest(svg) });
  }
  return out;
}"""


@dataclass
class Visit:
    figures: list[dict]
    scroll_width: int
    notebook: tuple[float, float] | None  # (notebook width, article width)


def _open(context, site_url: str, path: str):
    page = context.new_page()
    page.goto(site_url + path, wait_until="load")
    if page.locator("[data-smm-rechner]").count():
        page.wait_for_selector("[data-smm-svg] svg", timeout=SLOW_MACHINE_MS)
    return page


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=VIEWPORT, color_scheme="light", device_scale_factor=1)
    yield context
    context.close()


@pytest.fixture(scope="module")
def visits(phone, site_url, html_pages) -> dict[str, Visit]:
    found = {}
    for path in html_pages:
        page = _open(phone, site_url, path)
        figures = page.evaluate(MEASURE)
        width = page.evaluate("document.documentElement.scrollWidth")
        notebook = page.evaluate("""() => {
          const nb = document.querySelector('.jupyter-wrapper');
          if (!nb) return null;
          const inner = document.querySelector('.md-content__inner');
          const style = getComputedStyle(inner);
          return [nb.getBoundingClientRect().width, inner.clientWidth
                  - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)];
        }""")
        found[path] = Visit(figures, width, tuple(notebook) if notebook else None)
        page.close()
    return found


def test_every_figure_is_legible_at_360_px(visits):
    measured = [(path, f) for path, v in visits.items() for f in v.figures]
    assert any("/assets/generated/" in f["src"] for _, f in measured), "keine erzeugte Abbildung"
    assert any(f["kind"] == "svg" for _, f in measured), "das Diagramm des Rechners fehlt"
    assert any("/assets/generated/notebook-" in f["src"] for _, f in measured)
    too_small = [f"{path} {f['src'].rsplit('/', 1)[-1]}: kleinste Schrift {f['min']:.1f} px "
                 f"(Breite {f['width']:.0f} px)"
                 for path, f in measured if f["min"] is not None and f["min"] < MIN_TEXT_PX]
    assert not too_small, "Schrift unter 11 px bei 360 px Breite:\n" + "\n".join(too_small)
    unmeasured = [f"{path} {f['src']}" for path, f in measured if f["min"] is None]
    assert not unmeasured, "nicht messbar (kein SVG):\n" + "\n".join(unmeasured)


def test_no_page_scrolls_sideways_and_the_notebook_uses_the_full_width(visits):
    wide = [f"{path}: {v.scroll_width} px" for path, v in visits.items()
            if v.scroll_width > VIEWPORT["width"]]
    assert not wide, "Seiten scrollen seitlich:\n" + "\n".join(wide)
    notebook = visits[NOTEBOOK].notebook
    assert notebook is not None
    assert notebook[0] >= notebook[1] - 1, f"Notebook {notebook[0]:.0f} von {notebook[1]:.0f} px breit"


def test_phone_loads_only_the_narrow_light_variants(phone, site_url):
    requested = []
    page = phone.new_page()
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + GENERATED_PAGE, wait_until="load")
    for img in page.locator("article img").all():  # as far down as a reader scrolls
        if img.is_visible():
            img.scroll_into_view_if_needed()
            page.wait_for_function("img => img.complete", arg=img.element_handle(),
                                   timeout=SLOW_MACHINE_MS)
    page.close()
    svgs = [u.rsplit("/", 1)[-1] for u in requested if "/assets/generated/" in u]
    assert svgs and all("-schmal-hell-" in name for name in svgs), svgs


def _luminance(png: bytes) -> float:
    """Mean relative luminance (WCAG) of a screenshot's pixels."""
    import numpy as np
    from PIL import Image

    c = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float) / 255
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return float((linear @ np.array([0.2126, 0.7152, 0.0722])).mean())


def _switch_to_dark(page):
    """Click the palette toggle as a reader does until the page is in the dark scheme."""
    for _ in range(3):
        if page.evaluate("document.body.dataset.mdColorScheme") == "slate":
            return
        click_palette(page)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"


@pytest.mark.parametrize("path", [GENERATED_PAGE, CALCULATOR, NOTEBOOK])
@pytest.mark.parametrize("viewport", [VIEWPORT, {"width": 1280, "height": 900}],
                         ids=["telefon", "desktop"])
def test_figures_follow_the_dark_scheme_of_the_toggle(browser, site_url, path, viewport):
    # The system is light: only the toggle asks for dark.
    context = browser.new_context(viewport=viewport, color_scheme="light")
    page = _open(context, site_url, path)
    _switch_to_dark(page)
    figures = page.locator("article img[src*='/assets/generated/'], article [data-smm-svg] svg")
    seen = 0
    for i in range(figures.count()):
        figure = figures.nth(i)
        if not figure.is_visible():
            continue
        figure.scroll_into_view_if_needed()
        if figure.evaluate("e => e.tagName") == "IMG":
            page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                                   arg=figure.element_handle(), timeout=SLOW_MACHINE_MS)
            assert "dunkel" in figure.evaluate("img => img.currentSrc") \
                or "notebook-" in figure.evaluate("img => img.currentSrc")
        seen += 1
        luminance = _luminance(figure.screenshot(animations="disabled"))
        assert luminance < BRIGHT_PLATE, f"{path}: Abbildung {i} ist hell ({luminance:.2f})"
    context.close()
    assert seen, f"{path}: keine Abbildung sichtbar"


def test_hand_drawn_figures_follow_the_dark_scheme(browser, site_url, html_pages):
    context = browser.new_context(viewport=VIEWPORT, color_scheme="light")
    checked = 0
    for path, file in html_pages.items():
        if "/assets/abbildungen/" not in file.read_text(encoding="utf-8") or "gesamtausgabe" in path:
            continue
        page = _open(context, site_url, path)
        _switch_to_dark(page)
        for img in page.locator("article img[src*='/assets/abbildungen/']").all():
            if not img.is_visible():
                continue
            img.scroll_into_view_if_needed()
            page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                                   arg=img.element_handle(), timeout=SLOW_MACHINE_MS)
            luminance = _luminance(img.screenshot())
            assert luminance < BRIGHT_PLATE, f"{path}: {img.get_attribute('src')} ({luminance:.2f})"
            checked += 1
        page.close()
    context.close()
    assert checked >= 7


@pytest.mark.parametrize("query", ["k=4-5&faktor=1", "k=8-12&faktor=10", "k=4-5&faktor=%E2%89%A510",
                                   "k=8-12&faktor=%E2%89%A510&stufen=12&zielgruppe=80.000.000"])
def test_calculator_table_shows_the_key_column_without_scrolling(phone, site_url, query):
    page = phone.new_page()
    page.goto(f"{site_url}{CALCULATOR}?{query}", wait_until="load")
    page.wait_for_selector("[data-smm-ergebnis] tr[data-stufe]", timeout=SLOW_MACHINE_MS)
    box = page.evaluate("""() => {
      const scroller = document.querySelector('.smm-rechner__tabelle');
      const heads = [...scroller.querySelectorAll('thead th')].filter(th => th.checkVisibility());
      const last = heads[heads.length - 1];
      return { right: last.getBoundingClientRect().right, text: last.textContent,
               edge: scroller.getBoundingClientRect().right,
               scroll: scroller.scrollWidth, client: scroller.clientWidth };
    }""")
    page.close()
    assert box["text"] == "Reichweite mit Sättigung"
    assert box["right"] <= box["edge"] + 0.5 and box["scroll"] <= box["client"], box
