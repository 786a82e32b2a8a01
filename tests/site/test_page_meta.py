"""„Zuletzt aktualisiert“, „Zitiervorschlag“ and „Seite bearbeiten“ on every page (issue 8)."""

import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import REPO, SLOW_MACHINE_MS, heading_text
from hookmodules import load

page_meta = load("page_meta")
LEGAL = {"/datenschutz/", "/impressum/", "/barrierefreiheit/"}
SITE_NAME = "Social Media Marketing – Wissensbasis"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def git_epoch(src: str) -> int | None:
    out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", f"docs/{src}"], cwd=REPO,
                         capture_output=True, text=True).stdout.strip()
    return int(out) if out else None


def source_of(url: str) -> str:
    if url == "/":
        return "index.md"
    base = url.strip("/")
    for candidate in (f"{base}.md", f"{base}/index.md", f"{base}.ipynb"):
        if (REPO / "docs" / candidate).exists():
            return candidate
    return ""


# --- the hook's pieces ------------------------------------------------------------------------

@pytest.mark.parametrize(("epoch", "text"), [
    (1795824000, "28. November 2026"),  # 2026-11-28 00:00 UTC
    (1767225599, "1. Januar 2026"),  # 2025-12-31 23:59:59 UTC is already 1 January in Berlin
    (1720000000, "3. Juli 2024"),
    (1709251200, "1. März 2024"),
])
def test_german_date(epoch, text):
    assert page_meta.german_date(epoch) == text


def test_citation_names_site_title_url_date_and_a_retrieval_placeholder():
    stand = page_meta.Stand(1795737600)
    text = page_meta.citation(SITE_NAME, "Mundpropaganda", "https://x.org/m/", stand)
    assert text == (f"{SITE_NAME} (2026): Mundpropaganda. Stand: 27. November 2026. "
                    "https://x.org/m/ (abgerufen am TT. MM. JJJJ).")
    # the home page's title is the site's name: not twice
    assert page_meta.citation(SITE_NAME, SITE_NAME, "https://x.org/", None) == \
        f"{SITE_NAME} (o. J.): https://x.org/ (abgerufen am TT. MM. JJJJ)."


@pytest.mark.parametrize(("src", "url"), [
    ("index.md", "https://x.org/smm/"),
    ("glossar.md", "https://x.org/smm/glossar/"),
    ("promotion/index.md", "https://x.org/smm/promotion/"),
    ("a/b/notebook.ipynb", "https://x.org/smm/a/b/notebook/"),
])
def test_online_url_is_the_directory_url_also_for_the_offline_build(src, url):
    assert page_meta.online_url("https://x.org/smm", src) == url
    assert page_meta.online_url("https://x.org/smm/", src) == url


def _git(repo: Path, *args, date: int | None = None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"@{date} +0000"
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def history(tmp_path):
    """A repository: docs/alt.md from T1, docs/neu.md from T2 (a later commit)."""
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    (repo / "docs" / "alt.md").write_text("# Alt\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "eins", date=1700000000)
    (repo / "docs" / "neu.md").write_text("# Neu\n")
    (repo / "anderes.txt").write_text("x\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "zwei", date=1750000000)
    return repo


def test_each_file_gets_the_date_of_its_own_last_commit(history):
    dates, last = page_meta.git_dates(history / "docs")
    assert dates == {"alt.md": 1700000000, "neu.md": 1750000000}
    assert last == 1750000000


def test_shallow_clone_falls_back_to_the_commit_it_has(history, tmp_path):
    clone = tmp_path / "flach"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{history}", str(clone)],
                   check=True, capture_output=True)
    dates, last = page_meta.git_dates(clone / "docs")
    # the one commit a depth-1 clone has shows every file as added: its date, never "now"
    assert dates == {"alt.md": 1750000000, "neu.md": 1750000000}
    assert last == 1750000000


def test_without_git_the_date_comes_from_source_date_epoch(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    dates, last = page_meta.git_dates(tmp_path / "docs")
    assert dates == {} and last is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert page_meta.fallback_epoch(None) == 1767225600
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert page_meta.fallback_epoch(None) is None  # no date at all rather than the build time
    assert page_meta.fallback_epoch(1750000000) == 1750000000


# --- the built site ---------------------------------------------------------------------------

def content_pages(html_pages):
    return {url: path for url, path in html_pages.items() if url not in LEGAL}


def test_every_page_shows_its_last_git_change_in_german(html_pages):
    problems = []
    for url, path in html_pages.items():
        facts = soup(path).select_one("article .smm-seiteninfo__fakten")
        if facts is None or "Zuletzt aktualisiert:" not in facts.get_text():
            problems.append(f"{url}: „Zuletzt aktualisiert“ fehlt")
            continue
        time = facts.find("time")
        src = source_of(url)
        epoch = git_epoch(src) if src else None
        if epoch is not None:  # committed pages: exactly their last commit's day
            assert time.get_text() == page_meta.german_date(epoch), url
            assert time["datetime"] == page_meta.Stand(epoch).iso, url
    assert not problems, "\n".join(problems)


def test_every_content_page_offers_a_citation(html_pages):
    for url, path in content_pages(html_pages).items():
        page = soup(path)
        box = page.select_one("article .smm-zitat")
        assert box is not None, f"{url}: Zitiervorschlag fehlt"
        assert box.select_one(".smm-zitat__titel").get_text(strip=True) == "Zitiervorschlag"
        text = box.select_one("pre code").get_text()
        canonical = page.find("link", rel="canonical")["href"]
        assert canonical.endswith(url), (url, canonical)
        title = heading_text(page.select_one("article h1"))
        assert text.startswith(SITE_NAME + " ("), text
        assert canonical in text and "(abgerufen am TT. MM. JJJJ)" in text, text
        if title != SITE_NAME and url != "/gesamtausgabe/":
            assert f": {title}. " in text, (title, text)
        assert "Stand: " in text
        assert "copy" in box["class"], "Materials Kopierknopf braucht die Klasse „copy“"


def test_legal_pages_have_a_date_but_no_citation(html_pages):
    for url in LEGAL:
        page = soup(html_pages[url])
        assert page.select_one("article .smm-zitat") is None, url
        assert "Zuletzt aktualisiert" in page.select_one("article .smm-seiteninfo").get_text()


def test_edit_link_is_german_and_visible(html_pages):
    for url, path in html_pages.items():
        page = soup(path)
        if url == "/gesamtausgabe/":  # generated: nothing to edit
            assert page.select_one("a[rel=edit]") is None
            continue
        visible = page.select_one("article .smm-seiteninfo__bearbeiten")
        assert visible is not None and visible.get_text(strip=True) == "Seite bearbeiten", url
        assert visible["href"].endswith("/docs/" + source_of(url)), (url, visible["href"])
        button = page.select_one("a.md-content__button[rel=edit]")
        assert button is not None and button["title"] == "Seite bearbeiten", url


@pytest.mark.browser
def test_citation_is_copied_with_one_click(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    url = "/promotion/kommunikationsinstrumente/social-media-marketing/mundpropaganda/"
    page.goto(site_url + url)
    button = page.locator(".smm-zitat button[data-md-type=copy]")
    button.wait_for()
    assert button.get_attribute("title") == "In Zwischenablage kopieren"
    button.click()
    # The copy is asynchronous: wait for Material's confirmation, as a reader does, then read.
    page.locator(".md-dialog--active", has_text="In Zwischenablage kopiert").wait_for(
        timeout=SLOW_MACHINE_MS)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(SITE_NAME) and url in copied and "abgerufen am" in copied, copied
    context.close()
