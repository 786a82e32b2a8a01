"""One glossary source feeds the tooltips on every page and the list on /glossar/."""

import re
from pathlib import Path

from bs4 import BeautifulSoup

SOURCE = Path(__file__).resolve().parents[2] / "docs" / "includes" / "glossar-abkuerzungen.md"


def terms() -> dict[str, str]:
    entries = re.findall(r"^\*\[([^\]]+)\]:\s*(.+?)\s*$", SOURCE.read_text(encoding="utf-8"), re.M)
    return dict(entries)


def test_glossary_source_has_no_duplicates():
    entries = re.findall(r"^\*\[([^\]]+)\]:", SOURCE.read_text(encoding="utf-8"), re.M)
    assert len(entries) == len(set(entries)), "doppelte Begriffe in glossar-abkuerzungen.md"


def test_glossary_page_lists_every_term_in_german_order(html_pages):
    page = BeautifulSoup(html_pages["/glossar/"].read_text(encoding="utf-8"), "html.parser")
    listed = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
              for dt in page.select("dl.glossar dt")}
    assert listed == terms()
    order = [dt.get_text(strip=True).lower() for dt in page.select("dl.glossar dt")]
    folded = [t.translate(str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})) for t in order]
    assert folded == sorted(folded)


def test_terms_render_as_tooltips_on_content_pages(html_pages):
    glossary = terms()
    seen = set()
    for url, path in html_pages.items():
        if url == "/glossar/":
            continue
        for abbr in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(
                "article abbr[title]"):
            term = abbr.get_text()
            assert glossary.get(term) == abbr["title"], (url, term)
            seen.add(term)
    # most terms are explained somewhere in the running text
    assert len(seen) >= 0.5 * len(glossary), sorted(set(glossary) - seen)
