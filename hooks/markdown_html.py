"""Which HTML a page's Markdown may contain: an allowlist, checked on the Markdown source.

The site is edited by pull requests, so nothing in a page may put code into readers' browsers:
no <script>, no event attributes (onmouseover=…), no javascript: links. `check_markdown` finds
the raw HTML of a Markdown file and every link and image target, with their lines, and returns
what the allowlist does not permit. `check_rendered` looks at the HTML that Python-Markdown made
of a page, for what is not raw HTML in the source but still ends up in the page: attributes set
with attr_list (`{ onclick="…" }`) and anything the source scan misread.

Raw HTML is found by parsing the Markdown structure with markdown-it-py (code spans and code
blocks are text, not HTML) and its tags by the standard library's HTML parser – no regular
expressions decide what a tag is. Python-Markdown differs from CommonMark in one way that
matters here: the bodies of admonitions, details, tabs, footnotes and definitions are indented
by four spaces, which CommonMark would read as code. `_flatten` removes that indentation first
(line numbers stay), so HTML in an admonition is checked like any other.

This module knows nothing of MkDocs; hooks/html_allowlist.py applies it to the site's files.
The allowlist is documented in CONTRIBUTING.md („HTML in Seiten“).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# --- the allowlist --------------------------------------------------------------------------

# Attributes every allowed element may carry. `markdown` is md_in_html's switch.
GLOBAL_ATTRS = frozenset({"class", "id", "lang", "title", "hidden", "dir", "translate", "role",
                          "markdown"})
GLOBAL_PREFIXES = ("aria-", "data-")

# Element → its own attributes (beyond GLOBAL_ATTRS).
TAGS: dict[str, frozenset[str]] = {name: frozenset(attrs) for name, attrs in {
    # text
    "a": {"href", "rel", "hreflang", "type", "download"},
    "abbr": set(), "b": set(), "bdi": set(), "br": set(), "cite": set(), "code": set(),
    "data": {"value"}, "del": {"datetime"}, "dfn": set(), "em": set(), "i": set(),
    "ins": {"datetime"}, "kbd": set(), "mark": set(), "q": {"cite"}, "s": set(),
    "samp": set(), "small": set(), "span": set(), "strong": set(), "sub": set(), "sup": set(),
    "time": {"datetime"}, "u": set(), "var": set(), "wbr": set(),
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    # blocks
    "p": set(), "div": set(), "blockquote": {"cite"}, "pre": set(), "hr": set(),
    "h1": set(), "h2": set(), "h3": set(), "h4": set(), "h5": set(), "h6": set(),
    "ul": set(), "ol": {"start", "reversed", "type"}, "li": {"value"},
    "dl": set(), "dt": set(), "dd": set(),
    "figure": set(), "figcaption": set(), "details": {"open"}, "summary": set(),
    # tables
    "table": set(), "caption": set(), "colgroup": {"span"}, "col": {"span"},
    "thead": set(), "tbody": set(), "tfoot": set(), "tr": set(),
    "th": {"colspan", "rowspan", "scope", "headers", "abbr"}, "td": {"colspan", "rowspan", "headers"},
}.items()}

# Form elements: only inside an element marked `data-smm-rechner` (the reach calculator on
# reichweitenrechner.md). The form sends nothing anywhere: no action, method or target.
CALCULATOR_MARK = "data-smm-rechner"
FORM_TAGS: dict[str, frozenset[str]] = {name: frozenset(attrs) for name, attrs in {
    "form": {"name", "autocomplete", "novalidate"},
    "fieldset": {"name", "disabled"},
    "legend": set(),
    "label": {"for"},
    "input": {"type", "name", "value", "placeholder", "autocomplete", "spellcheck", "inputmode",
              "min", "max", "step", "required", "disabled", "readonly", "checked", "pattern",
              "size", "maxlength", "minlength", "list"},
    "button": {"type", "name", "value", "disabled"},
    "output": {"for", "name"},
    "select": {"name", "multiple", "disabled", "required", "size", "autocomplete"},
    "option": {"value", "selected", "disabled", "label"},
    "optgroup": {"label", "disabled"},
    "textarea": {"name", "rows", "cols", "placeholder", "required", "disabled", "readonly",
                 "maxlength", "minlength", "spellcheck", "autocomplete", "inputmode"},
}.items()}
INPUT_TYPES = frozenset({"text", "number", "search", "checkbox", "radio", "range"})
BUTTON_TYPES = frozenset({"button", "reset"})  # „submit“ would send the form

# Named for a clearer message; any element not listed above is refused as well.
ACTIVE_TAGS = frozenset({"script", "style", "iframe", "frame", "frameset", "object", "embed",
                         "applet", "base", "meta", "link", "noscript", "template", "portal",
                         "svg", "math"})

# Attributes that hold a URL, and which URL schemes they may use. Relative URLs and #anchors are
# always fine; data: only for pictures (<img src>, ![…](data:image/…)).
URL_ATTRS = frozenset({"href", "src", "cite", "action", "formaction", "poster", "background",
                       "xlink:href", "ping", "longdesc", "manifest", "codebase"})
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")  # browsers ignore tabs, newlines and controls in URLs


@dataclass(frozen=True)
class Violation:
    line: int  # 1-based line in the checked file (0: unknown)
    message: str  # German, for authors


def url_problem(url: str, *, image: bool = False) -> str | None:
    """Why `url` may not be used (German), or None. `image`: the URL of a picture."""
    cleaned = _URL_NOISE.sub("", url).lower()
    match = _SCHEME.match(cleaned)
    if not match:
        return None  # relative, #anchor, /path or ?query
    scheme = match[1]
    if scheme in SCHEMES:
        return None
    if scheme == "data" and image and cleaned.startswith("data:image/"):
        return None
    if scheme in {"javascript", "vbscript"}:
        return (f"Die Adresse „{_short(url)}“ führt JavaScript aus; {scheme}:-Adressen sind "
                f"nicht erlaubt.")
    if scheme == "data":
        return (f"Die Adresse „{_short(url)}“ ist eine data:-Adresse; die sind nur für Bilder "
                f"erlaubt (data:image/…).")
    return (f"Die Adresse „{_short(url)}“ verwendet „{scheme}:“; erlaubt sind relative "
            f"Adressen sowie {', '.join(s + ':' for s in sorted(SCHEMES))}.")


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def attribute_problem(tag: str, name: str, value: str | None, *, strict: bool) -> str | None:
    """Why attribute `name` may not appear on `tag` (German), or None.

    `strict`: the allowlist for HTML that authors write; otherwise only the hard rules (event
    attributes, unsafe URLs, srcdoc), for HTML that Markdown extensions produce.
    """
    if name.startswith("on"):
        return (f"Das Attribut „{name}“ an <{tag}> führt JavaScript aus; Ereignis-Attribute "
                f"(on…) sind nicht erlaubt.")
    if name in {"srcdoc", "formaction"}:
        return f"Das Attribut „{name}“ an <{tag}> ist nicht erlaubt."
    if name in URL_ATTRS and value is not None:
        problem = url_problem(value, image=(tag == "img" and name == "src"))
        if problem:
            return problem
    if not strict:
        return None
    if name in GLOBAL_ATTRS or name.startswith(GLOBAL_PREFIXES):
        return None
    if name == "style":
        return (f"Das Attribut „style“ an <{tag}> ist nicht erlaubt; Gestaltung gehört in "
                f"docs/assets/css/ (über eine Klasse).")
    allowed = TAGS.get(tag) or FORM_TAGS.get(tag) or frozenset()
    if name not in allowed:
        return f"Das Attribut „{name}“ ist an <{tag}> nicht erlaubt."
    if tag == "input" and name == "type" and (value or "text").lower() not in INPUT_TYPES:
        return f"<input type=\"{value}\"> ist nicht erlaubt; erlaubt sind: {', '.join(sorted(INPUT_TYPES))}."
    if tag == "button" and name == "type" and (value or "").lower() not in BUTTON_TYPES:
        return f"<button type=\"{value}\"> ist nicht erlaubt; erlaubt sind: {', '.join(sorted(BUTTON_TYPES))}."
    return None


# --- checking HTML with the standard library's parser ----------------------------------------

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})


class _Checker(HTMLParser):
    """Feeds fragments of one file in order; keeps track of open elements across fragments, so
    that the calculator's container is known for every form element inside it."""

    def __init__(self, *, strict: bool):
        super().__init__(convert_charrefs=True)
        self.strict = strict
        self.stack: list[tuple[str, bool]] = []  # (tag, opens the calculator container)
        self.violations: list[Violation] = []
        self.first_line = 1  # line in the file of the fragment being fed
        self._line_at_feed = 1

    def check(self, fragment: str, line: int) -> None:
        self.first_line = line
        self._line_at_feed = self.getpos()[0]
        self.feed(fragment + "\n")

    def _line(self) -> int:
        return self.first_line + self.getpos()[0] - self._line_at_feed

    def _report(self, message: str) -> None:
        self.violations.append(Violation(self._line(), message))

    def _in_calculator(self) -> bool:
        return any(marked for _, marked in self.stack)

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs)
        if tag not in _VOID:
            self.stack.append((tag, any(name == CALCULATOR_MARK for name, _ in attrs)))

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def _start(self, tag, attrs):
        if tag in ACTIVE_TAGS:
            self._report(f"Das HTML-Element <{tag}> ist in Seiten nicht erlaubt.")
            return
        if tag in FORM_TAGS and not self._in_calculator() \
                and (self.strict or tag not in {"input", "label"}):  # tabs: radio + label
            self._report(f"Formular-Elemente wie <{tag}> sind nur im Reichweitenrechner "
                         f"erlaubt (innerhalb eines Elements mit {CALCULATOR_MARK}).")
            return
        if self.strict and tag not in TAGS and tag not in FORM_TAGS:
            self._report(f"Das HTML-Element <{tag}> ist in Seiten nicht erlaubt "
                         f"(siehe CONTRIBUTING.md, „HTML in Seiten“).")
            return
        for name, value in attrs:
            problem = attribute_problem(tag, name, value, strict=self.strict)
            if problem:
                self._report(problem)

    def handle_decl(self, decl):
        if self.strict:
            self._report(f"<!{_short(decl)}> ist in Seiten nicht erlaubt.")

    def handle_pi(self, data):
        self._report(f"<?{_short(data)}> ist in Seiten nicht erlaubt.")

    def unknown_decl(self, data):
        self._report(f"<![{_short(data)}> ist in Seiten nicht erlaubt.")


