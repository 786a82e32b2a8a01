"""The print edition /gesamtausgabe/ (issue 8): every page in reading order, ready for paper."""

import posixpath
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import REPO, heading_text
from hookmodules import load

gesamtausgabe = load("gesamtausgabe")
URL = "/gesamtausgabe/"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def nav_sources() -> list[str]:
    """Source files of the navigation in reading order (from mkdocs.yml)."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:"):]
    return re.findall(r"([\w/.-]+\.(?:md|ipynb))\s*$", nav, re.M)


def url_of(src: str) -> str:
    stem = src.rsplit(".", 1)[0]
    url = "/" if stem == "index" else "/" + stem.removesuffix("/index").removesuffix("index") + "/"
    return url.replace("//", "/")


def nav_order(html_pages) -> list[tuple[str, str]]:
    """(url, title) of the pages in the reading order of the navigation (from mkdocs.yml)."""
    order = []
    for src in nav_sources():
        url = url_of(src)
        if url in html_pages:
            order.append((url, heading_text(soup(html_pages[url]).select_one("article h1"))))
    return order


@pytest.fixture(scope="module")
def edition(html_pages):
    assert URL in html_pages, "/gesamtausgabe/ wurde nicht gebaut"
    return soup(html_pages[URL])


@pytest.fixture(scope="module")
def chapters(html_pages):
    excluded = {URL, "/datenschutz/", "/impressum/", "/barrierefreiheit/"}  # gesamtausgabe: false
    return [(url, title) for url, title in nav_order(html_pages) if url not in excluded]


def test_every_page_is_a_chapter_in_reading_order(edition, chapters):
    sections = edition.select("article section.smm-kapitel")
    titles = [heading_text(s.find("h2")) for s in sections]
    assert titles == [title for _, title in chapters]
    assert len(sections) >= 20


def test_chapter_titles_are_h2_and_ids_are_unique(edition):
    article = edition.select_one("article")
    assert len(article.find_all("h1")) == 1  # only „Gesamtausgabe“ itself
    ids = [tag["id"] for tag in edition.find_all(id=True)]
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicates, duplicates
    for section in article.select("section.smm-kapitel"):
        key = section["id"]
        for tag in section.find_all(id=True):
            assert tag["id"].startswith(f"{key}--"), (key, tag["id"])


def test_links_stay_in_the_page_or_point_to_real_files(edition, site_dir):
    article = edition.select_one("article")
    ids = {tag["id"] for tag in edition.find_all(id=True)}
    problems = []
    for tag in article.find_all(["a", "img"]):
        target = tag.get("href") or tag.get("src")
        if not target or re.match(r"^[a-z]+:", target):
            continue
        if target.startswith("#"):
            if target[1:] not in ids:
                problems.append(f"Anker fehlt: {target}")
            continue
        path = posixpath.normpath(posixpath.join("gesamtausgabe", target.split("#")[0]))
        file = site_dir / path
        if file.is_dir():
            problems.append(f"Verweis auf eine Seite statt ins Kapitel: {target}")
        elif not file.exists():
            problems.append(f"Ziel fehlt: {target}")
    assert not problems, "\n".join(problems[:20])


def test_model_answers_are_open_and_figures_not_lazy(edition):
    article = edition.select_one("article")
    details = article.find_all("details")
    assert details and all(d.has_attr("open") for d in details)
    images = article.find_all("img")
    assert images and not [i for i in images if i.get("loading") == "lazy"]


def chapter_sections(edition, chapters) -> list[tuple[str, object]]:
    """(url, section) per chapter; test_every_page_is_a_chapter_in_reading_order checks the order."""
    sections = edition.select("article section.smm-kapitel")
    assert len(sections) == len(chapters)
    return [(url, section) for (url, _), section in zip(chapters, sections)]


def test_every_chapter_shows_the_stand_of_its_page(edition, chapters, html_pages):
    problems = []
    for url, section in chapter_sections(edition, chapters):
        page = soup(html_pages[url]).select_one("article .smm-seiteninfo__fakten time")
        stand = section.select_one(".smm-kapitel__info time")
        if stand is None or "Stand:" not in stand.parent.get_text():
            problems.append(f"{url}: kein „Stand“")
        elif (stand["datetime"], stand.get_text()) != (page["datetime"], page.get_text()):
            problems.append(f"{url}: Stand {stand.get_text()}, Seite {page.get_text()}")
    assert not problems, "\n".join(problems)


def test_figures_keep_only_their_light_variant(edition, chapters, html_pages):
    notebooks = {url_of(src) for src in nav_sources() if src.endswith(".ipynb")}
    generated = drawn = 0  # the light figures of the copied chapters
    for url, _ in chapters:
        if url not in notebooks:
            page = soup(html_pages[url]).select_one("article")
            generated += len(page.select("picture.smm-abbildung--hell"))
            drawn += len(page.select('img[src$="#only-light"]'))
    assert generated and drawn
    article = edition.select_one("article")
    addresses = [t.get("src") or t.get("srcset") or "" for t in article.find_all(["img", "source"])]
    assert not [a for a in addresses if "dunkel" in a or "#only-" in a]  # dark ones gone, light ones shown in any scheme
    assert len(article.select("picture.smm-abbildung")) == generated
    assert len(article.select('img[src*="/assets/abbildungen/"]')) == drawn


def test_notebook_chapters_point_to_the_notebook_instead_of_copying_it(edition, chapters, html_pages):
    notebooks = {url_of(src) for src in nav_sources() if src.endswith(".ipynb")}
    sections = [(url, s) for url, s in chapter_sections(edition, chapters) if url in notebooks]
    assert sections
    for url, section in sections:
        assert soup(html_pages[url]).select_one(".jupyter-wrapper") is not None  # the page has it
        assert section.select_one(".jupyter-wrapper, script, style") is None, url
        assert [a for a in section.find_all("a") if a["href"].endswith(url)], url


def test_not_in_search_and_not_its_anchors_in_the_contract(site_dir):
    # Pagefind indexes only articles marked data-pagefind-body (hooks/suche.py)
    html = (site_dir / "gesamtausgabe" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in html
    assert "data-pagefind-body" in (site_dir / "index.html").read_text(encoding="utf-8")


def test_print_stylesheet_hides_navigation_and_prints_link_targets():
    css = (REPO / "docs" / "assets" / "css" / "lehrende.css").read_text(encoding="utf-8")
    media = css[css.index("@media print"):]
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".md-tabs"):
        assert selector in media
    assert 'a[href^="http"]::after' in media and 'attr(href)' in media


def test_chapter_keys_are_short_unique_and_ascii():
    taken = set()
    keys = [gesamtausgabe.chapter_key(src, taken) for src in
            ("index.md", "promotion/index.md", "a/recht.md", "b/recht.md", "b/recht/index.md")]
    assert keys == ["start", "promotion", "recht", "b-recht", "b-recht-x"]


def test_interactive_blocks_become_a_note_with_the_address():
    content = ('<p>vor</p><div class="smm-rechner" data-smm-rechner hidden><div><form>'
               '<div>x</div></form></div></div><p>nach</p>')
    result = gesamtausgabe.replace_interactive(content, "https://x.org/rechner/")
    assert result.startswith("<p>vor</p><p class=\"smm-interaktiv\">")
    assert result.endswith("zur Verfügung.</em></p><p>nach</p>")
    assert "https://x.org/rechner/" in result and "<form" not in result


def test_the_edition_has_no_interactive_calculator(edition):
    assert edition.select_one("[data-smm-rechner]") is None


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)  # ligatures such as „ﬂ“ → „fl“
    text = text.replace("\u00ad", "").replace("-\n", "-")
    return re.sub(r"\s+", " ", text)


@pytest.mark.browser
@pytest.mark.slow
def test_printed_pdf_contains_every_chapter(browser, site_url, chapters, tmp_path):
    page = browser.new_page()
    page.goto(site_url + URL, wait_until="load")
    page.emulate_media(media="print")
    # navigation and header are not printed
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    # link targets are readable on paper
    after = page.evaluate("""getComputedStyle(document.querySelector(
        'article a[href^="http"]'), '::after').content""")
    assert after.startswith('" ("') or "http" in after, after
    target = tmp_path / "gesamtausgabe.pdf"
    page.pdf(path=str(target), format="A4", print_background=False)
    page.close()
    text = _normal(pdf_text(target))
    assert text.count("Gesamtausgabe") >= 1
    missing = [title for _, title in chapters if _normal(title) not in text]
    assert not missing, f"Kapitel fehlen im PDF: {missing}"
