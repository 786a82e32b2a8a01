"""Shared fixtures: the built site (once per session) and the browser."""

import shutil
from pathlib import Path

import pytest
from helpers import CHROMIUM_ARGS, REPO, build_site, require

# Fixtures that need the built site or a browser: tests using them form the slow tier
# (`make test` runs everything; `make test-fast` leaves them out). Tests that build or serve a
# site themselves carry `@pytest.mark.slow` explicitly.
SLOW_FIXTURES = {"site_dir", "html_pages", "site_url", "browser", "all_pages", "static_site",
                 "site_tour", "vnu_jar", "lighthouse_bin", "markdownlint_bin", "offline_zip"}
BROWSER_FIXTURES = {"browser", "site_tour", "lighthouse_bin"}


def pytest_collection_modifyitems(items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & SLOW_FIXTURES:
            item.add_marker(pytest.mark.slow)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The project's site, built strictly once per test session."""
    out = tmp_path_factory.mktemp("site")
    build_site(REPO / "mkdocs.yml", out)
    return out


@pytest.fixture(scope="session")
def html_pages(site_dir) -> dict[str, Path]:
    """Built pages by URL path ('/', '/promotion/', …); assets and 404 excluded."""
    pages = {}
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        if rel.startswith("assets"):
            continue
        pages["/" if rel == "." else f"/{rel}/"] = path
    return pages


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright cannot download browsers here)."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    require("Chromium", Path(path).exists(),
            "`make test` installt Debian-Chromium als root (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def site_url(site_dir):
    """The built site served over HTTP on a free loopback port."""
    import functools
    import http.server
    import threading

    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
