"""Page weight: a page's own HTML and its first load (HTML + the CSS, JS and images it references).

Only files of the site count (the site loads nothing from other hosts). gzip at level 9, as the
static server of the quality gates (tests/quality/static_server.py) sends text. Images count
whether or not they are lazy-loaded: the figure is what a reader scrolls to. Used by `make bench`
and by tests/site/test_performance_budget.py.
"""

from __future__ import annotations

import gzip
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .result import Row, fmt_kb, fmt_ratio

# page types: URL path on the site
PAGE_TYPES = {
    "Startseite": "/",
    "Instrumentseite": "/promotion/kommunikationsinstrumente/mediawerbung/",
    "SMM-Seite": "/promotion/kommunikationsinstrumente/social-media-marketing/",
    "Rechnerseite": "/promotion/kommunikationsinstrumente/social-media-marketing/reichweitenrechner/",
    "Notebookseite":
        "/promotion/kommunikationsinstrumente/social-media-marketing/reichweite-selbst-rechnen/",
    "neue SMM-Seite": "/promotion/kommunikationsinstrumente/social-media-marketing/social-ads/",
}
HTML_LIMIT = 100_000  # bytes of a page's own HTML (the print edition excepted)
# The bibliography is one list that grows with the site (about 0.5 KB per entry) and is consulted,
# not read: it gets its own ceiling; beyond it, split it into one page per section.
BIBLIOGRAPHY_LIMIT = 250_000
NOTEBOOK_FACTOR = 1.5  # notebook page's first load ≤ 1.5 × the SMM page's
GZIP_TYPES = (".html", ".css", ".js", ".svg", ".json", ".xml", ".txt", ".mjs")


@dataclass(frozen=True)
class Weight:
    html: int
    html_gzip: int
    first_load: int
    first_load_gzip: int
    files: tuple[str, ...]  # site-relative paths of what the first load fetches, the page first


def _gzip_size(path: Path, data: bytes) -> int:
    if path.suffix.lower() in GZIP_TYPES:
        return len(gzip.compress(data, compresslevel=9, mtime=0))
    return len(data)


def page_file(site_dir: Path, url_path: str) -> Path:
    return site_dir / url_path.strip("/") / "index.html" if url_path.strip("/") \
        else site_dir / "index.html"


def referenced_files(site_dir: Path, html_path: Path) -> list[Path]:
    """Local files the page makes the browser fetch on load: stylesheets, scripts, images, icon."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    refs = []
    for tag in soup.find_all(["link", "script", "img"]):
        if tag.name == "link":
            rels = {r.lower() for r in tag.get("rel") or []}
            if not rels & {"stylesheet", "icon", "modulepreload", "preload"}:
                continue
            ref = tag.get("href")
        else:
            ref = tag.get("src")
        if ref:
            refs.append(ref)
    base = html_path.parent.relative_to(site_dir).as_posix()
    found: list[Path] = []
    for ref in refs:
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc or ref.startswith("data:"):
            continue
        rel = unquote(parts.path)
        rel = rel.lstrip("/") if rel.startswith("/") else posixpath.normpath(posixpath.join(base, rel))
        path = site_dir / rel
        if path.is_dir():
            path = path / "index.html"
        if path.is_file() and path not in found:
            found.append(path)
    return found


def page_weight(site_dir: Path, url_path: str) -> Weight:
    html_path = page_file(site_dir, url_path)
    files = [html_path, *referenced_files(site_dir, html_path)]
    sizes = []
    for path in files:
        data = path.read_bytes()
        sizes.append((len(data), _gzip_size(path, data)))
    return Weight(html=sizes[0][0], html_gzip=sizes[0][1], first_load=sum(s[0] for s in sizes),
                  first_load_gzip=sum(s[1] for s in sizes),
                  files=tuple(p.relative_to(site_dir).as_posix() for p in files))


def weight_rows(site_dir: Path) -> tuple[list[Row], dict]:
    weights = {name: page_weight(site_dir, url) for name, url in PAGE_TYPES.items()
               if page_file(site_dir, url).exists()}
    rows = []
    smm = weights.get("SMM-Seite")
    for name, w in weights.items():
        value = (f"HTML {fmt_kb(w.html)} (gzip {fmt_kb(w.html_gzip)}); erster Aufruf "
                 f"{fmt_kb(w.first_load)} (gzip {fmt_kb(w.first_load_gzip)}, {len(w.files)} Dateien)")
        html_ok = w.html <= HTML_LIMIT
        if name == "Notebookseite" and smm is not None:
            ratio = w.first_load / smm.first_load
            rows.append(Row(f"Seitengewicht {name} ({PAGE_TYPES[name]})", value,
                            f"erster Aufruf SMM-Seite {fmt_kb(smm.first_load)}", ratio,
                            f"HTML ≤ {fmt_kb(HTML_LIMIT)}; erster Aufruf ≤ "
                            f"{fmt_ratio(NOTEBOOK_FACTOR)} SMM-Seite",
                            html_ok and ratio <= NOTEBOOK_FACTOR))
        else:
            rows.append(Row(f"Seitengewicht {name} ({PAGE_TYPES[name]})", value,
                            target=f"HTML ≤ {fmt_kb(HTML_LIMIT)}", passed=html_ok))
    biggest = max(((p, p.stat().st_size) for p in site_dir.rglob("*.html")
                   if "gesamtausgabe" not in p.relative_to(site_dir).parts),
                  key=lambda item: item[1], default=None)
    if biggest:
        path, size = biggest
        rows.append(Row("Größte HTML-Datei (ohne Gesamtausgabe)",
                        f"{fmt_kb(size)} ({path.parent.relative_to(site_dir).as_posix() or '/'})",
                        target=f"≤ {fmt_kb(HTML_LIMIT)}", passed=size <= HTML_LIMIT))
    total = sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file())
    rows.append(Row("Website gesamt (alle ausgelieferten Dateien)", fmt_kb(total)))
    return rows, {name: w.__dict__ for name, w in weights.items()}