def check_html(html: str, *, strict: bool = True) -> list[Violation]:
    """Problems in one HTML fragment (lines counted from 1)."""
    checker = _Checker(strict=strict)
    checker.check(html, 1)
    checker.close()
    return checker.violations


# --- finding HTML and links in Markdown --------------------------------------------------------

# Blocks of Python-Markdown extensions whose body is indented by four spaces.
_CONTAINER = re.compile(r"^(?:!!!|\?\?\?\+?|===[+!]?)[ \t]|^\[\^[^\]\s]+\]:|^:[ \t]+\S")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.S)


def _flatten(markdown: str) -> str:
    """The text with container bodies moved left to their container's column; lines stay."""
    out: list[str] = []
    bodies: list[int] = []  # columns where the bodies of open containers start
    fence: str | None = None
    for raw in markdown.split("\n"):
        line = raw.expandtabs(4)
        if not line.strip():
            out.append("")
            continue
        indent = len(line) - len(line.lstrip(" "))
        while bodies and indent < bodies[-1]:
            bodies.pop()
        base = bodies[-1] if bodies else 0
        text = line[base:]
        out.append(text)
        stripped = text.lstrip(" ")
        if fence is not None:
            if stripped.startswith(fence) and not stripped[len(fence):].strip(fence[0]).strip():
                fence = None
            continue
        opening = _FENCE.match(stripped)
        if opening and len(text) - len(stripped) < 4:
            fence = opening[1]
            continue
        if len(text) - len(stripped) < 4 and _CONTAINER.match(stripped):
            bodies.append(base + len(text) - len(stripped) + 4)
    return "\n".join(out)


