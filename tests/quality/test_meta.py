"""Every page describes itself to search engines: a title and a non-empty meta description.

Content pages set `description:` in their front matter; Material falls back to `site_description`
from mkdocs.yml for pages without one (the 404 page, notebooks). Pages that use the fallback are
printed, so authors can give them their own.
"""

import re

import pytest

_META = re.compile(r'<meta\s+name="description"\s+content="([^"]*)"', re.I)
_TITLE = re.compile(r"<title>([^<]*)</title>", re.I)


def descriptions(all_pages) -> dict[str, str | None]:
    found = {}
    for url, path in all_pages.items():
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        if 'http-equiv="refresh"' in head:
            continue  # a redirect stub of a moved page (mkdocs-redirects), not indexed
        match = _META.search(head)
        found[url] = match[1].strip() if match else None
    return found


def test_every_page_has_a_title_and_a_meta_description(all_pages):
    problems = []
    found = descriptions(all_pages)
    for url, description in found.items():
        if not description:
            problems.append(f"{url}: keine oder leere <meta name=\"description\"> – "
                            "`description:` in den Front Matter der Seite schreiben")
        head = all_pages[url].read_text(encoding="utf-8").split("</head>", 1)[0]
        title = _TITLE.search(head)
        if not title or not title[1].strip():
            problems.append(f"{url}: kein <title>")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
    fallback = [url for url, d in found.items() if list(found.values()).count(d) > 1]
    if fallback:
        print("\nSeiten mit der allgemeinen Beschreibung der Website (eigene wäre besser):\n  "
              + "\n  ".join(fallback))


def test_description_check_reads_the_meta_tag(tmp_path):
    good, bad = tmp_path / "gut.html", tmp_path / "leer.html"
    good.write_text('<head><meta name="description" content="Ein Text"></head>', encoding="utf-8")
    bad.write_text('<head><meta name="description" content=" "></head>', encoding="utf-8")
    assert descriptions({"/gut/": good, "/leer/": bad}) == {"/gut/": "Ein Text", "/leer/": ""}
