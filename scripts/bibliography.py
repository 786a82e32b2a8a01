"""Checks of the bibliography docs/quellen.md on the Markdown source (no build): every web source
has an access date, no work is listed twice (same web address or DOI), and every footnote link
`quellen.md#q-…` in docs/ points to an anchor that exists. Problems are German, one per line,
`docs/<file>:<line>: …`. Used by `make check` (scripts/check.py) and tests/site/test_bibliography.py.

An entry is a paragraph ending in the attribute line `{ #q-name-jahr }`; further anchors of the
same entry are empty spans `<span id="q-alt"></span>` (kept when two entries were merged, so
that old deep links still work). A DOI link (https://doi.org/…) or another persistent identifier
of a published work (Handle, JSTOR stable URL) is not a web page that may change: an entry whose
only addresses are such identifiers needs no access date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

BIBLIOGRAPHY = "quellen.md"
_ANCHOR = re.compile(r"^\{ *#(q-[a-z0-9-]+) *\}\s*$")
_ALIAS = re.compile(r'<span id="(q-[a-z0-9-]+)"></span>')
# <https://…> (autolink) or [text](https://…)
_URL = re.compile(r"<(https?://[^>\s]+)>|\]\((https?://[^)\s]+)\)")
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s>)\]]+)", re.I)
_DOI_HOSTS = {"doi.org", "dx.doi.org"}
# persistent identifiers of published works: (host, path prefix)
_PERSISTENT = {("doi.org", "/"), ("dx.doi.org", "/"), ("hdl.handle.net", "/"),
               ("www.jstor.org", "/stable/"), ("jstor.org", "/stable/")}
# „(abgerufen am 4. 12. 2026)“, also „(beide abgerufen am …)“ or „(abgerufen am …; Hinweis)“
ACCESS_DATE = re.compile(r"abgerufen\s+am\s+(\d{1,2})\.\s+(\d{1,2})\.\s+(\d{4})")  # may wrap
# Footnote links from pages into the bibliography: …quellen.md#q-name-jahr
_CITATION = re.compile(r"\]\((?:[./]*|[^)\s]*/)quellen\.md#(q-[A-Za-z0-9_-]+)\)")


@dataclass
class Entry:
    anchor: str
    line: int  # first line of the paragraph, 1-based
    text: str
    aliases: list[str] = field(default_factory=list)

    @property
    def urls(self) -> list[str]:
        return [a or b for a, b in _URL.findall(self.text)]

    @property
    def web_urls(self) -> list[str]:
        """Addresses that are web pages (everything but persistent identifiers)."""
        return [u for u in self.urls if not _persistent(u)]

    @property
    def dois(self) -> set[str]:
        found = set()
        for url in self.urls:
            if urlsplit(url).hostname in _DOI_HOSTS:
                found.add(unquote(urlsplit(url).path.lstrip("/")).lower())
        for m in _DOI.finditer(self.text):
            if not _inside_url(self.text, m.start()):
                found.add(m[1].rstrip(".,;").lower())
        return found

    @property
    def anchors(self) -> list[str]:
        return [self.anchor, *self.aliases]


def _persistent(url: str) -> bool:
    parts = urlsplit(url)
    return any(parts.hostname == host and parts.path.startswith(prefix)
               for host, prefix in _PERSISTENT)


def _inside_url(text: str, pos: int) -> bool:
    return any(m.start() <= pos < m.end() for m in _URL.finditer(text))


def parse(text: str) -> list[Entry]:
    """Entries of the bibliography in file order."""
    entries, block, start = [], [], 0
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            block = []
            continue
        if not block:
            start = number
        block.append(line)
        m = _ANCHOR.match(line.strip())
        if m:
            body = "\n".join(block[:-1])
            entries.append(Entry(m[1], start, body, _ALIAS.findall(body)))
            block = []
    return entries


def normalized(url: str) -> str:
    """The same page however it is written: http/https, www., case of the host, trailing slash,
    percent-encoding."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = unquote(parts.path).rstrip("/")
    query = f"?{unquote(parts.query)}" if parts.query else ""
    return f"{host}{path}{query}"


def missing_access_dates(entries: list[Entry], where: str) -> list[str]:
    problems = []
    for e in entries:
        if e.web_urls and not ACCESS_DATE.search(e.text):
            problems.append(f"{where}:{e.line}: #{e.anchor}: Webquelle ohne Abrufdatum – nach der "
                            "Adresse „(abgerufen am T. M. JJJJ)“ ergänzen (nur wenn heute "
                            "geprüft; sonst „(abgerufen am …; Inhalt nicht erneut geprüft)“)")
    return problems


def duplicates(entries: list[Entry], where: str) -> list[str]:
    """Two entries naming the same web address or DOI are the same work listed twice."""
    seen: dict[str, Entry] = {}
    problems = []
    for e in entries:
        keys = {("Adresse", normalized(u)) for u in e.web_urls} | {("DOI", d) for d in e.dois}
        for kind, key in sorted(keys):
            first = seen.setdefault(f"{kind}:{key}", e)
            if first is not e:
                problems.append(
                    f"{where}:{e.line}: #{e.anchor} nennt dieselbe {kind} wie #{first.anchor} "
                    f"({where}:{first.line}): {key} – dasselbe Werk zweimal? Einträge "
                    "zusammenführen und den Anker des entfallenen Eintrags als leeres "
                    "<span id=\"q-…\"></span> beim behaltenen erhalten")
    return problems


def dangling_citations(docs: Path, anchors: set[str]) -> list[str]:
    """Links `quellen.md#q-…` in any page under docs/ whose anchor the bibliography lacks."""
    problems = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs.parent).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in _CITATION.finditer(line):
                if m[1] not in anchors:
                    problems.append(f"{rel}:{number}: Verweis auf #{m[1]} – diesen Anker gibt es "
                                    f"im Quellenverzeichnis (docs/{BIBLIOGRAPHY}) nicht")
    return problems


def duplicate_anchors(entries: list[Entry], where: str) -> list[str]:
    seen: dict[str, Entry] = {}
    problems = []
    for e in entries:
        for a in e.anchors:
            first = seen.setdefault(a, e)
            if first is not e:
                problems.append(f"{where}:{e.line}: Anker #{a} gibt es schon in Zeile {first.line}")
    return problems


def check(repo: Path) -> list[str]:
    docs = repo / "docs"
    where = f"docs/{BIBLIOGRAPHY}"
    entries = parse((docs / BIBLIOGRAPHY).read_text(encoding="utf-8"))
    anchors = {a for e in entries for a in e.anchors}
    return (missing_access_dates(entries, where) + duplicates(entries, where)
            + duplicate_anchors(entries, where) + dangling_citations(docs, anchors))


if __name__ == "__main__":
    import sys

    found = check(Path(__file__).resolve().parents[1])
    print("\n".join(found) or "ok")
    sys.exit(1 if found else 0)
