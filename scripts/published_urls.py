"""The URL contract: every published page path and heading anchor stays reachable (issue 8).

tests/published-urls.txt lists one address per line – `/promotion/` for a page,
`/promotion/#kommunikationsmix` for a heading anchor. Lecturers link to them, so none may
disappear: a page that moves gets a redirect (mkdocs-redirects, `plugins → redirects →
redirect_maps` in mkdocs.yml), a renamed heading keeps its old id (`## Neu { #alter-anker }`).

    make urls                                  # build, then add new addresses to the list
    python scripts/published_urls.py --site DIR   # use an existing build of the site
    python scripts/published_urls.py --pruefen    # only check, change nothing

The script only ever adds lines. Taking an address out of the list is a deliberate edit by
hand. tests/site/test_urls.py runs the same checks against the test session's build.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

REPO = Path(__file__).resolve().parents[1]
LIST = REPO / "tests" / "published-urls.txt"
# Pages whose headings are not promised one by one (generated from the other pages).
NO_ANCHORS = {"/gesamtausgabe/"}
HEADER = """\
# Versprochene Adressen: jede veröffentlichte Seite und jeder Überschriften-Anker.
# Lehrende verlinken sie; tests/site/test_urls.py prüft, dass keine verschwindet.
# Neue Seiten und Überschriften: `make urls` ausführen (fügt hinzu, entfernt nie).
# Seite verschoben oder umbenannt: Weiterleitung in mkdocs.yml (plugins → redirects →
# redirect_maps). Überschrift umbenannt: alten Anker behalten – `## Neuer Titel { #alter-anker }`.
"""
_REFRESH = re.compile(r"^\s*\d+\s*;\s*url=(.+)$", re.I)


@dataclass
class PageInfo:
    ids: set[str] = field(default_factory=set)
    headings: list[str] = field(default_factory=list)  # h2–h6 ids in the article, in order
    redirect: str | None = None  # target of a redirect stub, relative to the page


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.info = PageInfo()
        self._article = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self._article += 1
        if attrs.get("id"):
            self.info.ids.add(attrs["id"])
            if self._article and tag in ("h2", "h3", "h4", "h5", "h6"):
                self.info.headings.append(attrs["id"])
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH.match(attrs.get("content") or "")
            if match:
                self.info.redirect = match[1].strip().strip("'\"")

    def handle_endtag(self, tag):
        if tag == "article" and self._article:
            self._article -= 1


def scan_page(path: Path) -> PageInfo:
    scanner = _Scanner()
    scanner.feed(path.read_text(encoding="utf-8", errors="replace"))
    return scanner.info


def scan(site_dir: Path) -> dict[str, PageInfo]:
    """Every page of a built site (directory URLs) by path: '/', '/promotion/', …"""
    pages = {}
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        if rel.split("/")[0] in ("assets", "search"):
            continue
        pages["/" if rel == "." else f"/{rel}/"] = scan_page(path)
    return pages


def resolve(pages: dict[str, PageInfo], path: str) -> tuple[str | None, list[str]]:
    """Follow redirect stubs from `path`; (final page path or None, the chain walked)."""
    chain = [path]
    while path in pages and pages[path].redirect and len(chain) < 10:
        target = urlsplit(urljoin("http://site" + path, pages[path].redirect))
        if target.netloc != "site":
            return None, chain  # redirect to another site: nothing to check here
        path = posixpath.normpath(target.path) + ("/" if target.path.endswith("/") else "")
        if path == "//":
            path = "/"
        chain.append(path)
    return (path if path in pages and not pages[path].redirect else None), chain


def published(pages: dict[str, PageInfo]) -> list[str]:
    """The addresses the built site offers now (redirect stubs are not new addresses)."""
    entries = []
    for path, info in pages.items():
        if info.redirect:
            continue
        entries.append(path)
        if path not in NO_ANCHORS:
            entries += [f"{path}#{anchor}" for anchor in info.headings]
    return entries


def read_list(path: Path = LIST) -> list[str]:
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def write_list(entries: list[str], path: Path = LIST) -> None:
    path.write_text(HEADER + "".join(f"{e}\n" for e in sorted(set(entries))), encoding="utf-8")


def check(pages: dict[str, PageInfo], entries: list[str]) -> list[str]:
    """German messages for every listed address that no longer leads anywhere."""
    problems = []
    for entry in entries:
        path, _, anchor = entry.partition("#")
        final, chain = resolve(pages, path)
        if path not in pages:
            problems.append(
                f"{path} ist verschwunden. Seite zurückholen oder in mkdocs.yml unter plugins → "
                f"redirects → redirect_maps eine Weiterleitung eintragen, z. B. "
                f"'{_source_guess(path)}': 'neuer/pfad.md'.")
            continue
        if final is None:
            if len(chain) >= 10 or chain[-1] not in pages:
                problems.append(f"{path} leitet ins Leere weiter ({' → '.join(chain)}). "
                                f"Ziel der Weiterleitung in mkdocs.yml korrigieren.")
            continue
        if anchor and anchor not in pages[final].ids:
            where = final if final == path else f"{final} (Ziel der Weiterleitung von {path})"
            problems.append(
                f"{entry}: der Anker #{anchor} fehlt auf {where}. Wurde die Überschrift umbenannt, "
                f"den alten Anker behalten: `## Neuer Titel {{ #{anchor} }}`.")
    return problems


def unlisted(pages: dict[str, PageInfo], entries: list[str]) -> list[str]:
    listed = set(entries)
    return [e for e in published(pages) if e not in listed]


def _source_guess(path: str) -> str:
    return "index.md" if path == "/" else path.strip("/") + ".md"


def build_site(out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("SMM_OFFLINE", None)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                           "--site-dir", str(out)], cwd=REPO, env=env, text=True,
                          capture_output=True)
    if proc.returncode != 0:
        sys.exit(f"Der Bau der Seite ist fehlgeschlagen:\n{proc.stdout}{proc.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="vorhandener Bau der Seite (sonst wird gebaut)")
    parser.add_argument("--liste", type=Path, default=LIST, help="Datei mit den Adressen")
    parser.add_argument("--pruefen", action="store_true", help="nur prüfen, nichts ändern")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build_site(site)
        pages = scan(site)
    entries = read_list(args.liste)
    problems = check(pages, entries)
    new = unlisted(pages, entries)
    if new and not args.pruefen:
        write_list(entries + new, args.liste)
        print(f"{len(new)} neue Adressen in {args.liste.relative_to(REPO) if args.liste.is_relative_to(REPO) else args.liste} aufgenommen:")
        print("\n".join(f"  + {e}" for e in new))
    elif new:
        print(f"{len(new)} Adressen fehlen in der Liste (`make urls` nimmt sie auf):")
        print("\n".join(f"  + {e}" for e in new))
    if problems:
        print(f"\n{len(problems)} versprochene Adressen führen nirgendwohin:", file=sys.stderr)
        print("\n".join(f"  - {p}" for p in problems), file=sys.stderr)
        return 1
    if not new:
        print(f"Alle {len(entries)} Adressen sind erreichbar; nichts Neues.")
    return 1 if (new and args.pruefen) else 0


if __name__ == "__main__":
    sys.exit(main())
