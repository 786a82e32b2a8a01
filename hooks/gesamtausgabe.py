"""The print edition /gesamtausgabe/: every page of the navigation on one page (issue 8).

`on_files` adds the generated page `gesamtausgabe.md` (a title, an introduction and a marker);
it is listed in the navigation of mkdocs.yml like any page. `on_env` runs after MkDocs has read
and converted every page and before it renders any, so the rendered HTML of all chapters is
known: it is stitched together in navigation order and put in place of the marker. On the way
each chapter's HTML is adapted to its new home:

- every id (and every reference to one: `href="#…"`, `for`, `aria-*`, radio `name`) gets the
  chapter's prefix, `kapitel--id`, so no two chapters collide (slugs never contain `--`);
- links to pages that are chapters become in-page links (`#kapitel--anker`), other relative
  links (figures, downloads, pages not included) are re-based on the edition's own URL;
- headings move down one level (the chapter's title becomes an h2), `<details>` are opened so
  model answers are printed, lazy loading is switched off so figures are in the PDF;
- figures keep only their light variant (paper is white): the dark `<picture>` of generated
  figures and hand-drawn `…#only-dark` images are dropped, the light ones shown in any scheme.

The links are rewritten after MkDocs has validated the sources; tests/site/test_gesamtausgabe.py
and the link check of the quality gates validate the result.
Notebook pages are not copied (their HTML brings its own styles and scripts): their chapter
says where to find them. Pages with `gesamtausgabe: false` in their front matter (Datenschutz,
Impressum) are left out.

Why not mkdocs-print-site-plugin: DESIGN.md, „Print edition (Gesamtausgabe)“.
"""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import urljoin, urlsplit

from mkdocs.structure.files import File
from mkdocs.structure.nav import Section
from mkdocs.structure.toc import AnchorLink, TableOfContents
from pipeline import ONLINE_URL, STAND  # page.meta keys page_meta writes

SRC_URI = "gesamtausgabe.md"
MARKER = "<!-- gesamtausgabe -->"
SOURCE = f"""---
description: Alle Seiten der Wissensbasis in Lesereihenfolge auf einer Seite – zum Drucken oder Speichern als PDF.
search:
  exclude: true
gesamtausgabe: false
---

# Gesamtausgabe

Diese Seite enthält alle Kapitel der Wissensbasis in der Reihenfolge der Navigation – zum Lesen am
Stück, zum Drucken und zum Speichern als PDF (im Browser „Drucken“ und dann „Als PDF speichern“
wählen). Beim Drucken entfallen Navigation, Kopf- und Fußzeile; die Adressen von Links ins Netz
stehen in Klammern hinter dem Linktext, und die Musterantworten der Kontrollfragen sind aufgeklappt.
Verweise zwischen den Kapiteln führen innerhalb dieser Seite.

{MARKER}
"""

_ID_ATTRS = re.compile(r'\s(id|for|aria-labelledby|aria-describedby|aria-controls|aria-owns)="([^"]*)"')
_RADIO_NAME = re.compile(r'(<input\b[^>]*\sname=")([^"]*)(")')
_LINK_ATTRS = re.compile(r'\s(href|src|srcset)="([^"]*)"')  # srcset: one URL (the figures')
_DARK_PICTURE = re.compile(r'<picture class="smm-abbildung smm-abbildung--dunkel">.*?</picture>', re.S)
_DARK_IMG = re.compile(r'<img\b[^>]*\ssrc="[^"]*#only-dark"[^>]*>')
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_DETAILS = re.compile(r"<details\b(?![^>]*\sopen\b)")
_LAZY = re.compile(r'\sloading="lazy"')
_ANY_ID = re.compile(r'\sid="([^"]*)"')


def chapter_key(src_uri: str, taken: set[str]) -> str:
    """A short, unique, ASCII id prefix for a page: its file name (`index` → its folder)."""
    stem = posixpath.splitext(src_uri)[0]
    parts = [p for p in stem.split("/") if p]
    if parts and parts[-1] == "index":
        parts.pop()
    key = parts[-1] if parts else "start"
    if key in taken:
        key = "-".join(parts) or "start"
    while key in taken:
        key += "-x"
    taken.add(key)
    return key


def included_pages(nav) -> list:
    """Pages of the navigation in reading order, without the edition and opted-out pages."""
    return [page for page in nav.pages
            if page.file.src_uri != SRC_URI and page.meta.get("gesamtausgabe", True) is not False]


