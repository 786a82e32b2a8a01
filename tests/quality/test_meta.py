"""Every page describes itself to search engines: a title and a non-empty meta description.

Content pages set `description:` in their front matter; Material falls back to `site_description`
from mkdocs.yml for pages without one (the 404 page, notebooks). Pages that use the fallback are
printed, so authors can give them their own.
"""

import pytest
from bs4 import BeautifulSoup


def _head(path) -> BeautifulSoup:
    """The page's <head>, parsed (minified pages have unquoted attributes)."""
    text = path.read_text(encoding="utf-8").split("</head>", 1)[0] + "</head>"
    return BeautifulSoup(text, "html.parser")


def descriptions(all_pages) -> dict[str, str | None]:
    found = {}
    for url, path in all_pages.items():
        head = _head(path)
        if head.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # a redirect stub of a moved page (mkdocs-redirects), not indexed
        meta = head.find("meta", attrs={"name": "description"})
        found[url] = meta.get("content", "").strip() if meta else None
    return found


def test_every_page_has_a_title_and_a_meta_description(all_pages):
    problems = []
    found = descriptions(all_pages)
    for url, description in found.items():
        if not description:
            problems.append(f"{url}: keine oder leere <meta name=\"description\"> – "
                            "`description:` in den Front Matter der Seite schreiben")
        title = _head(all_pages[url]).title
        if not title or not title.get_text(strip=True):
            problems.append(f"{url}: kein <title>")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
    fallback = [url for url, d in found.items() if list(found.values()).count(d) > 1]
    if fallback:
        print("\nSeiten mit der allgemeinen Beschreibung der Website (eigene wäre besser):\n  "
              + "\n  ".join(fallback))


def test_description_check_reads_the_meta_tag(tmp_path):
    good, bad = tmp_path / "gut.html", tmp_path / "leer.html"
    good.write_text('<head><meta name=description content="Ein Text"></head>', encoding="utf-8")
    bad.write_text('<head><meta name="description" content=" "></head>', encoding="utf-8")
    assert descriptions({"/gut/": good, "/leer/": bad}) == {"/gut/": "Ein Text", "/leer/": ""}
