"""The URL contract (issue 8): no published page path or heading anchor disappears.

tests/published-urls.txt is written by `make urls` (scripts/published_urls.py). A listed address
must still lead somewhere – the page itself, or a redirect (mkdocs-redirects) to a page that has
the anchor. Addresses the site offers but the list lacks make the test ask for `make urls`.
"""

import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest

from helpers import REPO, build_site

_spec = importlib.util.spec_from_file_location("published_urls", REPO / "scripts" / "published_urls.py")
published_urls = importlib.util.module_from_spec(_spec)
sys.modules["published_urls"] = published_urls
_spec.loader.exec_module(published_urls)


@pytest.fixture(scope="module")
def pages(site_dir):
    return published_urls.scan(site_dir)


def test_no_published_address_has_disappeared(pages):
    entries = published_urls.read_list()
    assert len(entries) > 100, "tests/published-urls.txt fehlt oder ist fast leer – `make urls`"
    problems = published_urls.check(pages, entries)
    if problems:
        pytest.fail(f"{len(problems)} versprochene Adressen führen nirgendwohin "
                    "(tests/published-urls.txt):\n" + "\n".join(problems), pytrace=False)


def test_every_address_of_the_site_is_in_the_list(pages):
    new = published_urls.unlisted(pages, published_urls.read_list())
    if new:
        pytest.fail(f"{len(new)} neue Seiten oder Anker stehen nicht in tests/published-urls.txt. "
                    "`make urls` ausführen und die geänderte Liste mit einchecken – damit "
                    "versprechen Sie, dass diese Adressen bleiben:\n"
                    + "\n".join(f"  + {e}" for e in new[:40]), pytrace=False)


def test_list_is_sorted_without_duplicates():
    entries = published_urls.read_list()
    assert entries == sorted(set(entries)), "tests/published-urls.txt: `make urls` schreibt sie sortiert"
    assert all(e.startswith("/") for e in entries)


def test_the_print_edition_is_promised_but_not_its_generated_anchors(pages):
    entries = published_urls.read_list()
    assert "/gesamtausgabe/" in entries
    assert not [e for e in entries if e.startswith("/gesamtausgabe/#")]


# --- the checks themselves, on tiny fake sites ---------------------------------------------------

def page(site: Path, path: str, body: str):
    target = site / path.strip("/") / "index.html" if path != "/" else site / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")


def stub(site: Path, path: str, url: str):
    page(site, path, f'<meta http-equiv="refresh" content="0; url={url}">')


def test_scan_lists_pages_and_heading_anchors_but_not_other_ids(tmp_path):
    page(tmp_path, "/", '<nav><h2 id="menue">x</h2></nav><article><h1 id="t">T</h1>'
                        '<h2 id="a">A</h2><p id="absatz">p</p><h3 id="b">B</h3></article>')
    page(tmp_path, "/alt/", "")
    stub(tmp_path, "/alt/", "../neu/")
    page(tmp_path, "/neu/", "<article><h2 id='c'>C</h2></article>")
    pages = published_urls.scan(tmp_path)
    assert published_urls.published(pages) == ["/", "/#a", "/#b", "/neu/", "/neu/#c"]


def test_a_vanished_page_needs_a_redirect(tmp_path):
    page(tmp_path, "/neu/", "<article><h2 id='abschnitt'>A</h2></article>")
    pages = published_urls.scan(tmp_path)
    problems = published_urls.check(pages, ["/alt/", "/neu/"])
    assert len(problems) == 1
    assert "/alt/ ist verschwunden" in problems[0] and "redirect_maps" in problems[0]
    assert "'alt.md'" in problems[0]
    stub(tmp_path, "/alt/", "../neu/")
    pages = published_urls.scan(tmp_path)
    assert published_urls.check(pages, ["/alt/", "/alt/#abschnitt", "/neu/"]) == []
    assert published_urls.check(pages, ["/alt/#weg"])[0].startswith(
        "/alt/#weg: der Anker #weg fehlt auf /neu/ (Ziel der Weiterleitung von /alt/)")


def test_a_vanished_anchor_must_be_kept(tmp_path):
    page(tmp_path, "/seite/", "<article><h2 id='neuer-titel'>Neuer Titel</h2></article>")
    pages = published_urls.scan(tmp_path)
    problems = published_urls.check(pages, ["/seite/#alter-titel"])
    assert len(problems) == 1 and "{ #alter-titel }" in problems[0], problems
    # the old id kept on the renamed heading (or anywhere on the page) keeps the promise
    page(tmp_path, "/seite/", "<article><h2 id='alter-titel'>Neuer Titel</h2></article>")
    assert published_urls.check(published_urls.scan(tmp_path), ["/seite/#alter-titel"]) == []


def test_redirect_into_nowhere_is_reported(tmp_path):
    stub(tmp_path, "/alt/", "../weg/")
    problems = published_urls.check(published_urls.scan(tmp_path), ["/alt/"])
    assert problems and "leitet ins Leere" in problems[0]


def test_make_urls_adds_but_never_removes(tmp_path):
    page(tmp_path, "/", "<article><h2 id='neu'>N</h2></article>")
    listing = tmp_path / "liste.txt"
    listing.write_text("# Kommentar\n/\n/#verschwunden\n", encoding="utf-8")
    code = published_urls.main(["--site", str(tmp_path), "--liste", str(listing)])
    assert code == 1  # the vanished anchor is reported …
    assert published_urls.read_list(listing) == ["/", "/#neu", "/#verschwunden"]  # … and kept
    code = published_urls.main(["--site", str(tmp_path), "--liste", str(listing), "--pruefen"])
    assert code == 1


@pytest.mark.slow
def test_mkdocs_redirects_stub_satisfies_the_contract(tmp_path):
    """A real build with mkdocs-redirects: the moved page's old path still resolves."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    (docs / "neu.md").write_text("# Neu\n\n## Abschnitt\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(textwrap.dedent(f"""\
        site_name: Test
        hooks: [{REPO / 'hooks' / 'weiterleitungen.py'}]
        plugins:
          - redirects:
              redirect_maps:
                alt.md: neu.md
        """), encoding="utf-8")
    build_site(config, tmp_path / "site")
    pages = published_urls.scan(tmp_path / "site")
    assert published_urls.check(pages, ["/alt/", "/alt/#abschnitt"]) == []
    stub_html = (tmp_path / "site" / "alt" / "index.html").read_text(encoding="utf-8")
    assert 'lang="de"' in stub_html and "umgezogen" in stub_html  # hooks/weiterleitungen.py
