"""Light notebook pages: what mkdocs-jupyter inlines into every notebook page moves out (issue 7).

mkdocs-jupyter 0.26.3 puts ~590 KB of JupyterLab CSS, a copy-button script and the figures (as
base64 data URIs) into the HTML of each notebook page. This hook makes that

* ONE shared stylesheet `assets/stylesheets/notebook.<hash>.css`, trimmed to the rules whose
  selectors can match the notebooks' HTML and to the custom properties those rules use
  (≈ 30 KB instead of 590 KB), linked in <head> before the project's extra_css, so the browser
  caches it once for all notebooks;
* ONE shared, deferred script `assets/javascripts/notebook.<hash>.js` for the copy button;
* one file per figure, `assets/generated/notebook-<hash>.svg|png` (with width, height and lazy
  loading), instead of base64 inside the page – also for the variants in a `<picture>`'s
  `<source srcset>` (smm_calc's figures show their narrow and dark variants that way);
* nothing for what a page cannot use: the empty `<script src="">` and MathJax configuration that
  mkdocs-jupyter emits when `custom_mathjax_url` is unset, and the Mermaid loader (which would
  fetch Mermaid from a CDN) on pages without Mermaid diagrams.

Output scripts of notebook cells (widgets, plots) are left where they are.

It also keys mkdocs-jupyter's cache on what the notebooks import: mkdocs-jupyter caches the
executed notebook by the notebook's bytes only, so a change in `smm_calc` would leave stale
numbers on the page. `on_config` points the plugin's `cache_dir` at
`.cache/mkdocs-jupyter/<fingerprint>/` (beside mkdocs.yml), where the fingerprint covers the
source of `smm_calc` and the versions of numpy and matplotlib; a change re-executes the notebook
once, and caches of other fingerprints are removed. Unchanged, builds and `mkdocs serve` rebuilds
take the notebook from the cache and never start a kernel.

The trimmed stylesheet is cached in `.cache/notebook-assets/` by the hash of its input (CSS,
notebook HTML, extra CSS), so warm builds do not trim again.
"""

from __future__ import annotations

import base64
import html as html_lib
import hashlib
import importlib.util
import logging
import posixpath
import re
import shutil
from pathlib import Path

import css_trim  # hooks/css_trim.py (imports tinycss2 and soupsieve only when it trims)
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from rewrites import Rewrite, check, start

log = logging.getLogger("mkdocs.hooks.notebook_assets")

VERSION = "2"  # bump when the trimming rules change: it is part of every cache key
CSS_DIR = "assets/stylesheets"
JS_DIR = "assets/javascripts"
FIGURE_DIR = "assets/generated"

_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>\s*", re.S | re.I)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>\s*", re.S | re.I)
_DATA_IMG = re.compile(
    r'<img\b(?P<before>[^>]*?)\ssrc="data:image/(?P<type>svg\+xml|png|jpeg|gif);base64,'
    r'(?P<data>[A-Za-z0-9+/=\s]+)"(?P<after>[^>]*)>')
# a <picture>'s other variant (smm_calc figures: the narrow one) as a data URI in srcset
_DATA_SOURCE = re.compile(
    r'(?P<before><source\b[^>]*?\ssrcset=")data:image/(?P<type>svg\+xml|png|jpeg|gif);base64,'
    r'(?P<data>[A-Za-z0-9+/=\s]+)(?P<after>"[^>]*>)')
# mkdocs-jupyter inlines JupyterLab's CSS in every notebook page; if that stops, the shared
# stylesheet is empty and the build must say so (hooks/rewrites.py).
_STYLES = Rewrite("notebook_assets", "JupyterLab-CSS, das mkdocs-jupyter in Notebookseiten einbettet",
                  _STYLE)
_MERMAID = re.compile(r'class="[^"]*\bjp-Mermaid\b')  # a diagram, not the loader's selector
_EXTENSIONS = {"svg+xml": "svg", "png": "png", "jpeg": "jpg", "gif": "gif"}

_state: dict = {"notebooks": {}, "css_uri": None, "js_uri": None, "css_cache": {}}


# --- the cache of mkdocs-jupyter, keyed on the code the notebooks import -----------------------

def imports_fingerprint() -> str:
    """What the notebooks' outputs depend on: smm_calc's source and the numpy/matplotlib versions
    (the same fingerprint keys the smm blocks' cache)."""
    from smm_calc.fingerprint import fingerprint

    return fingerprint()[:16]


def on_config(config):
    start([_STYLES])
    root = Path(config.config_file_path).resolve().parent
    _state["cache_dir"] = root / ".cache" / "notebook-assets"
    _state["notebooks"] = {}
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None or not plugin.config.get("cache", True):
        return config
    base = root / ".cache" / "mkdocs-jupyter"
    current = base / imports_fingerprint()
    plugin.config["cache_dir"] = str(current)
    if base.is_dir():  # results of other smm_calc versions can never be hits again
        for old in base.iterdir():
            if old != current and (old.suffix == ".json" or re.fullmatch(r"[0-9a-f]{16}", old.name)):
                shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
    return config


