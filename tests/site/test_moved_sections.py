"""Sections that moved to another page keep their published anchor (tests/published-urls.txt).

A static host cannot redirect a fragment, and lecturers link deep: when a section moves, its old
page keeps a short section under the old anchor that says where the content is now and links
there. Here every published anchor of such a page is followed – the old anchor exists on the old
page, and its short section links to a page and heading that exist in the built site.
"""

import posixpath
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from helpers import REPO

SMM = "/promotion/kommunikationsinstrumente/social-media-marketing/"
CALCULATOR = SMM + "reichweitenrechner/"
MODELS = SMM + "reichweitenmodelle/"
# Old page → (published anchors whose own content stays there, the page the others moved to)
MOVED_FROM = {CALCULATOR: ({"interaktiver-rechner", "die-modelle-hinter-dem-rechner",
                            "kontrollfragen"}, MODELS)}
# "one or two sentences and a link": a pointer, not a second copy of the content
MAX_WORDS = 80


def published_anchors(page: str) -> list[str]:
    lines = (REPO / "tests" / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    return [line.split("#", 1)[1] for line in lines if line.startswith(page + "#")]


MOVED = [(page, anchor) for page, (kept, _) in MOVED_FROM.items()
         for anchor in published_anchors(page) if anchor not in kept]


def soup(html_pages, url: str) -> BeautifulSoup:
    assert url in html_pages, f"{url} wurde nicht gebaut"
    return BeautifulSoup(html_pages[url].read_text(encoding="utf-8"), "html.parser")


def section(heading) -> list:
    """The elements after a heading up to the next heading of the same or a higher level."""
    level = int(heading.name[1])
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in {f"h{n}" for n in range(1, level + 1)}:
            break
        parts.append(sibling)
    return parts


def test_the_list_names_the_moved_anchors():
    # the contract this test follows: if the list lost them, the test would check nothing
    assert len(MOVED) >= 9, MOVED
    assert (CALCULATOR, "verzweigungsprozess") in MOVED


@pytest.mark.parametrize(("page", "anchor"), MOVED, ids=[a for _, a in MOVED])
def test_old_anchor_is_a_short_section_linking_to_the_new_place(html_pages, page, anchor):
    old = soup(html_pages, page).select_one("article")
    heading = old.find(id=anchor)
    assert heading is not None, f"{page}#{anchor} fehlt – der alte Anker muss bleiben"
    assert heading.name in {"h2", "h3", "h4"}, f"{page}#{anchor} ist keine Überschrift"
    body = section(heading)
    words = sum(len(part.get_text(" ", strip=True).split()) for part in body)
    assert 0 < words <= MAX_WORDS, f"{page}#{anchor}: {words} Wörter – ein kurzer Verweis erwartet"
    new_page = MOVED_FROM[page][1]
    targets = []
    for link in (a for part in body for a in part.select("a[href]")):
        if "footnote-ref" in (link.get("class") or []):
            continue
        parts = urlsplit(link["href"])
        if parts.scheme or not parts.fragment:
            continue
        url = posixpath.normpath(posixpath.join(page, parts.path)) + "/" if parts.path else page
        targets.append((url, parts.fragment))
    assert targets, f"{page}#{anchor}: der Abschnitt verlinkt keine Seite mit Anker"
    assert any(url == new_page for url, _ in targets), \
        f"{page}#{anchor}: kein Verweis auf die neue Seite {new_page} ({targets})"
    for url, fragment in targets:
        target = soup(html_pages, url).select_one("article").find(id=fragment)
        assert target is not None, f"{page}#{anchor} verweist auf {url}#{fragment}, den es nicht gibt"
        assert target.name in {"h2", "h3", "h4"}, f"{url}#{fragment} ist keine Überschrift"
