"""The topic tree promised to lecturers, and what every content page must offer."""

import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import heading_text, load_script

REPO = Path(__file__).resolve().parents[2]
rules = load_script("content_rules")
KI = "/promotion/kommunikationsinstrumente"
SMM = f"{KI}/social-media-marketing"
INSTRUMENTS = ["mediawerbung", "verkaufsfoerderung", "public-relations", "direktmarketing",
               "persoenlicher-verkauf", "sponsoring", "messen-und-ausstellungen", "event-marketing",
               "online-marketing"]
SMM_PAGES = ["web-2-0", "plattformen", "informationsfluss", "motivation", "mundpropaganda",
             "reichweitenrechner", "kennzahlen", "chancen-und-risiken", "recht"]
# The topic tree promised to lecturers: these pages exist and are in the navigation.
PROMISED = (["/", "/promotion/", f"{KI}/", f"{SMM}/"] + [f"{KI}/{p}/" for p in INSTRUMENTS]
            + [f"{SMM}/{p}/" for p in SMM_PAGES] + ["/glossar/", "/quellen/", "/fuer-lehrende/"])
# Every content page in nav (exemptions: scripts/content_rules.py EXEMPT) – a new page is
# checked as soon as it is in mkdocs.yml, here in the built HTML as in the Markdown rules.
CONTENT_PAGES = [rules.url_of(f) for f in rules.content_files()]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def nav_links(html_pages) -> set[str]:
    """Every page linked from the primary navigation of some page (navigation.prune shows only
    the current branch on each page, so no single page lists them all)."""
    links = set()
    for url, path in html_pages.items():
        for a in soup(path).select("nav.md-nav--primary a.md-nav__link[href]"):
            target = posixpath.normpath(posixpath.join(url, a["href"].split("#")[0]))
            links.add(target.rstrip("/") + "/" if target != "/" else "/")
    return links


@pytest.fixture(scope="module")
def navigation(html_pages):
    return nav_links(html_pages)


@pytest.mark.parametrize("url", PROMISED)
def test_promised_path_builds_and_is_in_navigation(url, html_pages, navigation):
    assert url in html_pages, f"{url} wurde nicht gebaut"
    assert url in navigation, f"{url} fehlt in der Navigation"


@pytest.mark.parametrize("url", CONTENT_PAGES)
def test_content_page_has_learning_aids_and_sources(url, html_pages):
    page = soup(html_pages[url])
    article = page.select_one("article")
    first = article.find(class_="admonition")
    assert first is not None and "abstract" in first["class"], f"{url}: Lernziele fehlen"
    assert first.select_one(".admonition-title").get_text(strip=True) == "Lernziele"
    h2 = [heading_text(h) for h in article.find_all("h2")]
    assert h2 and h2[-1] == "Kontrollfragen", f"{url}: letzter Abschnitt ist nicht „Kontrollfragen“"
    questions = article.select("details.question")
    assert len(questions) >= 3, f"{url}: weniger als drei Kontrollfragen"
    for q in questions:
        assert len(q.get_text(" ", strip=True)) > len(q.summary.get_text(strip=True)) + 20, \
            f"{url}: Kontrollfrage ohne Musterantwort"
    assert article.select(".footnote li"), f"{url}: keine Quellen (Fußnoten)"
    words = len(re.findall(r"\w+", article.get_text(" ")))
    assert words >= 400, f"{url}: nur {words} Wörter"


def test_every_footnote_points_to_its_bibliography_entry(html_pages):
    bibliography = soup(html_pages["/quellen/"])
    entries = {tag["id"] for tag in bibliography.select("article [id^=q-]")}
    problems = []
    for url, path in html_pages.items():
        if url == "/gesamtausgabe/":  # copies of the pages, linking the Quellen chapter in-page
            continue
        for note in soup(path).select(".footnote li"):
            targets = [a["href"].split("#")[-1] for a in note.find_all("a", href=True)
                       if "quellen/#q-" in a["href"]]
            if not targets:
                problems.append(f"{url}: Fußnote ohne Verweis ins Quellenverzeichnis: "
                                f"{note.get_text(' ', strip=True)[:80]}")
            problems += [f"{url}: #{t} fehlt auf /quellen/" for t in targets if t not in entries]
    assert not problems, "\n".join(problems)


def test_nav_in_mkdocs_yml_uses_only_ascii_paths():
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = config[config.index("\nnav:"):]
    for path in re.findall(r"[\w/.-]+\.(?:md|ipynb)", text):
        assert path.isascii(), path


def test_the_starting_text_is_shown_once_with_a_check_for_each_claim(html_pages):
    """Pages speak of the „Ausgangsthese“; the SMM overview shows it: each of the seed text's
    seven claims with the place where the site checks it (a link that the link gate resolves)."""
    page = soup(html_pages[f"{SMM}/"])
    heading = page.select_one("article h2#ausgangsthese")
    assert heading is not None, f"{SMM}/: Abschnitt #ausgangsthese fehlt"
    box = heading.find_next("div", class_="admonition")
    rows = box.select("tbody tr")
    assert len(rows) == 7, f"{len(rows)} statt 7 Aussagen des Ausgangstextes"
    for row in rows:
        assert row.select("a[href]"), f"Aussage ohne Verweis auf ihre Prüfung: {row.get_text(' ', strip=True)[:80]}"
