"""Formulas on the model pages are MathML made at build time (hooks/mathml.py): the built pages
contain <math> elements with the structure of the formula, no LaTeX source is left in the text,
and no page loads a math library in the browser. (Valid HTML and axe: tests/quality/.)
"""

import re

import pytest
from bs4 import BeautifulSoup

SMM = "/promotion/kommunikationsinstrumente/social-media-marketing/"
# page → MathML elements its formulas must produce (powers, sums, fractions, subscripts)
FORMULA_PAGES = {
    SMM + "reichweitenmodelle/": {"msup", "msub", "mfrac", "msubsup"},
    SMM + "reichweitenrechner/": {"msup", "msub", "mfrac"},
    SMM + "mundpropaganda/": {"mfrac"},
}
LATEX_LEFT = re.compile(r"\$|\\\(|\\\)|\\\[|\\\]|\\[a-zA-Z]+")
MATH_SCRIPTS = re.compile(r"mathjax|katex|mathml\.js|arithmatex", re.I)


def article(html_pages, url: str):
    return BeautifulSoup(html_pages[url].read_text(encoding="utf-8"), "html.parser").select_one(
        "article")


@pytest.mark.parametrize("url", FORMULA_PAGES)
def test_formulas_are_mathml(html_pages, url):
    body = article(html_pages, url)
    maths = body.find_all("math")
    assert maths, f"{url}: keine <math>-Elemente"
    for math in maths:
        assert math.get("xmlns") in (None, "http://www.w3.org/1998/Math/MathML")
        assert math.get("display") in ("inline", "block")
        assert math.get("aria-hidden") is None, "Formeln müssen für Screenreader lesbar sein"
        assert math.get_text(strip=True), f"{url}: leere Formel"
    found = {tag.name for math in maths for tag in math.find_all(True)}
    missing = FORMULA_PAGES[url] - found
    assert not missing, f"{url}: keine Formel mit {sorted(missing)}"


@pytest.mark.parametrize("url", FORMULA_PAGES)
def test_no_latex_source_left(html_pages, url):
    body = article(html_pages, url)
    for element in body.select("pre, code, math, script"):
        element.decompose()
    text = body.get_text(" ")
    left = LATEX_LEFT.findall(text)
    assert not left, f"{url}: LaTeX-Quelltext im Text: {left[:5]}"
    assert not body.select(".arithmatex")


def test_the_power_on_the_model_page_is_k_to_the_s(html_pages):
    body = article(html_pages, SMM + "reichweitenmodelle/")
    powers = [[c.get_text(strip=True) for c in p.find_all(recursive=False)]
              for p in body.find_all("msup")]
    assert ["k", "s"] in powers, powers


def test_no_page_loads_a_math_library(html_pages):
    offenders = []
    for url, path in html_pages.items():
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in page.select("script[src], link[href]"):
            if MATH_SCRIPTS.search(tag.get("src") or tag.get("href") or ""):
                offenders.append(f"{url}: {tag}")
        if page.select(".arithmatex"):
            offenders.append(f"{url}: unübersetzte Formel (.arithmatex)")
    assert not offenders, "\n".join(offenders)


def test_print_edition_has_the_formulas(html_pages):
    edition = article(html_pages, "/gesamtausgabe/")
    assert len(edition.find_all("math")) >= sum(
        len(article(html_pages, url).find_all("math")) for url in FORMULA_PAGES)
