"""Formulas as MathML, made at build time: `$…$` in running text, `$$…$$` as a block.

pymdownx.arithmatex (generic mode, mkdocs.yml) finds the LaTeX formulas in the Markdown and keeps
Markdown away from them (`_` and `*` stay LaTeX); it wraps each formula in
`<span class="arithmatex">\\(…\\)</span>` or `<div class="arithmatex">\\[…\\]</div>`. This hook
swaps each wrapper for the `<math>` element that latex2mathml makes of the formula. Browsers
render MathML Core themselves and screen readers read it, so pages need no math script; the print
edition, the search index and the offline package get the same MathML.

A formula latex2mathml cannot read, or a command it does not know (which it would show as
`\\befehl`), fails the build with the page and the formula.
"""

from __future__ import annotations

import html
import re
from xml.etree.ElementTree import tostring

from latex2mathml.converter import convert_to_element
from mkdocs.exceptions import PluginError

_INLINE = re.compile(r'<span class="arithmatex">\\\((?P<tex>.*?)\\\)</span>', re.S)
_BLOCK = re.compile(r'<div class="arithmatex">\\\[(?P<tex>.*?)\\\]</div>', re.S)
_LEFT_OVER = re.compile(r'class="arithmatex"')
# latex2mathml keeps symbols as character references in the text (&#x02211;), which ElementTree
# escapes once more when it serialises
_CHAR_REF = re.compile(r"&amp;#x([0-9A-Fa-f]+);")


class FormulaError(ValueError):
    """A formula that cannot become MathML; the message is German and names the formula."""

    def __init__(self, message: str, source: str = ""):
        super().__init__(message)
        self.source = source


def to_mathml(tex: str, display: str = "inline") -> str:
    """One LaTeX formula (as arithmatex escaped it into HTML) → a `<math>` element.

    Written compactly (pages have a weight budget, tests/site/test_performance_budget.py): no
    `xmlns` (the HTML parser puts <math> in the MathML namespace), no wrapping <mrow> around the
    whole formula (<math> is one already), characters instead of character references.
    """
    source = html.unescape(tex).strip()
    try:
        math = convert_to_element(source, display=display)
    except Exception as error:  # latex2mathml raises several types for unbalanced input
        raise FormulaError(f"Formel „{source}“ lässt sich nicht lesen "
                           f"({type(error).__name__}) – Klammern {{…}} prüfen", source) from error
    unknown = [e.text for e in math.iter() if e.text and "\\" in e.text]
    if unknown:
        raise FormulaError(f"Formel „{source}“: unbekannter Befehl {unknown[0]}", source)
    math.attrib.pop("xmlns", None)
    if len(math) == 1 and math[0].tag == "mrow" and not math[0].attrib:
        row = math[0]
        math.remove(row)
        math.extend(list(row))
    markup = tostring(math, encoding="unicode")
    return _CHAR_REF.sub(lambda m: html.escape(chr(int(m[1], 16)), quote=False), markup)


def replace_formulas(content: str) -> str:
    """Every arithmatex wrapper in a page's HTML → MathML."""
    content = _BLOCK.sub(lambda m: to_mathml(m["tex"], "block"), content)
    content = _INLINE.sub(lambda m: to_mathml(m["tex"], "inline"), content)
    if _LEFT_OVER.search(content):
        raise FormulaError("eine Formel blieb unübersetzt – Formeln stehen in $…$ oder "
                           "in einem eigenen Absatz zwischen $$ und $$")
    return content


def source_line(markdown: str, formula: str) -> int | None:
    """The line of the Markdown source where `formula` first appears (1-based)."""
    for number, line in enumerate(markdown.splitlines(), 1):
        if formula and formula in line:
            return number
    return None


def on_page_content(content, page, config, files):
    if "arithmatex" not in content:
        return content
    try:
        return replace_formulas(content)
    except FormulaError as error:
        line = source_line(page.file.content_string, error.source)
        where = f"docs/{page.file.src_uri}" + (f":{line}" if line else "")
        raise PluginError(f"{where}: {error}") from None
