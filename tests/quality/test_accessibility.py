"""Accessibility: axe-core finds nothing on any page, in the light and in the dark palette.

The pages are visited once (fixture `site_tour`, see tour.py): the first palette entry follows the
system setting, so switching the emulated system between light and dark shows each page exactly
as a visitor with a light or dark system sees it. No axe rule is switched off.
"""

import pytest
from quality.axe_check import check, report

BAD_PAGE = """<!doctype html><html lang="de"><head><title>Test</title></head><body>
<main><h1>Test</h1><img src="x.png"><p style="color:#aaa;background:#fff">blass</p>
<div role="dialog"></div></main></body></html>"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_any_page(site_tour, all_pages, scheme):
    assert site_tour.pages == len(all_pages)
    findings = site_tour.axe[scheme]
    if findings:
        palette = "dunklen" if scheme == "dark" else "hellen"
        pytest.fail(
            f"axe meldet {len(findings)} Verstöße im {palette} Farbschema. Theme-Probleme (auf "
            "allen Seiten) in overrides/ oder docs/assets/css/extra.css beheben, "
            "Inhaltsprobleme in der genannten Seite:\n"
            + report(findings), pytrace=False)


@pytest.mark.browser
def test_axe_check_finds_violations_on_a_bad_page(browser):
    page = browser.new_page()
    try:
        page.set_content(BAD_PAGE)
        rules = {f.rule for f in check(page, "bad")}
        colour_only = {f.rule for f in check(page, "bad", rules=["color-contrast"])}
    finally:
        page.close()
    assert {"image-alt", "color-contrast", "aria-dialog-name"} <= rules, rules
    assert colour_only == {"color-contrast"}
