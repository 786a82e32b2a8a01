"""Build hook: ```smm blocks in pages become tables and figures computed by smm_calc.

    ```smm
    ansicht: szenarien
    stufen: 5
    ```

Thin glue only: find the blocks, hand their key/value pairs to `smm_calc.views.render_view`,
cache the result, add figures as generated files and put Markdown in place of each block.
Any mistake in a block fails the build with `docs/<page>.md:<line>: <German message>`.

The view „nutzung“ shows survey figures from the data file docs/daten/social-media-nutzung.csv:
this hook reads it (and the anchors of docs/quellen.md, to check every row's source and to label
the links), smm_calc parses and checks it; a bad row fails the build with `docs/<file>:<line>:`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from smm_calc.fingerprint import fingerprint

log = logging.getLogger("mkdocs.hooks.smm")

GENERATED = "assets/generated"
CACHE_DIR = Path(".cache") / "smm"  # made absolute (beside mkdocs.yml) in on_config
DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"  # set from the config in on_config
USAGE_FILE = "daten/social-media-nutzung.csv"  # inside docs/, so readers can download it
BIBLIOGRAPHY = "quellen.md"
DOCS_LINK = "@docs/"  # prefix of docs-relative links in view output (smm_calc.reports.usage)
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*?)[ \t]*$")
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_äöüÄÖÜß-]+)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")


class DirectiveError(ValueError):
    """A mistake in an smm block, with the 1-based line in the page where it is."""

    def __init__(self, line: int, message: str):
        super().__init__(f"Zeile {line}: {message}")
        self.line = line
        self.message = message


@dataclass
class Directive:
    start: int  # 0-based index of the opening fence line
    end: int  # 0-based index of the closing fence line
    indent: str
    options: dict[str, str] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)  # key → 1-based line


def parse_directives(markdown: str) -> list[Directive]:
    """Top-level ```smm blocks in `markdown`; fences nested in other fences are left alone."""
    lines = markdown.split("\n")
    found: list[Directive] = []
    outer: tuple[str, int] | None = None  # open non-smm fence: (fence chars, length)
    current: Directive | None = None
    fence_char, fence_len = "", 0
    for i, line in enumerate(lines):
        match = _FENCE.match(line)
        if current is not None:
            if match and match["fence"][0] == fence_char and len(match["fence"]) >= fence_len \
                    and not match["info"]:
                current.end = i
                found.append(current)
                current = None
                continue
            _parse_option(line, i + 1, current)
            continue
        if outer is not None:
            if match and match["fence"][0] == outer[0] and len(match["fence"]) >= outer[1] \
                    and not match["info"]:
                outer = None
            continue
        if match:
            info = match["info"].strip("{} .").split()
            if info and info[0] == "smm":
                current = Directive(start=i, end=-1, indent=match["indent"])
                fence_char, fence_len = match["fence"][0], len(match["fence"])
            else:
                outer = (match["fence"][0], len(match["fence"]))
    if current is not None:
        raise DirectiveError(current.start + 1, "Der smm-Block wird nicht geschlossen (``` fehlt).")
    return found


def _parse_option(line: str, number: int, directive: Directive) -> None:
    text = line.strip()
    if not text or text.startswith("#"):
        return
    match = _KEY_VALUE.match(text)
    if not match:
        raise DirectiveError(number, f"„{text}“ ist keine Angabe der Form „schlüssel: wert“.")
    key, value = match["key"].lower(), match["value"]
    if key in directive.options:
        raise DirectiveError(number, f"„{key}“ ist doppelt angegeben.")
    if not value:
        raise DirectiveError(number, f"Für „{key}“ fehlt ein Wert.")
    directive.options[key] = value
    directive.key_lines[key] = number


# --- rendering, with a cache keyed by the block and smm_calc.fingerprint (source + numpy/matplotlib) -----------------------

# Taken once: it must describe the smm_calc code this process has imported.
_FINGERPRINT = fingerprint()
_memory: dict[str, list[dict]] = {}


# --- the usage data file -------------------------------------------------------------------------

_ANCHOR = re.compile(r"\{ *#(q-[a-z0-9-]+) *\}")
_LABEL = re.compile(r"^(.*?)\((\d{4}[a-z]?|o\. J\.)\)", re.S)


def bibliography(text: str) -> dict[str, str]:
    """Anchors of the bibliography → short labels such as „Tippelt (2025)“ or „Müller (2024)“."""
    labels = {}
    for paragraph in re.split(r"\n\s*\n", text):
        anchor = _ANCHOR.search(paragraph)
        if not anchor:
            continue
        body = " ".join(paragraph[:anchor.start()].split())
        m = _LABEL.match(body)
        if m is None:
            labels[anchor[1]] = anchor[1]
            continue
        authors = m[1].strip()
        if "<" not in authors and "," in authors:
            authors = "/".join(a.split(",")[0].strip() for a in authors.split(";"))
        labels[anchor[1]] = f"{authors} ({m[2]})"
    return labels


_usage_memo: dict[str, object] = {}


def _usage_inputs() -> tuple[str, str | None] | None:
    """(data file text, bibliography text or None), or None when there is no data file."""
    data = DOCS_DIR / USAGE_FILE
    if not data.exists():
        return None
    bib = DOCS_DIR / BIBLIOGRAPHY
    return (data.read_text(encoding="utf-8"),
            bib.read_text(encoding="utf-8") if bib.exists() else None)


