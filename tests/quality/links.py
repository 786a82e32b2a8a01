"""Link check of a built site, without any network access.

Every internal link, image, script, stylesheet and anchor (`#id`) in every HTML file must point
at a file (and id) in the build; URLs under the site's own address (canonical links, sitemap)
count as internal. External links are only collected, never fetched.

    python tests/quality/links.py site [SITE_URL]   # prints problems and the external links
"""

from __future__ import annotations

import posixpath
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINK_ATTRS = {"href", "src", "srcset", "poster", "data", "xlink:href", "action"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
IGNORED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:", "about:")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, int]] = []  # (tag, url, line)

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in LINK_ATTRS:
                if name == "srcset":
                    for candidate in value.split(","):
                        if candidate.strip():
                            self.links.append((tag, candidate.split()[0], line))
                else:
                    self.links.append((tag, value, line))

    handle_startendtag = handle_starttag


@dataclass
class Parsed:
    ids: set[str]
    links: list[tuple[str, str, int]]


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    checked: int = 0

    def external_markdown(self) -> str:
        lines = [f"# Externe Links ({len(self.external)}; nicht abgerufen)", ""]
        for url in sorted(self.external):
            pages = sorted(self.external[url])
            pages = ", ".join(pages) if len(pages) <= 3 else f"{len(pages)} Seiten"
            lines.append(f"- <{url}> – auf {pages}")
        return "\n".join(lines) + "\n"


class SiteLinks:
    def __init__(self, site_dir: Path, site_url: str = ""):
        self.root = Path(site_dir)
        parts = urlsplit(site_url or "")
        self.site_prefix = f"{parts.scheme}://{parts.netloc}" if parts.netloc else None
        self.base_path = (parts.path or "/").rstrip("/") + "/"
        self._parsed: dict[Path, Parsed] = {}

    # -- files -------------------------------------------------------------------------------
    def parse(self, path: Path) -> Parsed:
        if path not in self._parsed:
            collector = _Collector()
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix == ".css":
                links = [("css", m[2], text.count("\n", 0, m.start()) + 1)
                         for m in _CSS_URL.finditer(text)]
                self._parsed[path] = Parsed(set(), links)
            else:
                collector.feed(text)
                self._parsed[path] = Parsed(collector.ids, collector.links)
        return self._parsed[path]

    def page_url(self, path: Path) -> str:
        rel = path.relative_to(self.root).as_posix()
        return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)

    def target_file(self, site_path: str) -> Path | None:
        """The file a site path (starting with /) is served from, or None."""
        rel = posixpath.normpath(unquote(site_path)).lstrip("/")
        if rel.startswith(".."):
            return None
        candidate = self.root / rel if rel not in ("", ".") else self.root
        if candidate.is_dir():
            if not site_path.endswith("/") and site_path not in ("", "/"):
                return None  # a static host would redirect; links should end in /
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    # -- checking ------------------------------------------------------------------------------
    def check(self, files: list[Path] | None = None) -> Report:
        report = Report()
        if files is None:
            files = sorted(self.root.rglob("*.html")) + sorted(self.root.rglob("*.css"))
        for path in files:
            page = self.page_url(path)
            for tag, raw, line in self.parse(path).links:
                report.checked += 1
                problem = self.check_link(path, page, tag, raw.strip(), report)
                if problem:
                    report.problems.append(f"{page} (Zeile {line}, <{tag}>): {raw} – {problem}")
        self._check_sitemap(report)
        return report

    def check_link(self, path: Path, page: str, tag: str, url: str, report: Report) -> str | None:
        if not url or url.lower().startswith(IGNORED_SCHEMES):
            return None
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            absolute = urljoin("https:", url) if url.startswith("//") else url
            if self.site_prefix and absolute.startswith(self.site_prefix + self.base_path):
                site_path = "/" + absolute[len(self.site_prefix + self.base_path):]
                site_path = urlsplit(site_path).path
            elif parts.scheme in ("http", "https", ""):
                report.external[absolute].add(page)
                return None
            else:
                return f"unbekanntes Schema „{parts.scheme}:“"
        elif url.startswith("#"):
            site_path = None
        else:
            # resolved like a browser does (dot segments removed); absolute paths (404.html)
            # are relative to the site's base path
            resolved = urlsplit(urljoin("http://site" + self.base_path + page.lstrip("/"),
                                        parts.path)).path
            if not resolved.startswith(self.base_path):
                return f"Pfad außerhalb der Website ({self.base_path})"
            site_path = "/" + resolved[len(self.base_path):]
        if site_path is None:
            target = path
        else:
            target = self.target_file(site_path)
            if target is None:
                return "Ziel gibt es nicht (Datei fehlt oder Pfad ohne abschließendes /)"
        fragment = unquote(parts.fragment)
        if tag in ("img", "source") and fragment in ("only-light", "only-dark"):
            fragment = ""  # Material's convention: which colour scheme shows the image, not an anchor
        if (fragment and target.suffix in (".html", ".svg")
                and fragment not in self.parse(target).ids):
            return f"Anker #{fragment} fehlt in {self.page_url(target)}"
        return None

    def _check_sitemap(self, report: Report):
        sitemap = self.root / "sitemap.xml"
        if not sitemap.exists():
            return
        for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8")):
            report.checked += 1
            problem = self.check_link(sitemap, "/sitemap.xml", "loc", loc, report)
            if problem:
                report.problems.append(f"/sitemap.xml: {loc} – {problem}")


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    result = SiteLinks(site, sys.argv[2] if len(sys.argv) > 2 else "").check()
    print("\n".join(result.problems) or f"{result.checked} Verweise geprüft, alle gültig.")
    print()
    print(result.external_markdown())
    sys.exit(1 if result.problems else 0)
