"""The built site: German, self-contained, with the promised paths."""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[2]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_is_german(html_pages):
    assert len(html_pages) >= 4
    for url, path in html_pages.items():
        assert soup(path).html.get("lang") == "de", url


def test_search_index_is_german_and_covers_the_content_pages(site_dir, html_pages):
    """Pagefind (hooks/suche.py) indexes the article of every page but the excluded ones."""
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["de"]
    indexed = [url for url, path in html_pages.items()
               if "data-pagefind-body" in path.read_text(encoding="utf-8")]
    assert "/promotion/kommunikationsinstrumente/social-media-marketing/" in indexed
    assert entry["languages"]["de"]["page_count"] == len(indexed)
    # Material's configuration stays (highlighting on the target page reads it), its documents go
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["de"] and index["docs"] == []


# Attributes that make a browser fetch something (canonical/alternate links are not fetched).
_FETCHING = {"script": "src", "img": "src", "iframe": "src", "source": "srcset", "video": "src",
             "audio": "src", "embed": "src", "object": "data", "input": "src"}
_NOT_FETCHED_RELS = {"canonical", "alternate", "author", "license", "next", "prev", "help", "me"}
_CSS_EXTERNAL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*(?:https?:)?//""", re.I)


def _is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def test_no_page_loads_anything_from_another_host(site_dir, html_pages):
    offenders = []
    for url, path in html_pages.items():
        page = soup(path)
        for tag in page.find_all(["link", *_FETCHING]):
            if tag.name == "link":
                rels = set(tag.get("rel") or [])
                if rels & _NOT_FETCHED_RELS:
                    continue
                target = tag.get("href")
            else:
                target = tag.get(_FETCHING[tag.name])
            if target and _is_external(target.split()[0]):
                offenders.append(f"{url}: <{tag.name}> lädt {target}")
        for style in page.find_all("style"):
            if _CSS_EXTERNAL.search(style.get_text()):
                offenders.append(f"{url}: <style> mit externer URL")
        for tag in page.find_all(style=True):
            if _CSS_EXTERNAL.search(tag["style"]):
                offenders.append(f"{url}: style-Attribut mit externer URL")
    for css in site_dir.rglob("*.css"):
        for match in _CSS_EXTERNAL.finditer(css.read_text(encoding="utf-8", errors="replace")):
            offenders.append(f"{css.relative_to(site_dir)}: {match.group(0)}")
    assert not offenders, "\n".join(offenders)


def test_no_google_fonts_anywhere(site_dir):
    for path in site_dir.rglob("*"):
        if path.suffix in {".html", ".css", ".js"}:
            assert "fonts.googleapis" not in path.read_text(encoding="utf-8", errors="replace"), path


def test_page_paths_are_ascii():
    for path in (REPO / "docs").rglob("*"):
        assert path.relative_to(REPO).as_posix().isascii(), path


def test_smm_page_has_breadcrumbs(html_pages):
    path = html_pages["/promotion/kommunikationsinstrumente/social-media-marketing/"]
    page = soup(path)
    assert page.h1.get_text(strip=True).startswith("Social Media Marketing")
    crumbs = [a.get_text(strip=True) for a in page.select("nav.md-path a")]
    i = crumbs.index("Promotion")
    assert crumbs[i:i + 2] == ["Promotion", "Kommunikationsinstrumente"], crumbs


def test_footer_names_both_licences(html_pages):
    footer = soup(html_pages["/"]).select_one(".md-copyright").get_text(" ", strip=True)
    assert "CC BY-SA 4.0" in footer and "MIT" in footer


def test_headings_get_german_ascii_anchors(html_pages):
    page = soup(html_pages["/promotion/kommunikationsinstrumente/social-media-marketing/"])
    ids = [h.get("id") for h in page.select("article h2")]
    assert "vom-web-20-zu-den-sozialen-medien" in ids
    assert "zweiseitiger-informationsfluss" in ids
    for h in page.select("article [id]"):
        assert h["id"].isascii(), h["id"]


def test_notebook_headings_follow_the_german_anchor_rule(html_pages):
    page = soup(html_pages[
        "/promotion/kommunikationsinstrumente/social-media-marketing/reichweite-selbst-rechnen/"])
    ids = {h.get("id") for h in page.select("article h2")}
    assert "aufgabe-3-saettigung-in-einer-zielgruppe" in ids
    toc = {a["href"] for a in page.select("nav.md-nav--secondary a[href^='#']")}
    assert "#aufgabe-4-weitererzaehlen-oder-abbrechen" in toc