# --- notebook pages: take styles, template scripts and figures out of the page ----------------

def is_notebook(page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


def _template_scripts() -> tuple[str, ...]:
    """The copy-button code mkdocs-jupyter's template inlines (the same on every notebook)."""
    spec = importlib.util.find_spec("mkdocs_jupyter")
    if spec is None or spec.origin is None:
        return ()
    path = Path(spec.origin).parent / "templates" / "mkdocs_html" / "assets" / "clipboard.umd.js"
    return (path.read_text(encoding="utf-8").strip(),) if path.exists() else ()


def _is_template_script(text: str, templates: tuple[str, ...]) -> bool:
    text = text.strip()
    return text in templates or (
        text.startswith("document.addEventListener('clipboard-copy'") and len(text) < 400)


def _css_blocks(text: str) -> list[str]:
    text = text.strip()
    if text.startswith("['") and text.endswith("']"):
        # mkdocs-jupyter appends `resources["inlining"]["css"]` as a Python list repr: the same
        # CSS as the first <style>, so the duplicate is dropped below
        import ast

        try:
            return [str(part).strip() for part in ast.literal_eval(text)]
        except (ValueError, SyntaxError):
            return []
    return [text] if text else []


def _figure_size(kind: str, data: bytes) -> tuple[int, int] | None:
    if kind == "png" and data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if kind == "svg+xml":
        head = data[:2000].decode("utf-8", "replace")
        svg = re.search(r"<svg\b[^>]*>", head)
        if svg:
            size = [_css_length(re.search(rf'\s{a}="([^"]*)"', svg[0])) for a in ("width", "height")]
            if None not in size:
                return size[0], size[1]
    return None


def _css_length(match) -> int | None:
    if not match:
        return None
    number = re.fullmatch(r"\s*([0-9.]+)\s*(px|pt|in|cm|mm|)\s*", match[1])
    if not number:
        return None
    factor = {"": 1, "px": 1, "pt": 4 / 3, "in": 96, "cm": 96 / 2.54, "mm": 96 / 25.4}[number[2]]
    return round(float(number[1]) * factor)


def extract(html: str, page_url: str, templates: tuple[str, ...] = ()):
    """Split a notebook page's HTML: (html, css blocks, template script texts, figures).

    `figures` maps a site URI to the figure's bytes; the HTML links to those URIs."""
    css: list[str] = []
    html = _STYLES.sub(lambda m: css.extend(_css_blocks(m[1])) or "", html)

    scripts: list[str] = []
    has_mermaid = bool(_MERMAID.search(html))
    has_mathjax = bool(re.search(r'<script\b[^>]*\ssrc="[^"]+"[^>]*>\s*</script>', html)
                       and "MathJax" in html)

    def script(m: re.Match) -> str:
        attrs, text = m[1], m[2]
        kind = re.search(r'\btype="([^"]*)"', attrs)
        kind = kind[1].lower() if kind else ""
        if re.search(r'\ssrc=""', attrs) or re.fullmatch(r'\s*src=""\s*', attrs):
            return ""  # mkdocs-jupyter's MathJax loader without a URL: loads nothing
        if kind == "text/x-mathjax-config" and not has_mathjax:
            return ""
        if kind == "module" and "jp-Mermaid" in text and not has_mermaid:
            return ""  # would import Mermaid from a CDN if the page had diagrams
        if kind in ("", "text/javascript") and "src=" not in attrs \
                and _is_template_script(text, templates):
            scripts.append(text.strip())
            return ""
        return m[0]

    html = _SCRIPT.sub(script, html)

    figures: dict[str, bytes] = {}

    def figure(m: re.Match) -> str:
        data = base64.b64decode(re.sub(r"\s+", "", m["data"]))
        uri = f"{FIGURE_DIR}/notebook-{hashlib.sha256(data).hexdigest()[:12]}." \
              f"{_EXTENSIONS[m['type']]}"
        figures[uri] = data
        attrs = f"{m['before']}{m['after']}".rstrip(" /")
        # nbconvert writes a placeholder alt; smm_calc's figures carry their alt text as <desc>.
        desc = re.search(rb"<desc\b[^>]*>(.*?)</desc>", data, re.S) if m["type"] == "svg+xml" else None
        if desc:
            alt = html_lib.escape(html_lib.unescape(desc[1].decode("utf-8")).strip(), quote=True)
            attrs = re.sub(r'\salt="[^"]*"', "", attrs) + f' alt="{alt}"'
        extra = ""
        size = _figure_size(m["type"], data)
        if size and " width=" not in attrs and " height=" not in attrs:
            extra += f' width="{size[0]}" height="{size[1]}"'
        if " loading=" not in attrs:
            extra += ' loading="lazy"'
        if " decoding=" not in attrs:
            extra += ' decoding="async"'
        return f'<img{attrs} src="{get_relative_url(uri, page_url)}"{extra}>'

    def source(m: re.Match) -> str:
        data = base64.b64decode(re.sub(r"\s+", "", m["data"]))
        uri = f"{FIGURE_DIR}/notebook-{hashlib.sha256(data).hexdigest()[:12]}." \
              f"{_EXTENSIONS[m['type']]}"
        figures[uri] = data
        return f'{m["before"]}{get_relative_url(uri, page_url)}{m["after"]}'

    html = _DATA_SOURCE.sub(source, _DATA_IMG.sub(figure, html))
    return html, css, scripts, figures


def on_page_content(html, page, config, files):
    if not is_notebook(page) or "jupyter-wrapper" not in html:
        return html
    html, css, scripts, figures = extract(html, page.url, _template_scripts())
    for uri, data in figures.items():
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, content=data))
    _state["notebooks"][page.file.src_uri] = {"css": css, "scripts": scripts, "html": html}
    return html


