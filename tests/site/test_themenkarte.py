"""Topic map and semester plans on the built site, against independent oracles: the nav of
mkdocs.yml (scripts/content_rules.nav_files), the pages' front matter and their Markdown."""

import json
import posixpath
import re
import textwrap
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from helpers import REPO, load_script

rules = load_script("content_rules")
DOCS = REPO / "docs"
SECTION_PAGES = ["promotion/index.md", "promotion/kommunikationsinstrumente/index.md",
                 "promotion/kommunikationsinstrumente/social-media-marketing/index.md"]
PLAN_URL = "/semesterplan/"


def url_of(src: str) -> str:
    stem = posixpath.splitext(src)[0]
    stem = "" if stem == "index" else stem.removesuffix("/index")
    return f"/{stem}/" if stem else "/"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text(tag) -> str:
    """The text as shown: inline elements (glossary <abbr>, <span lang>) add no spaces."""
    return " ".join(tag.get_text("").split())


def map_links(page_url: str, page: BeautifulSoup) -> dict[str, object]:
    """Resolved URL → <a> of every link in the page's topic map(s)."""
    maps = page.select("article nav.smm-themenkarte")
    assert maps, f"{page_url}: keine Themenkarte"
    links = {}
    for a in (a for m in maps for a in m.select("a[href]")):
        target = posixpath.normpath(posixpath.join(page_url, a["href"]))
        links[target.rstrip("/") + "/" if target != "/" else "/"] = a
    return links


def front_matter(src: str) -> dict:
    source = (DOCS / src).read_text(encoding="utf-8")
    match = re.match(r"\A---\n(.*?)\n---\n", source, re.S)
    return yaml.safe_load(match[1]) if match else {}


def test_start_page_map_links_every_page_in_nav_with_its_description(html_pages):
    links = map_links("/", soup(html_pages["/"]))
    expected = {url_of(src): src for src in rules.nav_files()}
    assert set(links) == set(expected)
    for url, src in expected.items():
        assert url in html_pages, f"{url} aus der Themenkarte wurde nicht gebaut"
        if src.endswith(".md") and (DOCS / src).exists():
            description = " ".join(front_matter(src)["description"].split())
            shown = links[url].find_next_sibling(class_="smm-themenkarte__text")
            assert shown is not None and text(shown) == description, src


def test_map_marks_the_current_page_and_is_a_labelled_navigation(html_pages):
    page = soup(html_pages["/"])
    nav = page.select_one("article nav.smm-themenkarte")
    label = page.find(id=nav["aria-labelledby"])
    assert label is not None and "Themenkarte" in text(label)
    current = nav.select('a[aria-current="page"]')
    assert [a["href"] for a in current] == ["."]
    assert nav.has_attr("data-search-exclude")


@pytest.mark.parametrize("src", SECTION_PAGES)
def test_section_page_shows_its_branch(src, html_pages):
    url = url_of(src)
    links = map_links(url, soup(html_pages[url]))
    folder = posixpath.dirname(src) + "/"
    branch = {url_of(f) for f in rules.nav_files() if f.startswith(folder) and f != src}
    assert branch and set(links) == branch
    assert all(target in html_pages for target in links)


def test_section_maps_group_the_smm_pages_under_their_nav_sections(html_pages):
    url = url_of(SECTION_PAGES[2])
    nav = soup(html_pages[url]).select_one("article nav.smm-themenkarte")
    groups = [text(span) for span in nav.select("span.smm-themenkarte__titel")]
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    smm_block = config[config.index("          - Social Media Marketing:"):config.index("  - Glossar:")]
    assert groups == re.findall(r"^ {14}(?: {4})*- ([^:\n]+):\s*$", smm_block, re.M)  # nested too


def test_print_edition_leaves_the_map_out(html_pages):
    assert not soup(html_pages["/gesamtausgabe/"]).select(".smm-themenkarte")


def test_the_map_is_marked_for_search_to_leave_out(html_pages):
    """The map repeats every page's description; the search index (Pagefind, hooks/suche.py)
    leaves out what carries Material's data-search-exclude."""
    from hookmodules import load

    nav = soup(html_pages["/"]).select_one("article nav.smm-themenkarte")
    assert nav is not None and nav.has_attr("data-search-exclude")
    assert "[data-search-exclude]" in load("suche").EXCLUDE_SELECTORS


