"""The offline package (`make offline`, issue 8): works in an LMS sub-folder and from disk.

One extra build per session (scripts/offline.py, as `make offline` runs it), unzipped once.
"""

import functools
import http.server
import importlib.util
import re
import sys
import threading
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import REPO, SLOW_MACHINE_MS, search

_spec = importlib.util.spec_from_file_location("offline_paket", REPO / "scripts" / "offline.py")
offline = importlib.util.module_from_spec(_spec)
sys.modules["offline_paket"] = offline
_spec.loader.exec_module(offline)

LMS_PATH = "lms/kurs/123/paket"
SMM = "promotion/kommunikationsinstrumente/social-media-marketing"


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("offline")
    offline.build(tmp / "site")
    return offline.package(tmp / "site", tmp / "smm-wissen-offline.zip")


@pytest.fixture(scope="session")
def unpacked(offline_zip, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("lms")
    target = root / LMS_PATH
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target


@pytest.fixture(scope="session")
def lms_url(unpacked):
    """The unzipped package served like an LMS does: from a deep sub-folder of its own."""
    root = unpacked.parents[LMS_PATH.count("/")]
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/{LMS_PATH}/"
    server.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_zip_has_the_site_at_its_top_level(offline_zip):
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
    assert "index.html" in names
    assert f"{SMM}/mundpropaganda.html" in names
    assert "search/search_index.js" in names  # the offline plugin's inlined index
    assert any(n.startswith("assets/generated/") and n.endswith(".svg") for n in names)
    assert names == sorted(names)
    assert "404.html" not in names  # absolute paths: of use only to a web server


def test_zip_is_reproducible(unpacked, tmp_path):
    first = offline.package(unpacked, tmp_path / "a.zip", epoch=1767225600)
    second = offline.package(unpacked, tmp_path / "b.zip", epoch=1767225600)
    assert first.read_bytes() == second.read_bytes()


_HREF = re.compile(r'\s(?:href|src)="([^"]*)"')


def test_every_internal_link_is_relative_and_ends_in_html_or_a_file(unpacked):
    problems = []
    for page in sorted(unpacked.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for target in _HREF.findall(text):
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            rel = page.relative_to(unpacked)
            if parts.path.startswith("/"):
                problems.append(f"{rel}: absoluter Pfad {target}")
            elif parts.path.endswith("/") or "." not in parts.path.rsplit("/", 1)[-1]:
                problems.append(f"{rel}: Verweis auf einen Ordner {target}")
            elif not (page.parent / parts.path).resolve().exists():
                problems.append(f"{rel}: Ziel fehlt {target}")
    assert not problems, "\n".join(problems[:30])


def test_nothing_is_loaded_from_another_host(unpacked):
    remote = re.compile(r"^\s*(?:https?:)?//", re.I)  # parsed: attributes may be unquoted
    for page in unpacked.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["script", "img", "iframe", "source", "audio", "video"]):
            for attr in ("src", "srcset"):
                if remote.match(tag.get(attr) or ""):
                    pytest.fail(f"{page.relative_to(unpacked)}: {tag}")
        for tag in soup.find_all("link", href=True):
            if remote.match(tag["href"]) and set(tag.get("rel") or ()) & {
                    "stylesheet", "preload", "modulepreload", "icon", "manifest"}:
                pytest.fail(f"{page.relative_to(unpacked)}: {tag}")


def test_citations_and_canonical_links_name_the_online_page(unpacked):
    text = (unpacked / SMM / "mundpropaganda.html").read_text(encoding="utf-8")
    canonical = BeautifulSoup(text, "html.parser").find("link", rel="canonical")["href"]
    assert re.fullmatch(rf"https?://\S+/{SMM}/mundpropaganda/", canonical)
    assert f"/{SMM}/mundpropaganda/ (abgerufen am" in text


def _styled(page) -> bool:
    """Material's stylesheet is applied (the header is fixed-height and coloured)."""
    return page.evaluate("""() => {
        const header = document.querySelector('.md-header');
        const style = header && getComputedStyle(header);
        return !!style && style.position === 'sticky' && style.backgroundColor !== 'rgba(0, 0, 0, 0)';
    }""")


def _figures_loaded(page) -> int:
    page.wait_for_load_state("load")
    return page.evaluate("""() => {
        const imgs = [...document.querySelectorAll('img[src*="assets/generated/"]')];
        if (!imgs.length) return -1;
        imgs.forEach(i => i.loading = 'eager');
        return imgs.filter(i => i.complete && i.naturalWidth > 0).length === imgs.length ? imgs.length : 0;
    }""")


@pytest.mark.browser
@pytest.mark.slow
def test_lms_sub_folder_navigation_and_german_search(browser, lms_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(lms_url + "index.html")
    assert _styled(page)
    # navigation: the tab „Promotion“, then on to a sub-page
    page.locator(".md-tabs a", has_text="Promotion").first.click()
    page.wait_for_url(re.compile(r"/lms/kurs/123/paket/promotion/index\.html$"))
    page.goto(lms_url + f"{SMM}/index.html")
    page.locator("article a[href$='mundpropaganda.html']").first.click()
    page.wait_for_url(re.compile(rf"/{LMS_PATH}/{SMM}/mundpropaganda\.html"))
    page.wait_for_function("""() => [...document.querySelectorAll('img[src*="assets/generated/"]')]
        .every(i => { i.loading = 'eager'; return i.complete && i.naturalWidth > 0; })""")
    assert _figures_loaded(page) > 0
    # German search: an umlaut query, stemmed (Förderung → Verkaufsförderung page)
    search(page, "Verkaufsförderung", result=".md-search-result__item a")
    result = page.locator(".md-search-result__item a").first
    href = result.get_attribute("href")
    assert "verkaufsfoerderung.html" in href, href
    result.click()
    page.wait_for_url(re.compile(rf"/{LMS_PATH}/promotion/kommunikationsinstrumente/verkaufsfoerderung\.html"))
    assert page.locator("article h1").inner_text().startswith("Verkaufsförderung")
    # the interactive calculator (an ES module) runs from the sub-folder too
    page.goto(lms_url + f"{SMM}/reichweitenrechner.html")
    page.wait_for_selector("[data-smm-rechner] [data-stufe]", timeout=SLOW_MACHINE_MS)
    assert not errors, errors
    page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_from_disk_with_styles_and_figures(browser, unpacked):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((unpacked / "index.html").as_uri())
    assert _styled(page)
    page.locator(".md-tabs a", has_text="Promotion").first.click()
    page.wait_for_url(re.compile(r"/promotion/index\.html$"))
    assert _styled(page)
    page.goto((unpacked / SMM / "mundpropaganda.html").as_uri())
    page.locator("article a[href$='reichweitenrechner.html']").first.click()
    page.wait_for_url(re.compile(r"/reichweitenrechner\.html"))
    assert _styled(page)
    page.goto((unpacked / SMM / "mundpropaganda.html").as_uri())
    page.wait_for_function("""() => [...document.querySelectorAll('img[src*="assets/generated/"]')]
        .every(i => { i.loading = 'eager'; return i.complete && i.naturalWidth > 0; })""")
    assert _figures_loaded(page) > 0
    page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_from_disk_the_content_security_policy_lets_the_sites_scripts_run(browser, unpacked):
    """The policy (hooks/csp.py) allows the package's own files from file:// too: Material's
    inline scripts and bundle run (palette toggle), and nothing violates the policy."""
    context = browser.new_context()
    context.add_init_script("""window.__csp = [];
        document.addEventListener('securitypolicyviolation',
            e => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI));""")
    page = context.new_page()
    try:
        for rel in ("index.html", f"{SMM}/reichweitenrechner.html",
                    f"{SMM}/reichweite-selbst-rechnen.html", "gesamtausgabe.html"):
            page.goto((unpacked / rel).as_uri(), wait_until="load")
            assert 'http-equiv="Content-Security-Policy"' in (unpacked / rel).read_text("utf-8")
            page.wait_for_function("() => typeof window.__md_get === 'function' "
                                   "&& typeof window.document$ === 'object'",
                                   timeout=SLOW_MACHINE_MS)
            assert page.evaluate("window.__csp") == [], rel
        schemes = set()
        for _ in range(page.locator("form[data-md-component=palette] label").count()):
            page.locator("form[data-md-component=palette] label:visible").first.click()
            schemes.add(page.evaluate("document.body.dataset.mdColorScheme"))
        assert {"default", "slate"} <= schemes, schemes
        assert page.evaluate("window.__csp") == []
    finally:
        context.close()