# --- one shared stylesheet and script for all notebook pages ----------------------------------

def _extra_css_text(config) -> str:
    texts = []
    for entry in config.extra_css:
        path = Path(config.docs_dir) / str(entry)
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(texts)


def _palette_attrs(config) -> list[dict[str, str]]:
    """<body> attributes Material sets, one set per palette (selectors may depend on them)."""
    palettes = config.theme.get("palette") or [{}]
    if isinstance(palettes, dict):
        palettes = [palettes]
    found = []
    for palette in palettes:
        found.append({"data-md-color-scheme": palette.get("scheme", "default"),
                      "data-md-color-primary": palette.get("primary", "indigo"),
                      "data-md-color-accent": palette.get("accent", "indigo")})
    return found or [{"data-md-color-scheme": "default"}]


def shared_stylesheet(config) -> str:
    notebooks = _state["notebooks"]
    blocks: list[str] = []
    for entry in notebooks.values():
        for block in entry["css"]:
            if block not in blocks:
                blocks.append(block)
    css = "\n".join(blocks)
    pages = [entry["html"] for entry in notebooks.values()]
    extra = _extra_css_text(config)
    attrs = _palette_attrs(config)
    key = hashlib.sha256("\0".join([VERSION, css, extra, repr(attrs), *pages]).encode()).hexdigest()
    if key in _state["css_cache"]:
        return _state["css_cache"][key]
    cached = _state["cache_dir"] / f"{key}.css"
    if cached.exists():
        trimmed = cached.read_text(encoding="utf-8")
    else:
        keep_vars = set(re.findall(r"var\(\s*(--[\w-]+)", extra))
        if any(_MERMAID.search(page) for page in pages):
            keep_vars.add("--jp-ui-font-family")  # read by the Mermaid loader's script
        trimmed = css_trim.trim_css(css, pages, body_attrs=attrs, keep_vars=keep_vars)
        cached.parent.mkdir(parents=True, exist_ok=True)
        for old in cached.parent.glob("*.css"):  # one entry is enough: the current input
            old.unlink(missing_ok=True)
        tmp = cached.with_suffix(".tmp")
        tmp.write_text(trimmed, encoding="utf-8")
        tmp.replace(cached)
    _state["css_cache"] = {key: trimmed}
    return trimmed


def on_env(env, config, files):
    _state["css_uri"] = _state["js_uri"] = None
    notebooks = _state["notebooks"]
    if not notebooks:
        return env
    css = shared_stylesheet(config)
    if css.strip():
        uri = f"{CSS_DIR}/notebook.{hashlib.sha256(css.encode()).hexdigest()[:8]}.css"
        files.append(File.generated(config, uri, content=css))
        _state["css_uri"] = uri
    scripts: list[str] = []
    for entry in notebooks.values():
        for text in entry["scripts"]:
            if text not in scripts:
                scripts.append(text)
    if scripts:
        js = "\n;\n".join(scripts) + "\n"
        uri = f"{JS_DIR}/notebook.{hashlib.sha256(js.encode()).hexdigest()[:8]}.js"
        files.append(File.generated(config, uri, content=js))
        _state["js_uri"] = uri
    return env


def on_post_page(output, page, config):
    if page.file.src_uri not in _state["notebooks"]:
        return output
    tags = []
    if _state["css_uri"]:
        tags.append(f'<link rel="stylesheet" href="{get_relative_url(_state["css_uri"], page.url)}">')
    if _state["js_uri"] and _state["notebooks"][page.file.src_uri]["scripts"]:
        tags.append(f'<script src="{get_relative_url(_state["js_uri"], page.url)}" defer></script>')
    if not tags:
        return output
    head, marker, rest = output.partition("</head>")
    if not marker:
        return output
    # before the project's own stylesheets, so they can still override notebook styles
    first_extra = None
    for entry in config.extra_css:
        href = get_relative_url(str(entry), page.url)
        found = re.search(rf'<link\b[^>]*\shref="{re.escape(href)}"[^>]*>', head)
        if found and (first_extra is None or found.start() < first_extra):
            first_extra = found.start()
    insert = "\n    ".join(tags) + "\n    "
    if first_extra is None:
        return head + insert + marker + rest
    return head[:first_extra] + insert + head[first_extra:] + marker + rest


def on_post_build(config):
    check([_STYLES], applicable=bool(_state["notebooks"]))
