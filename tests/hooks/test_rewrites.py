"""Rewrites of other packages' HTML fail the build when they stop matching (issue 16)."""

import re

import pytest
from hookmodules import load
from mkdocs.exceptions import PluginError

rewrites = load("rewrites")
html_fixes = load("html_fixes")


def test_a_rewrite_that_never_matched_fails_in_german_with_its_hook():
    rule = rewrites.Rewrite("beispiel", "ein Muster, das es nicht mehr gibt", re.compile("<altes-tag>"))
    rule.sub("", "<html><body>neues Markup</body></html>")
    with pytest.raises(PluginError, match=r"hooks/beispiel\.py: ein Muster, das es nicht mehr gibt"):
        rewrites.check([rule])


def test_a_rewrite_that_matched_passes_and_counts_per_build():
    rule = rewrites.Rewrite("beispiel", "x", re.compile("a"))
    assert rule.sub("b", "aXa") == "bXb"
    rewrites.check([rule])  # matched twice: fine
    with pytest.raises(PluginError):
        rewrites.check([rule])  # the count starts again for the next build


def test_not_applicable_rules_do_not_fail():
    rewrites.check([rewrites.Rewrite("beispiel", "x", re.compile("nie"))], applicable=False)


def test_material_toggles_without_autocomplete_fail_the_build():
    html_fixes.on_config(None)  # a build starts: matches of earlier calls (other tests) go
    html_fixes.fix_html('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">')
    with pytest.raises(PluginError, match="html_fixes.py"):
        html_fixes.on_post_build(None)
    html_fixes.fix_html('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" '
                        'id="__drawer" autocomplete="off">')
    html_fixes.on_post_build(None)


def test_matches_of_an_earlier_build_do_not_count():
    """A build that stopped before its check (or a direct call) leaves matches; the next build
    starts from zero, so a theme change still fails it."""
    html_fixes.fix_html('<input class="md-toggle" data-md-toggle="search" type="checkbox" '
                        'id="__search" autocomplete="off">')
    html_fixes.on_config(None)
    html_fixes.fix_html("<p>Material without toggles</p>")
    with pytest.raises(PluginError, match="html_fixes.py"):
        html_fixes.on_post_build(None)
