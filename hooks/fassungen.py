"""Editions (Fassungen, issue 17): frozen copies of the whole site, one per semester, stored in
the git branch `fassungen` by scripts/fassung.py (`make fassung NAME=2026-ws`).

Two modes:
* Building an edition (SMM_FASSUNG is set by scripts/fassung.py): a banner names the edition and
  links to the living page (overrides/main.html, block `announce`), the citation names the edition
  (its URL is the site_url, so canonical links point to the edition too), and there is no „Seite
  bearbeiten“ link – a frozen text is not edited.
* Building the living site: if the branch `fassungen` (or `origin/fassungen`) exists, every page
  that also exists in an edition links to it („Frühere Fassungen dieser Seite“), and the page with
  the marker `<!-- fassungen -->` lists all editions. Without the branch the build works as before.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from pipeline import CITATION, EARLIER_EDITIONS  # page.meta keys shared with page_meta

MARKER = "<!-- fassungen -->"
BRANCHES = ("fassungen", "origin/fassungen")
LIST_FILE = "fassungen.json"

_state: dict = {"editions": [], "pages": {}}


def label(name: str) -> str:
    """`2026-ws` → „Wintersemester 2026/27“, `2027-ss` → „Sommersemester 2027“."""
    year, term = name.split("-")
    if term == "ws":
        return f"Wintersemester {year}/{str(int(year) + 1)[-2:]}"
    return f"Sommersemester {year}"


def german_date(iso: str) -> str:
    year, month, day = iso[:10].split("-")
    return f"{int(day)}. {int(month)}. {year}"


def _git(root: Path, *args: str) -> str | None:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    return proc.stdout if proc.returncode == 0 else None


def read_editions(root: Path) -> tuple[list[dict], dict[str, list[str]]]:
    """Editions listed in the branch, and for each page URL path the editions that contain it."""
    for branch in BRANCHES:
        listing = _git(root, "show", f"{branch}:{LIST_FILE}")
        if listing is None:
            continue
        editions = json.loads(listing)
        files = _git(root, "ls-tree", "-r", "--name-only", branch) or ""
        pages: dict[str, list[str]] = {}
        for path in files.splitlines():
            edition, _, rest = path.partition("/")
            if rest.endswith("index.html") and any(e["name"] == edition for e in editions):
                url = rest[: -len("index.html")]
                pages.setdefault(url, []).append(edition)
        return editions, pages
    return [], {}


def on_config(config):
    name = os.environ.get("SMM_FASSUNG", "").strip()
    if name:
        config.extra["fassung"] = {
            "name": name,
            "label": label(name),
            "datum": german_date(os.environ.get("SMM_FASSUNG_DATUM", "1970-01-01")),
            "aktuell": os.environ.get("SMM_AKTUELL_URL", ""),
        }
        config.edit_uri = ""  # frozen: no „Seite bearbeiten“
        config.repo_url = None
        _state["editions"], _state["pages"] = [], {}
    else:
        config.extra.pop("fassung", None)
        root = Path(config.config_file_path).resolve().parent
        _state["editions"], _state["pages"] = read_editions(root)
    return config


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, editions_table(_state["editions"], page.url))


def editions_table(editions: list[dict], page_url: str) -> str:
    """HTML, not Markdown: the links lead into the branch's copies, which are no pages of this
    build (MkDocs' link check would reject them)."""
    if not editions:
        return ("*Noch ist keine Fassung eingefroren.* Sobald eine Fassung angelegt ist "
                "(`make fassung NAME=2026-ws`), steht sie hier.")
    up = "../" * page_url.count("/")
    rows = "\n".join(
        f'<tr><td><a href="{up}fassungen/{e["name"]}/">{label(e["name"])}</a></td>'
        f'<td>{german_date(e["datum"])}</td><td><code>{e["commit"][:10]}</code></td></tr>'
        for e in sorted(editions, key=lambda e: e["name"]))
    return ('<table class="smm-fassungen">\n<thead><tr><th>Fassung</th><th>eingefroren am</th>'
            f'<th>Stand der Quellen (Commit)</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>')


def on_page_context(context, page, config, nav):
    """Links to the same page in earlier editions (living site, directory URLs only)."""
    editions = _state["pages"].get(page.url)
    if editions and config.use_directory_urls and "fassung" not in config.extra:
        up = "../" * page.url.count("/")
        page.meta[EARLIER_EDITIONS] = [
            {"label": label(name), "href": f"{up}fassungen/{name}/{page.url}"}
            for name in sorted(editions, reverse=True)]
    return context


def on_env(env, config, files):
    """The citation of an edition page names the edition (after hooks/page_meta.py)."""
    edition = config.extra.get("fassung")
    if edition:
        for file in files.documentation_pages():
            text = file.page and file.page.meta.get(CITATION)
            if text:
                file.page.meta[CITATION] = text.replace(
                    " Stand:", f" Fassung {edition['label']}, Stand:", 1) if " Stand:" in text \
                    else text
    return env