# --- semester plans ----------------------------------------------------------------------------

def objectives(src: str) -> tuple[str, list[str]]:
    """(intro, items) of a page's „Lernziele“, read from its source with markdown-it."""
    path = DOCS / src
    if src.endswith(".ipynb"):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        source = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        intro, items = source[source.index("**Lernziele:**"):].split("\n\n")[:2]
        block = intro.replace("**Lernziele:**", "", 1) + "\n\n" + items
    else:
        source = path.read_text(encoding="utf-8")
        start = source.index('!!! abstract "Lernziele"\n') + len('!!! abstract "Lernziele"\n')
        body = []
        for line in source[start:].split("\n"):
            if line.strip() and not line.startswith("    "):
                break
            body.append(line)
        block = textwrap.dedent("\n".join(body))
    tokens = MarkdownIt("commonmark").parse(block)
    items, intro, depth = [], [], 0
    for token in tokens:
        if token.type == "list_item_open":
            depth += 1
        elif token.type == "list_item_close":
            depth -= 1
        elif token.type == "inline":
            plain = " ".join(re.sub(r"<[^>]+>", "", MarkdownIt().renderInline(token.content)).split())
            plain = plain.replace("&amp;", "&")
            (items if depth else intro).append(plain)
    return " ".join(intro), items


@pytest.fixture(scope="module")
def plan_page(html_pages):
    return soup(html_pages[PLAN_URL])


@pytest.fixture(scope="module")
def plans():
    return yaml.safe_load((DOCS / "daten" / "semesterplan.yml").read_text(encoding="utf-8"))


def test_plans_have_the_promised_number_of_sessions(plans):
    assert 12 <= len(plans["semesterkurs"]) <= 14
    assert 3 <= len(plans["baustein"]) <= 4


def test_every_session_lists_its_pages_learning_objectives_cases_and_questions(plans, plan_page):
    for name, sessions in plans.items():
        for number, session in enumerate(sessions, 1):
            block = plan_page.find(id=session["anker"])
            assert block is not None, f"{name}: Anker {session['anker']} fehlt"
            assert text(block).startswith(f"Sitzung {number}: {session['titel']}")
            section = block.find_parent("section")
            hrefs = [posixpath.normpath(posixpath.join(PLAN_URL, a["href"]))
                     for a in section.select("a[href]") if not a["href"].startswith("#")]
            for src in session["seiten"]:
                url = url_of(src).rstrip("/")
                intro, items = objectives(src)
                lead = next(p for p in section.find_all("p")
                            if p.a and posixpath.normpath(posixpath.join(PLAN_URL, p.a["href"])) == url
                            and "–" in text(p))
                assert text(lead).endswith(intro), src
                shown = [text(li) for li in lead.find_next_sibling("ul").find_all("li")]
                assert shown == items, src
                source = (DOCS / src).read_text(encoding="utf-8")
                for heading, anchor in (("Fallaufgabe", "fallaufgabe"),
                                        ("Kontrollfragen", "kontrollfragen")):
                    has = re.search(rf"^## {heading}\s*$", source, re.M) is not None
                    assert (f"{url}/#{anchor}" in hrefs) == has, f"{src}: {heading}"
            assert "Vorbereitung:" in text(section)


def test_session_anchors_are_in_the_url_contract(plans):
    promised = (REPO / "tests" / "published-urls.txt").read_text(encoding="utf-8").split()
    for sessions in plans.values():
        for session in sessions:
            assert f"{PLAN_URL}#{session['anker']}" in promised


def test_print_edition_contains_the_plans_with_working_session_links(html_pages):
    edition = soup(html_pages["/gesamtausgabe/"])
    assert edition.find(id="semesterplan--sitzung-01") is not None
    assert edition.select("section.smm-kapitel section.smm-sitzung")


def test_print_styles_keep_sessions_together():
    css = (DOCS / "assets" / "css" / "lehrende.css").read_text(encoding="utf-8")
    print_part = css[css.index("@media print"):]
    assert re.search(r"\.smm-sitzung\s*\{[^}]*break-inside:\s*avoid", print_part)