def _site_path(url: str) -> str:
    """'/promotion/' for a page URL 'promotion/' or 'promotion/index.html' stays as written."""
    return "/" + url.lstrip("/")


class Edition:
    def __init__(self, pages, edition_url: str):
        self.edition_url = edition_url
        taken: set[str] = set()
        self.keys = {page.file.src_uri: chapter_key(page.file.src_uri, taken) for page in pages}
        # every URL a link may use for a chapter: 'a/b/' and 'a/b/index.html' alike
        self.by_path: dict[str, str] = {}
        for page in pages:
            path = _site_path(page.url)
            key = self.keys[page.file.src_uri]
            self.by_path[path] = key
            if path.endswith("/"):
                self.by_path[path + "index.html"] = key
            elif path.endswith("/index.html"):
                self.by_path[path[: -len("index.html")]] = key
        self.ids: dict[str, set[str]] = {}  # chapter key → ids it contains (prefixed)

    def rebase(self, target_path: str) -> str:
        """A site path ('/assets/x.svg') relative to the edition page."""
        base = posixpath.dirname(_site_path(self.edition_url))
        rel = posixpath.relpath(target_path, base or "/")
        if target_path.endswith("/") and not rel.endswith("/"):
            rel += "/"
        return rel

    def link(self, value: str, page_url: str, key: str) -> str:
        if not value or value.startswith(("mailto:", "tel:", "data:", "javascript:")):
            return value
        if value.startswith("#"):
            return f"#{key}--{value[1:]}" if value[1:] else f"#{key}"
        parts = urlsplit(value)
        if parts.scheme or parts.netloc:
            return value
        absolute = urlsplit(urljoin("http://site" + _site_path(page_url), value))
        if absolute.path.removesuffix("index.html") == _site_path(self.edition_url).removesuffix(
                "index.html"):  # a link to the edition itself: its top
            return f"#{absolute.fragment or 'gesamtausgabe'}"
        target = self.by_path.get(absolute.path)
        if target is not None:
            anchor = f"{target}--{absolute.fragment}"
            if absolute.fragment and anchor in self.ids.get(target, {anchor}):
                return f"#{anchor}"
            return f"#{target}"
        rel = self.rebase(absolute.path)
        if absolute.query:
            rel += f"?{absolute.query}"
        if absolute.fragment:
            rel += f"#{absolute.fragment}"
        return rel

    def prefix_ids(self, content: str, key: str) -> str:
        def ids(match):
            values = " ".join(f"{key}--{v}" for v in match[2].split())
            return f' {match[1]}="{values}"'

        content = _ID_ATTRS.sub(ids, content)
        content = _RADIO_NAME.sub(lambda m: f"{m[1]}{key}--{m[2]}{m[3]}", content)
        self.ids[key] = set(_ANY_ID.findall(content))
        return content

    def adapt(self, content: str, page_url: str, key: str) -> str:
        content = _DARK_IMG.sub("", _DARK_PICTURE.sub("", content))
        content = content.replace("smm-abbildung smm-abbildung--hell", "smm-abbildung")
        content = re.sub(r'(\ssrc="[^"]*)#only-light"', r'\1"', content)
        content = _LINK_ATTRS.sub(
            lambda m: f' {m[1]}="{html.escape(self.link(html.unescape(m[2]), page_url, key))}"',
            content)
        content = _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}", content)
        content = _DETAILS.sub("<details open", content)
        return _LAZY.sub("", content)


# Interactive blocks make no sense on paper and their scripts expect the original ids: the
# edition shows a note with the page's address instead (the calculator of issue 6).
INTERACTIVE = re.compile(r"<(?P<tag>[a-z][a-z0-9]*)\b[^>]*\sdata-smm-rechner\b[^>]*>")


def replace_interactive(content: str, online: str | None) -> str:
    """Swap every interactive element (with all it contains) for a short note."""
    while (match := INTERACTIVE.search(content)) is not None:
        tag, depth, pos = match["tag"], 1, match.end()
        opening = re.compile(rf"<(/?){tag}\b[^>]*>")
        end = len(content)
        for inner in opening.finditer(content, pos):
            depth += -1 if inner[1] else 1
            if depth == 0:
                end = inner.end()
                break
        where = (f' unter <a href="{html.escape(online)}">{html.escape(online)}</a>'
                 if online else " auf der Website")
        note = (f'<p class="smm-interaktiv"><em>Der interaktive Rechner steht online{where} '
                f"zur Verfügung.</em></p>")
        content = content[:match.start()] + note + content[end:]
    return content


