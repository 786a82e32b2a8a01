"""Performance budgets of the built site (issue 7): sizes only – speed is measured by `make bench`.

* no page's own HTML over 100 KB (the print edition /gesamtausgabe/ excepted);
* the notebook page's first load (HTML + the CSS, JS and images it references) at most 1.5 × the
  SMM page's: its JupyterLab CSS is one shared, trimmed stylesheet (hooks/notebook_assets.py);
* nothing shipped that no page loads: source maps (hooks/dead_assets.py), Material's lunr
  search and Pagefind's UI bundles (hooks/suche.py) – and the German search still works;
* the glossary include stays cheap to parse on every page.
"""

import importlib
import json
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import search

REPO = Path(__file__).resolve().parents[2]
SMM = "/promotion/kommunikationsinstrumente/social-media-marketing/"
NOTEBOOK = SMM + "reichweite-selbst-rechnen/"
EXEMPT = {"/gesamtausgabe/"}  # the print edition is all pages on one page, by design


def _weight_module():
    sys.path.insert(0, str(REPO))
    try:
        return importlib.import_module("bench.weight")
    finally:
        sys.path.remove(str(REPO))


weight = _weight_module()


def _biggest_parts(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    parts = []
    for selector in ("article", "nav.md-nav--primary", "header", "table", "details", "abbr",
                     "svg", "script", "style", "img[src^='data:']"):
        found = soup.select(selector)
        size = sum(len(str(e).encode()) for e in found)
        if size:
            parts.append((size, f"{selector} ×{len(found)}: {size / 1000:.0f} KB"))
    return "; ".join(text for _, text in sorted(parts, reverse=True)[:6])


def test_no_page_html_over_100_kb(site_dir, html_pages):
    pages = dict(html_pages)
    if (site_dir / "404.html").exists():
        pages["/404.html"] = site_dir / "404.html"
    too_big = []
    for url, path in pages.items():
        size = path.stat().st_size
        limit = weight.BIBLIOGRAPHY_LIMIT if url == "/quellen/" else weight.HTML_LIMIT
        if url not in EXEMPT and size > limit:
            too_big.append(f"{url}: {size / 1000:.1f} KB > {limit // 1000} KB "
                           f"({_biggest_parts(path)})")
    assert not too_big, ("Seiten über dem HTML-Budget – Inhalt aufteilen oder verschlanken:\n"
                         + "\n".join(too_big))


def test_notebook_first_load_at_most_one_and_a_half_smm_pages(site_dir, html_pages):
    if NOTEBOOK not in html_pages:
        pytest.skip("keine Notebookseite gebaut")
    notebook = weight.page_weight(site_dir, NOTEBOOK)
    smm = weight.page_weight(site_dir, SMM)
    limit = weight.NOTEBOOK_FACTOR * smm.first_load
    assert notebook.first_load <= limit, (
        f"Erster Aufruf der Notebookseite {notebook.first_load / 1000:.0f} KB > "
        f"{weight.NOTEBOOK_FACTOR} × SMM-Seite ({smm.first_load / 1000:.0f} KB); Dateien: "
        + ", ".join(notebook.files))


def test_notebook_styles_are_one_shared_trimmed_stylesheet(site_dir, html_pages):
    if NOTEBOOK not in html_pages:
        pytest.skip("keine Notebookseite gebaut")
    soup = BeautifulSoup(html_pages[NOTEBOOK].read_text(encoding="utf-8"), "html.parser")
    inline = [s for s in soup.find_all("style") if not s.find_parent("svg")]
    assert not inline, f"{len(inline)} <style>-Elemente in der Notebookseite"
    sheets = [link["href"] for link in soup.select("head link[rel~=stylesheet]")
              if "notebook." in link["href"]]
    assert len(sheets) == 1, sheets
    css = (html_pages[NOTEBOOK].parent / sheets[0]).resolve()
    assert re.fullmatch(r"notebook\.[0-9a-f]{8}\.css", css.name), css.name
    assert css.stat().st_size < 60_000, f"{css.name}: {css.stat().st_size} Bytes – nicht gekürzt?"
    assert ".jupyter-wrapper" in css.read_text(encoding="utf-8")
    # figures are files, not base64 inside the page
    assert not soup.select("img[src^='data:']")
    for img in soup.select(".jupyter-wrapper img"):
        assert (html_pages[NOTEBOOK].parent / img["src"]).resolve().is_file(), img["src"]
        assert img.get("width") and img.get("height") and img.get("loading") == "lazy", img


def test_only_the_search_files_pages_load_are_shipped(site_dir):
    """Search is Pagefind behind Material's UI (hooks/suche.py): Material's own worker and lunr's
    language files are loaded by no page, nor are Pagefind's UI bundles."""
    assert not (site_dir / "assets" / "javascripts" / "lunr").exists()
    assert not list((site_dir / "assets" / "javascripts").glob("workers/search.*"))
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["de"]
    top = sorted(p.name for p in (site_dir / "pagefind").iterdir() if p.is_file())
    assert top == ["pagefind-entry.json", "pagefind-worker.js",
                   f"pagefind.{entry['languages']['de']['hash']}.pf_meta", "pagefind.js",
                   "wasm.de.pagefind"], top


@pytest.mark.slow
@pytest.mark.browser
def test_german_search_works_with_the_shipped_files(browser, site_url):
    """The search worker loads Pagefind's script, WebAssembly and index; a missing file would
    stop it (the request/console checks below name it)."""
    page = browser.new_page()
    failed, errors = [], []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(site_url + "/", wait_until="networkidle")
        search(page, "Kommunikationsinstrumente")
        titles = page.locator(".md-search-result__item").all_inner_texts()
        assert any("Kommunikationsinstrument" in t for t in titles), titles
    finally:
        page.close()
    assert not failed, f"fehlgeschlagene Anfragen: {failed}"
    assert not errors, f"Konsolenfehler: {errors}"


def test_glossary_definitions_are_separate_blocks():
    """docs/includes/glossar-abkuerzungen.md is appended to every page (pymdownx.snippets).
    Python-Markdown's abbr extension takes one definition per pass and hands the rest of the
    block back to every block processor: with all definitions in one block, parsing it costs
    O(n²) and made up 95 % of a page's Markdown time (118 ms instead of 8 ms per page). A blank
    line after each definition keeps every block small; the HTML is the same."""
    lines = (REPO / "docs" / "includes" / "glossar-abkuerzungen.md").read_text(
        encoding="utf-8").splitlines()
    adjacent = [f"Zeile {i + 2}: {lines[i + 1][:40]}" for i in range(len(lines) - 1)
                if lines[i].startswith("*[") and lines[i + 1].strip()]
    assert not adjacent, ("Nach jeder Abkürzungsdefinition eine Leerzeile lassen:\n"
                          + "\n".join(adjacent))
