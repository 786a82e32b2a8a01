"""Fixtures for the quality gates (issue 9): npm tools, the site served like a static host.

All gates share the one session build of the site (`site_dir` in tests/conftest.py).
"""

import os
import shutil
from pathlib import Path

import pytest
from quality.tools import LIGHTHOUSE, MARKDOWNLINT, VNU_JAR, last_commit_epoch

from helpers import require

NPM_HINT = "`make test` installiert die npm-Werkzeuge (npm ci, package-lock.json)."

# Builds in this session get the same dates as `make build` (sitemap, page dates), also when
# pytest is started directly instead of through `make test`.
os.environ.setdefault("SOURCE_DATE_EPOCH", last_commit_epoch())


@pytest.fixture(scope="session")
def all_pages(site_dir, html_pages) -> dict[str, Path]:
    """Every page a visitor can see: the content pages plus the 404 page."""
    pages = dict(html_pages)
    if (site_dir / "404.html").exists():
        pages["/404.html"] = site_dir / "404.html"
    return pages


@pytest.fixture(scope="session")
def static_site(site_dir):
    """The built site served like a static host does (gzip, cache headers): for measurements."""
    from quality.static_server import serve

    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    require("Java", shutil.which("java") is not None, "apt-get install default-jre-headless")
    require("Nu Html Checker (vnu.jar)", VNU_JAR.exists(), NPM_HINT)
    return VNU_JAR


@pytest.fixture(scope="session")
def lighthouse_bin() -> Path:
    require("Lighthouse", LIGHTHOUSE.exists(), NPM_HINT)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    require("Chromium", Path(chromium).exists(), "apt-get install chromium")
    return LIGHTHOUSE


@pytest.fixture(scope="session")
def markdownlint_bin() -> Path:
    require("markdownlint-cli2", MARKDOWNLINT.exists(), NPM_HINT)
    return MARKDOWNLINT


@pytest.fixture(scope="session")
def site_tour(browser, site_url, all_pages):
    """Every page visited once in a browser: axe findings (light, dark) and privacy problems."""
    from quality.tour import tour

    return tour(browser, site_url, list(all_pages))
