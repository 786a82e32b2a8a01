"""Redirect stubs of mkdocs-redirects in German (issue 8).

When a page moves, `plugins → redirects → redirect_maps` in mkdocs.yml keeps its old address
working (tests/published-urls.txt). The plugin writes a small English page („Redirecting...“,
lang="en"); this hook rewrites it in German with a title and description, keeping what makes it
work: the refresh, the canonical link and the script that carries the #anchor along.
Hooks run after plugins, so the stubs exist when `on_post_build` runs here.
"""

import html
import os
import re

TEMPLATE = """<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Diese Seite ist umgezogen – {site}</title>
<meta name="description" content="Diese Seite ist umgezogen; Sie werden zur neuen Adresse weitergeleitet.">
<link rel="canonical" href="{url}">
<script>var anchor=window.location.hash.substr(1);location.href="{url}"+(anchor?"#"+anchor:"")</script>
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<main>
<h1>Diese Seite ist umgezogen</h1>
<p>Sie werden zur <a href="{url}">neuen Adresse</a> weitergeleitet. Bitte aktualisieren Sie Ihre Links.</p>
</main>
</body>
</html>
"""
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')


def stub_paths(config) -> list[str]:
    """The HTML files mkdocs-redirects wrote for moved pages (also used by hooks/csp.py)."""
    plugin = config.plugins.get("redirects")
    redirects = getattr(plugin, "redirects", None) or {}
    if not redirects:
        return []
    from mkdocs_redirects.plugin import get_html_path

    paths = (os.path.join(config.site_dir, get_html_path(old, config.use_directory_urls))
             for old in redirects)
    return [path for path in paths if os.path.isfile(path)]


def on_post_build(config):
    for path in stub_paths(config):
        with open(path, encoding="utf-8") as f:
            match = _CANONICAL.search(f.read())
        if not match:
            continue
        page = TEMPLATE.format(site=html.escape(config.site_name), url=match[1])
        with open(path, "w", encoding="utf-8") as f:
            f.write(page)