def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": True}).enable("table").use(footnote_plugin)
    md.validateLink = lambda url: True  # report javascript: links instead of dropping them
    return md


_md = None


def check_markdown(markdown: str) -> list[Violation]:
    """Everything in `markdown` (a page or include, front matter included) that the allowlist
    does not permit, in order, with its line in the file."""
    global _md
    if _md is None:
        _md = _parser()
    front = _FRONT_MATTER.match(markdown)
    if front:  # keep the line numbers: blank lines in its place
        markdown = "\n" * front[0].count("\n") + markdown[front.end():]
    checker = _Checker(strict=True)
    violations: list[Violation] = []
    for token in _md.parse(_flatten(markdown)):
        if token.type == "html_block" and token.map:
            checker.check(token.content, token.map[0] + 1)
        elif token.type == "inline" and token.map:
            line = token.map[0] + 1
            for child in token.children or []:
                if child.type in {"softbreak", "hardbreak"}:
                    line += 1
                elif child.type == "html_inline":
                    checker.check(child.content, line)
                elif child.type == "link_open":
                    problem = url_problem(str(child.attrs.get("href", "")))
                    if problem:
                        violations.append(Violation(line, problem))
                elif child.type == "image":
                    problem = url_problem(str(child.attrs.get("src", "")), image=True)
                    if problem:
                        violations.append(Violation(line, problem))
                if child.type in {"text", "code_inline", "html_inline"}:
                    line += child.content.count("\n")
    checker.close()
    return sorted(violations + checker.violations, key=lambda v: v.line)


# --- the rendered page, for what is not raw HTML in the source --------------------------------

def check_rendered(html: str) -> list[str]:
    """Hard-rule problems in the HTML Python-Markdown made of a page (no lines: the caller looks
    them up in the source). Extension output (tabs, footnotes, tables) is not held to the
    allowlist of elements, only to: no active elements, no event attributes, no unsafe URLs."""
    return [v.message for v in check_html(html, strict=False)]


def find_line(markdown: str, needle: str) -> int:
    """The first line of `markdown` that contains `needle` (case-insensitive), else 0."""
    needle = needle.lower()
    for number, line in enumerate(markdown.split("\n"), 1):
        if needle in line.lower():
            return number
    return 0
