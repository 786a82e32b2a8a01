"""Impressum and Datenschutz (issue 8): built from mkdocs.yml `extra.betreiber`, linked everywhere."""

import re
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import REPO, build_site, click_palette, search
from hookmodules import load

betreiber = load("betreiber")

DETAILS = {
    "name": "Muster-Hochschule (Körperschaft des öffentlichen Rechts)",
    "vertreten_durch": "Prof. Dr. Erika Muster, Präsidentin",
    "anschrift": "Musterstraße 1, 12345 Musterstadt",
    "email": "wissen@example.org",
    "telefon": "+49 123 456789",
    "ust_id": "DE123456789",
    "verantwortlich_inhalt": "Max Muster, Musterstraße 1, 12345 Musterstadt",
    "hosting": "Die Seiten liefert *Beispiel-Hosting* aus; es speichert keine Protokolle.",
}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_links_the_legal_pages_in_the_footer(html_pages, site_dir):
    pages = dict(html_pages)
    if (site_dir / "404.html").exists():
        pages["/404.html"] = site_dir / "404.html"
    for url, path in pages.items():
        links = {a.get_text(strip=True): a["href"] for a in soup(path).select("footer .smm-rechtliches a")}
        assert set(links) == {"Datenschutz", "Impressum", "Barrierefreiheit"}, url
        if url != "/404.html":  # 404.html uses absolute paths (served for any address)
            base = url if url.endswith("/") else "/"
            for name, href in links.items():
                target = (site_dir / base.lstrip("/") / href).resolve()
                assert (target / "index.html").exists(), (url, name, href)


def test_both_are_in_the_navigation_but_not_content_pages(html_pages):
    for url in ("/datenschutz/", "/impressum/"):
        page = soup(html_pages[url])
        assert page.select_one("article .smm-zitat") is None


def test_unset_operator_details_show_a_clear_placeholder(html_pages):
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if re.search(r'^\s+name: "[^"]+"', config[config.index("betreiber:"):], re.M):
        pytest.skip("Betreiberangaben sind eingetragen")
    for url in ("/impressum/", "/datenschutz/"):
        notice = soup(html_pages[url]).select_one("article .admonition.warning")
        assert notice is not None, url
        text = notice.get_text(" ", strip=True)
        assert text.startswith("Platzhalter:") and "mkdocs.yml" in text and "README" in text


def test_impressum_from_details_names_everything_the_law_asks_for():
    markdown = betreiber.impressum(DETAILS)
    assert "Platzhalter" not in markdown
    assert "Muster-Hochschule" in markdown and "Musterstraße 1<br>12345 Musterstadt" in markdown
    assert '<a href="mailto:wissen@example.org">' in markdown
    assert "Prof. Dr. Erika Muster" in markdown and "DE123456789" in markdown
    assert "§ 18 Abs. 2 MStV" in markdown and "Max Muster" in markdown


def test_missing_required_details_are_named():
    markdown = betreiber.impressum({**DETAILS, "email": "", "anschrift": " "})
    assert markdown.startswith('!!! warning "Platzhalter')
    assert "Anschrift, E-Mail-Adresse" in markdown


def test_details_are_escaped():
    markdown = betreiber.verantwortlich({**DETAILS, "name": "<script>x</script>"})
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown


@pytest.mark.slow
def test_filled_in_details_reach_the_built_pages(tmp_path):
    """mkdocs.yml with details → no placeholder, the details on both pages."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("impressum.md", "datenschutz.md"):
        (docs / name).write_text((REPO / "docs" / name).read_text(encoding="utf-8")
                                 .replace("](quellen.md", "](index.md"), encoding="utf-8")
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    (docs / "fuer-lehrende.md").write_text("# Für Lehrende\n\n## Weiterverwenden\n", encoding="utf-8")
    values = "\n".join(f"    {k}: {v!r}" for k, v in DETAILS.items())
    config = tmp_path / "mkdocs.yml"
    config.write_text(textwrap.dedent(f"""\
        site_name: Test
        hooks: [{REPO / 'hooks' / 'betreiber.py'}]
        markdown_extensions: [admonition, def_list, footnotes, attr_list, md_in_html]
        extra:
          betreiber:
        """) + values + "\n", encoding="utf-8")
    build_site(config, tmp_path / "site")
    impressum = (tmp_path / "site" / "impressum" / "index.html").read_text(encoding="utf-8")
    datenschutz = (tmp_path / "site" / "datenschutz" / "index.html").read_text(encoding="utf-8")
    assert "Platzhalter" not in impressum + datenschutz
    assert "Muster-Hochschule" in impressum and "wissen@example.org" in datenschutz
    assert "<em>Beispiel-Hosting</em>" in datenschutz


def test_datenschutz_says_what_the_site_does(html_pages):
    text = soup(html_pages["/datenschutz/"]).select_one("article").get_text(" ", strip=True)
    for claim in ("keine Cookies", "Trackingdienste", "von fremden Servern", "IP-Adresse",
                  "Farbschema", "Auskunft", "Aufsichtsbehörde"):
        assert claim in text, claim


@pytest.mark.browser
def test_no_cookies_and_only_the_palette_in_local_storage(browser, site_url):
    """What /datenschutz/ promises: no cookies; the browser keeps only the colour scheme."""
    context = browser.new_context()
    page = context.new_page()
    for url in ("/", "/promotion/", "/promotion/kommunikationsinstrumente/social-media-marketing/mundpropaganda/"):
        page.goto(site_url + url)
    search(page, "Werbung")  # searching must not store anything either
    page.keyboard.press("Escape")
    click_palette(page)
    page.goto(site_url + "/glossar/")
    assert context.cookies() == []
    keys = page.evaluate("Object.keys(localStorage)")
    assert all(key.endswith("__palette") for key in keys), keys
    context.close()
