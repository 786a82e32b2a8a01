"""Pages without the indentation of the theme's templates (issue 7).

Material's Jinja templates indent their HTML deeply, and blank lines pile up where blocks are
empty: about a tenth of every page's HTML is spaces at the start of lines. A browser collapses
that whitespace anyway, so this hook removes it – except where whitespace is content: inside
<pre>, <code>, <kbd>, <textarea> (Material shows code with `white-space: pre-wrap`), <script>,
<style> and inline <svg>. Line breaks stay (one per line, so the HTML remains readable and a
space between two words is never lost); only what follows them goes.

Runs last (listed last in mkdocs.yml), on the finished page. gzip removes most of this too, so
the gain is in raw bytes: the budget of 100 KB per page (tests/site/test_performance_budget.py)
and what is stored and parsed.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"<(pre|code|kbd|textarea|script|style|svg)\b.*?</\1\s*>", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")  # a line break, indentation, empty lines


def strip_indentation(html: str) -> str:
    out, last = [], 0
    for match in _KEEP.finditer(html):
        out.append(_INDENT.sub("\n", html[last:match.start()]))
        out.append(match[0])
        last = match.end()
    out.append(_INDENT.sub("\n", html[last:]))
    return "".join(out)


def on_post_page(output, page, config):
    return strip_indentation(output)


def on_post_template(output_content, template_name, config):
    # 404.html and other theme templates
    return strip_indentation(output_content) if template_name.endswith(".html") \
        else output_content
