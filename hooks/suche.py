"""Search with Pagefind behind Material's search UI (issue: search that stays fast at 1,000 pages).

Material's search downloads the whole index (search/search_index.json, ≈ 20 KB per page) and
builds a lunr index in the browser before the first result: at 1,000 pages megabytes and seconds
(bench/FINDINGS.md). Pagefind indexes the built HTML into small chunks; a query loads only the
chunks and result fragments it needs. Material's UI stays (field, result list, keyboard use,
look, highlighting on the target page); only its search worker is replaced by
docs/assets/javascripts/suche-worker.js, which speaks Material's worker protocol and asks Pagefind.

- on_post_page: the page's content is what Pagefind indexes (`data-pagefind-body` on the
  article; pages with `search: exclude: true`, such as the print edition, are left out), and
  Material's configuration points to our worker.
- on_post_build: Pagefind (PyPI `pagefind[bin]`) writes site/pagefind/; its own UI files, which
  the site does not use, are removed, and so are Material's search worker and lunr (no page
  loads them any more); search/search_index.json keeps only the configuration, which Material's
  highlighting on the target page reads (the offline plugin inlines it later). Under
  `mkdocs serve` Pagefind runs in the background, so a saved page is served without waiting for
  the index (its UI files then stay in the temporary site; nothing is published from there).
  A build whose HTML is unchanged takes the index from .cache/pagefind/ (keyed by the HTML).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import re
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.suche")

WORKER = "assets/javascripts/suche-worker.js"
_MATERIAL_WORKER = re.compile(r'("search": ")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')
_ARTICLE = '<article class="md-content__inner md-typeset">'
# not part of what a reader searches for: permalink signs, buttons, the citation box
# [data-search-exclude]: what Material's own search leaves out (e.g. the topic map) stays out
EXCLUDE_SELECTORS = (".headerlink", ".md-content__button", ".md-source-file", "script", "style",
                     "[data-search-exclude]")
# what Pagefind writes that the site does not load (its own UIs, the index of unknown languages)
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
          "wasm.unknown.pagefind")


def _excluded(page) -> bool:
    search = page.meta.get("search") if page and page.meta else None
    return isinstance(search, dict) and bool(search.get("exclude"))


def our_worker(html: str) -> str:
    """Material's configuration with our worker instead of its own (same relative base)."""
    return _MATERIAL_WORKER.sub(lambda m: f'{m[1]}{m[2]}{WORKER}"', html, count=1)


def on_post_template(output_content: str, template_name: str, config) -> str:
    # 404.html is rendered as a theme template, not as a page: searchable from, not indexed
    return our_worker(output_content) if template_name.endswith(".html") else output_content


def on_post_page(output: str, page, config) -> str:
    output = our_worker(output)
    if not _excluded(page):
        output = output.replace(_ARTICLE, _ARTICLE[:-1] + " data-pagefind-body>", 1)
    return output


def pagefind_executable() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError as error:
        raise PluginError("Pagefind fehlt: `pip install -r requirements.lock` installiert "
                          "pagefind[bin] (die Suche der Website).") from error
    return str(get_executable())


def pagefind_command(site_dir: Path) -> list[str]:
    return [pagefind_executable(), "--site", str(site_dir), "--force-language", "de",
            "--exclude-selectors", ", ".join(EXCLUDE_SELECTORS), "--quiet"]


def remove_unused(site_dir: Path):
    for name in UNUSED:
        (site_dir / "pagefind" / name).unlink(missing_ok=True)


def html_fingerprint(site_dir: Path) -> str:
    """What Pagefind's output depends on: its version, our options, every HTML file's path and
    content (hashing the ≈ 3 MB of HTML takes milliseconds; Pagefind takes ≈ 0.7 s CPU)."""
    try:
        version = importlib.metadata.version("pagefind-bin")
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    digest = hashlib.sha256(f"{version}\0{EXCLUDE_SELECTORS}\0{UNUSED}".encode())
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir)
        if rel.parts[0] == "pagefind":
            continue
        digest.update(rel.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def index_site(site_dir: Path, cache_dir: Path | None = None):
    """Pagefind's index into site_dir/pagefind/; taken from `cache_dir` when no HTML changed
    since it was made (a warm build with unchanged content), and stored there otherwise."""
    key = html_fingerprint(site_dir) if cache_dir else None
    cached = cache_dir / key if cache_dir else None
    if cached is not None and cached.is_dir():
        shutil.copytree(cached, site_dir / "pagefind")
        return
    proc = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True)
    if proc.returncode != 0:
        raise PluginError(f"Pagefind konnte den Suchindex nicht erstellen:\n{proc.stdout}\n"
                          f"{proc.stderr}")
    remove_unused(site_dir)
    if cached is not None:
        shutil.rmtree(cache_dir, ignore_errors=True)  # one entry is enough: the current site
        tmp = cache_dir.with_name(cache_dir.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.copytree(site_dir / "pagefind", tmp / key)
        tmp.replace(cache_dir)


_serving = False
_background: subprocess.Popen | None = None


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def index_in_background(site_dir: Path):
    """`mkdocs serve`: the page is served at once, the search index follows a moment later
    (a still running indexer of the previous rebuild is stopped first)."""
    global _background
    if _background is not None and _background.poll() is None:
        _background.terminate()
        _background.wait()
    _background = subprocess.Popen(pagefind_command(site_dir), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)


def config_only_index(site_dir: Path, index_html: bool):
    """search_index.json without documents: Material reads its configuration (separator, for
    highlighting on the target page); the documents are Pagefind's."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    config = {**index.get("config", {}), "pagefind": {"index_html": index_html}}
    path.write_text(json.dumps({"config": config, "docs": []}, ensure_ascii=False,
                               separators=(",", ":")), encoding="utf-8")


def remove_material_search(site_dir: Path):
    """Material's worker and lunr's language files: replaced by Pagefind, loaded by no page."""
    shutil.rmtree(site_dir / "assets" / "javascripts" / "lunr", ignore_errors=True)
    workers = site_dir / "assets" / "javascripts" / "workers"
    for path in workers.glob("search.*"):
        path.unlink()
    if workers.is_dir() and not any(workers.iterdir()):
        workers.rmdir()


def on_post_build(config):
    site_dir = Path(config.site_dir)
    shutil.rmtree(site_dir / "pagefind", ignore_errors=True)
    if _serving:
        index_in_background(site_dir)
    else:
        index_site(site_dir, Path(config.config_file_path).resolve().parent / ".cache" / "pagefind")
    remove_material_search(site_dir)
    config_only_index(site_dir, index_html=not config.use_directory_urls)


def on_shutdown():
    if _background is not None and _background.poll() is None:
        _background.terminate()
        _background.wait()
