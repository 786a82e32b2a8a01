"""The glossary page lists the terms of docs/includes/glossar-abkuerzungen.md.

That one file feeds both the tooltips on every page (pymdownx.snippets auto_append + abbr) and
the list on /glossar/, so a term is explained the same way everywhere.
"""

import html
import re
from pathlib import Path

from slugs import slugify

MARKER = "<!-- glossar -->"
SOURCE = Path("includes") / "glossar-abkuerzungen.md"
_ENTRY = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<text>.+?)\s*$")
_GERMAN_ORDER = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def read_terms(path: Path) -> list[tuple[str, str]]:
    terms = [(m["term"], m["text"]) for line in path.read_text(encoding="utf-8").splitlines()
             if (m := _ENTRY.match(line))]
    return sorted(terms, key=lambda t: (t[0].lower().translate(_GERMAN_ORDER), t[0]))


def glossary_html(terms: list[tuple[str, str]]) -> str:
    rows = "\n".join(
        f'  <dt id="{slugify(term)}">{html.escape(term)}</dt>\n  <dd>{html.escape(text)}</dd>'
        for term, text in terms)
    return f'<dl class="glossar">\n{rows}\n</dl>'


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    terms = read_terms(Path(config.docs_dir) / SOURCE)
    return markdown.replace(MARKER, glossary_html(terms))