def load_usage(inputs=None):
    """The parsed data file (None if there is none); a bad row raises PluginError at its line."""
    from smm_calc.usage import DataError, parse_usage

    inputs = _usage_inputs() if inputs is None else inputs
    if inputs is None:
        return None
    digest = hashlib.sha256(json.dumps(inputs, ensure_ascii=False).encode()).hexdigest()
    if digest not in _usage_memo:
        text, bib = inputs
        labels = {} if bib is None else bibliography(bib)
        try:
            _usage_memo[digest] = parse_usage(
                text, USAGE_FILE, known_sources=None if bib is None else set(labels),
                source_labels=labels)
        except DataError as error:
            raise PluginError(f"docs/{USAGE_FILE}:{error.line}: {error}") from None
    return _usage_memo[digest]


def render(options: dict[str, str]) -> list[dict]:
    """Blocks for `options` as JSON-able dicts; from memory, .cache/ or smm_calc (in that order)."""
    usage_inputs = None
    if str(options.get("ansicht", "")).strip().lower() == "nutzung":
        usage_inputs = _usage_inputs()
    key = hashlib.sha256(
        json.dumps([_FINGERPRINT, sorted(options.items()), usage_inputs],
                   ensure_ascii=False).encode()
    ).hexdigest()
    if key in _memory:
        return _memory[key]
    cached = CACHE_DIR / f"{key}.json"
    if cached.exists():
        blocks = json.loads(cached.read_text(encoding="utf-8"))
    else:
        from smm_calc.views import Figure, render_view  # imported only on a cache miss

        blocks = [
            {"figure": {name: getattr(b, name) for name in ("name", "svg", "alt", "caption",
                                                           "data_markdown", "variants")}}
            if isinstance(b, Figure) else {"markdown": b}
            for b in render_view(options, nutzung=load_usage(usage_inputs)
                                 if usage_inputs is not None else None).blocks
        ]
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(".tmp")
        tmp.write_text(json.dumps(blocks, ensure_ascii=False), encoding="utf-8")
        tmp.replace(cached)
    _memory[key] = blocks
    return blocks


def figure_uris(figure: dict) -> dict[str, str]:
    """Variant name → site URI of that variant's SVG (named by the figure and a content hash)."""
    uris = {}
    for variant, svg in figure["variants"]:
        digest = hashlib.sha256(svg.encode()).hexdigest()[:12]
        uris[variant] = f"{GENERATED}/{figure['name']}-{variant}-{digest}.svg"
    return uris


def _render_located(directive: Directive, src_uri: str) -> list[dict]:
    from smm_calc import InputError

    try:
        return render(directive.options)
    except InputError as error:
        line = directive.key_lines.get(getattr(error, "key", None) or "", directive.start + 1)
        raise PluginError(f"docs/{src_uri}:{line}: {error}") from None


def _page_directives(markdown: str, src_uri: str) -> list[Directive]:
    try:
        return parse_directives(markdown)
    except DirectiveError as error:
        raise PluginError(f"docs/{src_uri}:{error.line}: {error.message}") from None


# --- MkDocs events ----------------------------------------------------------------------------

def on_config(config):
    global CACHE_DIR, DOCS_DIR
    CACHE_DIR = Path(config.config_file_path).resolve().parent / ".cache" / "smm"
    DOCS_DIR = Path(config.docs_dir)
    return config


def on_files(files, config):
    """Render every page's blocks up front, so figures exist as files before links are checked."""
    load_usage()  # a bad row in the data file fails the build even if no page shows it
    for file in list(files.documentation_pages()):
        if not file.src_uri.endswith(".md"):
            continue
        markdown = file.content_string
        if "smm" not in markdown:
            continue
        for directive in _page_directives(markdown, file.src_uri):
            for block in _render_located(directive, file.src_uri):
                if "figure" in block:
                    svgs = dict(block["figure"]["variants"])
                    for variant, uri in figure_uris(block["figure"]).items():
                        if files.get_file_from_path(uri) is None:
                            files.append(File.generated(config, uri, content=svgs[variant]))
    return files


def on_page_markdown(markdown, page, config, files):
    if "smm" not in markdown:
        return markdown
    directives = _page_directives(markdown, page.file.src_uri)
    if not directives:
        return markdown
    lines = markdown.split("\n")
    page_dir = posixpath.dirname(page.file.src_uri)
    for directive in reversed(directives):
        blocks = _render_located(directive, page.file.src_uri)
        text = "\n\n".join(_block_markdown(block, page_dir, page.url) for block in blocks)
        replacement = [directive.indent + l if l else l for l in text.split("\n")]
        lines[directive.start:directive.end + 1] = ["", *replacement, ""]
    return "\n".join(lines)


def _block_markdown(block: dict, page_dir: str, page_url: str) -> str:
    if "markdown" in block:
        root = posixpath.relpath(".", page_dir or ".")
        return block["markdown"].replace("](" + DOCS_LINK, f"]({root}/")
    from smm_calc.render.figures import picture_html, svg_size  # light: no matplotlib

    figure = block["figure"]
    uris = figure_uris(figure)
    # raw HTML: MkDocs does not rewrite its links, so they are relative to the page's URL
    pictures = picture_html(figure["alt"], {
        variant: (get_relative_url(uris[variant], page_url), svg_size(svg))
        for variant, svg in figure["variants"]})
    data = "\n".join("    " + l if l else l for l in figure["data_markdown"].split("\n"))
    return (
        f'<figure class="smm-figure" markdown="span">\n'
        f"  {pictures}\n"
        f"  <figcaption>{figure['caption']}</figcaption>\n"
        f"</figure>\n\n"
        f'??? info "Daten zur Abbildung"\n\n{data}'
    )
