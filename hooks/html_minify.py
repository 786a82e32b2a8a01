"""Pages without the whitespace of the theme's templates, by minify-html (issue 7, issue 16).

Material's Jinja templates indent their HTML deeply, and blank lines pile up where blocks are
empty: about a tenth of every page's HTML was spaces. minify-html (a well-kept, spec-aware
minifier) removes what a browser ignores and keeps what is content – <pre>, <textarea> and
inline <code> (Material shows code with `white-space: pre-wrap`). Scripts and styles are
left as they are (no JS/CSS minification: Material ships its bundles minified, ours are small).

Options: closing tags and the <html>/<head> start tags stay, so the HTML parses the same in
every tool (tests read pages with Python's html.parser, and hooks/csp.py adds its <meta> to
<head>); comments go.

Not under `mkdocs serve`, where it only lengthened every rebuild. Runs as the last hook but one
(mkdocs.yml): hooks/csp.py hashes the inline scripts of the finished page. gzip removes most whitespace too, so the gain is in raw bytes: the budget of
100 KB per page (tests/site/test_performance_budget.py) and what a browser stores and parses.
"""

from __future__ import annotations

import minify_html

OPTIONS = {"keep_closing_tags": True, "keep_html_and_head_opening_tags": True}
_serve = {"on": False}  # `mkdocs serve`: authors' rebuilds skip it (no reader sees that HTML)


def minify(html: str) -> str:
    return minify_html.minify(html, **OPTIONS)


def on_startup(command, dirty):
    _serve["on"] = command == "serve"


def on_post_page(output, page, config):
    return output if _serve["on"] else minify(output)


def on_post_template(output_content, template_name, config):
    # 404.html and other theme templates
    if _serve["on"] or not template_name.endswith(".html"):
        return output_content
    return minify(output_content)