def is_notebook(page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


def chapter_html(page, key: str, content: str) -> str:
    stand = page.meta.get(STAND)
    facts = []
    if stand is not None:
        facts.append(f'Stand: <time datetime="{stand.iso}">{html.escape(stand.text)}</time>')
    online = page.meta.get(ONLINE_URL)
    if online:
        facts.append(f'<a href="{html.escape(online)}">Online-Fassung</a>')
    info = f'<p class="smm-kapitel__info">{" · ".join(facts)}</p>\n' if facts else ""
    if "<h2" in content[:400]:  # the chapter's own title (h1 before the move) comes first
        head_end = content.index("</h2>") + len("</h2>")
        content = content[:head_end] + "\n" + info + content[head_end:]
    else:
        content = f"<h2>{html.escape(page.title or '')}</h2>\n{info}{content}"
    return f'<section class="smm-kapitel" id="{key}">\n{content}\n</section>'


def notebook_stub(edition: Edition, page) -> str:
    href = html.escape(page.meta.get(ONLINE_URL) or edition.rebase(_site_path(page.url)))
    return (f"<h1>{html.escape(page.title or '')}</h1>\n"
            '<p class="smm-interaktiv">Dieses Kapitel ist ein Jupyter-Notebook zum Mitrechnen. '
            f'Es ist nicht Teil der Gesamtausgabe; Sie finden es online unter '
            f'<a href="{href}">{href}</a>.</p>')


def contents_list(nav_items, edition: Edition) -> str:
    """The table of contents as nested lists, following the sections of the navigation."""
    def render(items) -> str:
        entries = []
        for item in items:
            if isinstance(item, Section):
                children = list(item.children)
                index = next((c for c in children if getattr(c, "is_index", False)
                              and c.file.src_uri in edition.keys), None)
                rest = [c for c in children if c is not index]
                inner = render(rest)
                if index is not None:
                    key = edition.keys[index.file.src_uri]
                    entries.append(f'<li><a href="#{key}">{html.escape(index.title or "")}</a>'
                                   f"{inner}</li>")
                elif inner:
                    entries.append(f"<li>{html.escape(item.title or '')}{inner}</li>")
            elif getattr(item, "file", None) is not None and item.file.src_uri in edition.keys:
                key = edition.keys[item.file.src_uri]
                entries.append(f'<li><a href="#{key}">{html.escape(item.title or "")}</a></li>')
        return f"<ol>{''.join(entries)}</ol>" if entries else ""

    return f'<nav class="smm-inhalt" aria-label="Inhalt der Gesamtausgabe">\n' \
           f'<h2 id="inhalt">Inhalt</h2>\n{render(nav_items)}\n</nav>'


# --- MkDocs events ----------------------------------------------------------------------------

_state: dict = {"nav": None}


def on_files(files, config):
    if files.get_file_from_path(SRC_URI) is None:
        files.append(File.generated(config, SRC_URI, content=SOURCE))
    return files


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def on_env(env, config, files):
    nav = _state["nav"]
    file = files.get_file_from_path(SRC_URI)
    if nav is None or file is None or file.page is None or file.page.content is None:
        return env
    edition_page = file.page
    pages = included_pages(nav)
    edition = Edition(pages, edition_page.url)
    prepared = []
    for page in pages:  # first pass: prefix ids, so links can check their anchors exist
        key = edition.keys[page.file.src_uri]
        content = notebook_stub(edition, page) if is_notebook(page) else (page.content or "")
        content = replace_interactive(content, page.meta.get(ONLINE_URL))
        prepared.append((page, key, edition.prefix_ids(content, key)))
    chapters = [chapter_html(page, key, edition.adapt(content, page.url, key))
                for page, key, content in prepared]
    body = contents_list(nav.items, edition) + "\n" + "\n".join(chapters)
    edition_page.content = edition_page.content.replace(f"<p>{MARKER}</p>", body).replace(
        MARKER, body)
    edition_page.toc = TableOfContents(
        [AnchorLink("Inhalt", "inhalt", 2)]
        + [AnchorLink(html.escape(page.title or ""), edition.keys[page.file.src_uri], 2) for page in pages])
    return env
