"""Numbers and figures the hook put into the project's built pages equal smm_calc's results."""

import json
import math
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from smm_calc import SCENARIOS, naive_reach, saturating_reach

MUNDPROPAGANDA = "/promotion/kommunikationsinstrumente/social-media-marketing/mundpropaganda/"
NOTEBOOK = "/promotion/kommunikationsinstrumente/social-media-marketing/reichweite-selbst-rechnen/"
_UNITS = {"Mio.": 1e6, "Mrd.": 1e9, "Bio.": 1e12}


def german_number(text: str) -> tuple[float, float]:
    """'1.884' → (1884, 0.5); '2,63 Mio.' → (2.63e6, 0.005e6): value and display precision."""
    text = text.replace("\u00a0", " ").strip()
    match = re.fullmatch(r"([\d.]+)(?:,(\d+))?(?: (Mio\.|Mrd\.|Bio\.))?", text)
    assert match, f"keine deutsche Zahl: {text!r}"
    whole, decimals, unit = match.groups()
    value = float(whole.replace(".", "") + ("." + decimals if decimals else ""))
    step = 0.5 * 10 ** -(len(decimals) if decimals else 0)
    scale = _UNITS.get(unit, 1)
    return value * scale, step * scale


def band(cell: str) -> tuple[tuple[float, float], tuple[float, float] | None]:
    """'84–155' → ((84, .5), (155, .5)); 'mindestens 1.640' → ((1640, .5), None); '4' → both 4."""
    cell = cell.strip()
    if cell.startswith("mindestens "):
        return german_number(cell.removeprefix("mindestens ")), None
    low, _, high = cell.partition("–")
    return german_number(low), german_number(high or low)


def close(shown: tuple[float, float], exact: float) -> bool:
    value, step = shown
    return abs(value - exact) <= step * 1.0001


def tables_after_caption(page: BeautifulSoup, words: str) -> list:
    return [p.find_next("table") for p in page.select("article p")
            if p.get_text().startswith("Tabelle:") and words in p.get_text()]


@pytest.fixture(scope="module")
def page(html_pages):
    return BeautifulSoup(html_pages[MUNDPROPAGANDA].read_text(encoding="utf-8"), "html.parser")


def check_scenario_table(table, reach):
    header = [th.get_text(strip=True) for th in table.select("thead th")]
    assert header[0] == "Stufe"
    rows = table.select("tbody tr")
    assert [int(r.td.get_text()) for r in rows] == list(range(1, 6))
    for column, scenario in enumerate(SCENARIOS, start=1):
        assert header[column].startswith(scenario.label), header[column]
        result = reach(scenario.offline * scenario.factor)
        for stufe, row in enumerate(rows, start=1):
            low, high = band(row.select("td")[column].get_text())
            assert close(low, result.low.cumulative[stufe]), (scenario.id, stufe)
            if result.high is None:
                assert high is None, (scenario.id, stufe)
            else:
                assert close(high, result.high.cumulative[stufe]), (scenario.id, stufe)


def test_scenario_table_equals_the_naive_model(page):
    (table, *_) = tables_after_caption(page, "ohne Sättigung")
    check_scenario_table(table, lambda k: naive_reach(k, 5))


def test_saturation_table_equals_the_saturation_model(page):
    (table, *_) = tables_after_caption(page, "Zielgruppe von 100.000")
    check_scenario_table(table, lambda k: saturating_reach(k, 5, 100_000))


def test_figures_are_generated_files_with_alt_text_and_data(page, site_dir, html_pages):
    figures = page.select("figure.smm-figure")
    assert figures
    for figure in figures:
        img = figure.img
        assert len(img["alt"]) > 40, img["alt"]
        svg = (html_pages[MUNDPROPAGANDA].parent / img["src"]).resolve()
        assert svg.is_relative_to(site_dir / "assets" / "generated") and svg.exists()
        text = svg.read_text(encoding="utf-8")
        assert "<title" in text and "<desc" in text
        data = figure.find_next("details")
        assert data.summary.get_text(strip=True) == "Daten zur Abbildung"
        assert data.find("table")


def test_no_smm_block_is_left_unrendered(html_pages):
    for url, path in html_pages.items():
        assert "language-smm" not in path.read_text(encoding="utf-8"), url


def test_notebook_page_shows_executed_outputs(html_pages):
    html = html_pages[NOTEBOOK].read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    outputs = page.select(".jp-OutputArea-output")
    assert len(outputs) >= 5
    # the first exercise prints the naive reach for k = 4 after Stufe 5; compare with the API
    expected = naive_reach(4, 5).cumulative[5]
    line = re.search(r"k =\s+4: nach Stufe 5 informiert:\s+([\d.]+) Personen", page.get_text())
    assert line and german_number(line.group(1))[0] == expected
    assert page.select(".jp-OutputArea-output svg, .jp-OutputArea-output img")


def test_notebook_is_offered_for_download(html_pages):
    page = BeautifulSoup(html_pages[NOTEBOOK].read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in page.find_all("a", href=True)
             if a["href"].endswith(".ipynb") and "://" not in a["href"]]
    assert links, "kein Download-Link auf das Notebook"
    for href in links:
        assert (html_pages[NOTEBOOK].parent / href).resolve().exists(), href


def test_committed_notebooks_carry_no_outputs():
    for path in (Path(__file__).resolve().parents[2] / "docs").rglob("*.ipynb"):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                assert not cell.get("outputs") and cell.get("execution_count") is None, (
                    f"{path.name}: Ausgaben vor dem Einchecken entfernen "
                    f"(nbstripout {path.name}); das Notebook wird beim Bauen ausgeführt")


def test_notebook_figures_have_real_alt_text(html_pages):
    page = BeautifulSoup(html_pages[NOTEBOOK].read_text(encoding="utf-8"), "html.parser")
    images = page.select(".jp-OutputArea-output img")
    assert images
    for img in images:
        assert "No description" not in img["alt"] and len(img["alt"]) > 40, img["alt"]
