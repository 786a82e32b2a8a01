"""The site's search (Pagefind behind Material's search UI, hooks/suche.py) in the browser:
German stemming, sections of a page, keyboard use and highlighting on the target page."""

import re

import pytest
from helpers import SLOW_MACHINE_MS, search

pytestmark = [pytest.mark.slow, pytest.mark.browser]

MEINUNGSFUEHRER = "/promotion/kommunikationsinstrumente/social-media-marketing/meinungsfuehrer/"


def test_inflected_query_finds_the_page_and_highlights_it_there(browser, site_url):
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(site_url + "/")
        # „Meinungsführern“ is longer than „Meinungsführer“: no prefix match – only the German
        # stemmer (both → „meinungsfuhr“) brings the two together
        field = search(page, "Meinungsführern", result=".md-search-result__item a")
        first = page.locator(".md-search-result__item").first
        assert first.locator("h1").inner_text() == "Meinungsführer"
        assert first.locator("mark").count() > 0  # the excerpt marks the matched words
        # keyboard: arrow down selects the first result, Enter opens it (Material's UI)
        field.press("ArrowDown")
        field.press("Enter")
        page.wait_for_url(re.compile(re.escape(MEINUNGSFUEHRER) + r"\?h="),
                          timeout=SLOW_MACHINE_MS)
        page.wait_for_selector("article mark[data-md-highlight]", timeout=SLOW_MACHINE_MS)
        marked = page.locator("article mark[data-md-highlight]").all_inner_texts()
        assert any(m.lower().startswith("meinungsführer") for m in marked), marked
    finally:
        page.close()
    assert all(url.startswith(site_url) for url in requests), "Anfrage an einen anderen Host"
    assert any("/pagefind/" in url for url in requests)


def test_sections_of_a_page_are_listed_under_it(browser, site_url):
    page = browser.new_page()
    try:
        page.goto(site_url + "/")
        search(page, "Verkaufsförderung", result=".md-search-result__item a")
        item = page.locator(".md-search-result__item").first
        assert item.locator("h1").inner_text() == "Verkaufsförderung"
        sections = item.locator("details.md-search-result__more a")
        assert sections.count() >= 1
        assert "#" in sections.first.get_attribute("href")
    finally:
        page.close()
