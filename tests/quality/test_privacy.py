"""Privacy in a real browser: visiting the site asks no other host for anything.

Every page is loaded (fixture `site_tour`, shared with the accessibility gate); then the search is
used, the palette toggled (and remembered) and every form on the calculator page filled in and
sent. Any request that leaves the site's origin is blocked and reported with the page that caused
it; so is every console error and uncaught script error. (Supersedes tests/site/test_browser.py.)
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from helpers import click_palette, search
from quality.tour import NO_TRANSITIONS, Watch

CALCULATOR = "/promotion/kommunikationsinstrumente/social-media-marketing/reichweitenrechner/"


def use_search(page, query="Kommunikation"):
    search(page, query).press("Escape")


def toggle_palette(page) -> list[str]:
    """Click through every palette option; returns the schemes the page showed."""
    schemes = []
    for _ in range(page.locator("form[data-md-component=palette] label").count()):
        schemes.append(click_palette(page))
    return schemes


def use_forms(page) -> int:
    """Fill every field of every form with a plausible value and submit; returns the form count."""
    forms = page.locator("main form, article form")
    for i in range(forms.count()):
        form = forms.nth(i)
        for button in form.locator("button[type=button]:visible").all():
            button.click()  # presets and the like
        for field in form.locator("input:visible, select:visible, textarea:visible").all():
            tag = field.evaluate("e => e.tagName").lower()
            kind = (field.get_attribute("type") or "text").lower() if tag == "input" else tag
            if kind in ("number", "range"):
                value = field.input_value() or field.get_attribute("min") or "10"
                if kind == "number":
                    field.fill(value)
                field.dispatch_event("input")
                field.dispatch_event("change")
            elif kind in ("checkbox", "radio"):
                field.check()
            elif kind == "select":
                options = field.locator("option")
                if options.count() > 1:
                    field.select_option(index=1)
            elif kind in ("text", "textarea", "search"):
                field.fill(field.input_value() or "10")
        submit = form.locator("button[type=submit], input[type=submit], button:not([type])")
        if submit.count():
            submit.first.click()
        else:
            form.evaluate("f => f.requestSubmit()")
        page.wait_for_load_state("networkidle")
    return forms.count()


@pytest.mark.browser
def test_visiting_the_site_contacts_no_other_host_and_logs_no_error(site_tour, browser, site_url,
                                                                     all_pages):
    context = browser.new_context()
    context.add_init_script(NO_TRANSITIONS)
    watch = Watch(context, site_url)
    page = watch.page(context.new_page())
    try:
        watch.where = "/ (Suche)"
        page.goto(site_url + "/", wait_until="networkidle")
        use_search(page)

        watch.where = "/ (Farbschema)"
        schemes = toggle_palette(page)
        assert {"default", "slate"} <= set(schemes), f"Umschalter zeigt nur {schemes}"
        page.reload(wait_until="networkidle")  # the choice is kept (localStorage) …
        assert page.evaluate("document.body.dataset.mdColorScheme") == schemes[-1]
        page.goto(site_url + "/glossar/", wait_until="networkidle")  # … also on other pages
        assert page.evaluate("document.body.dataset.mdColorScheme") == schemes[-1]

        if CALCULATOR in all_pages:
            watch.where = f"{CALCULATOR} (Formular)"
            page.goto(site_url + CALCULATOR, wait_until="networkidle")
            print(f"\n{CALCULATOR}: {use_forms(page)} Formular(e) ausgefüllt und abgeschickt")
            assert urlsplit(page.url).path == CALCULATOR, f"Formular führt weg nach {page.url}"
    finally:
        context.close()
    problems = site_tour.privacy + watch.problems()
    if problems:
        pytest.fail(f"{len(problems)} Probleme beim Besuch der Seite (fremde Anfragen verraten "
                    "Besucherdaten an Dritte – Datei selbst ausliefern; Konsolenfehler "
                    "beheben):\n"
                    + "\n".join(problems), pytrace=False)


@pytest.mark.browser
def test_watch_catches_foreign_requests_and_console_errors(browser, site_url):
    # without the pages' Content Security Policy, which would stop the request before it is made
    context = browser.new_context(bypass_csp=True)
    watch = Watch(context, site_url)
    page = watch.page(context.new_page())
    try:
        watch.where = "Testseite"
        page.goto(site_url + "/", wait_until="load")
        page.evaluate("""() => {
            const img = document.createElement('img');
            img.src = 'https://tracker.invalid/pixel.gif';
            document.body.append(img);
            console.error('kaputt');
        }""")
        # wait for the condition (the blocked request and the error reported), not a fixed time
        deadline = time.monotonic() + 90
        while not (watch.foreign and watch.errors) and time.monotonic() < deadline:
            page.wait_for_timeout(50)
    finally:
        context.close()
    assert any("tracker.invalid" in f for f in watch.foreign), watch.foreign
    assert any("kaputt" in e for e in watch.errors), watch.errors
