"""The glossary page lists the terms of docs/includes/glossar-abkuerzungen.md.

That one file feeds both the tooltips on every page (pymdownx.snippets auto_append + abbr) and
the list on /glossar/, so a term is explained the same way everywhere. A term gets its tooltip
where it first appears on a page, as a textbook explains a term once: repeating it on every
occurrence made long pages heavy (119 tooltips, 19 KB on the law page) and gave keyboard and
screen-reader users the same explanation again and again.
"""

import html
import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

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


class _FirstOccurrenceOnly(Treeprocessor):
    """Runs after Python-Markdown's abbr treeprocessor: later <abbr> of a term become plain text."""

    def run(self, root: etree.Element) -> None:
        seen: set[str] = set()
        parents = {child: parent for parent in root.iter() for child in parent}
        for abbr in [el for el in root.iter("abbr") if el.get("title") is not None]:
            term = "".join(abbr.itertext())
            if term not in seen:
                seen.add(term)
                continue
            parent = parents[abbr]
            index = list(parent).index(abbr)
            text = (abbr.text or "") + (abbr.tail or "")
            if index == 0:
                parent.text = (parent.text or "") + text
            else:
                previous = parent[index - 1]
                previous.tail = (previous.tail or "") + text
            parent.remove(abbr)


class FirstTooltipOnly(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_FirstOccurrenceOnly(md), "smm_first_abbr", 6)


def on_config(config):
    config.markdown_extensions.append(FirstTooltipOnly())
    return config
