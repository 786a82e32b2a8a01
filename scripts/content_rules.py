"""Content rules for every page in the navigation, checked on the Markdown source (issue 22).

Every page listed under `nav:` in mkdocs.yml is a content page and must offer the learning aids
CONTRIBUTING promises – unless it is listed in EXEMPT with a reason. The checker reads the
Markdown with markdown-it-py (so code spans, code blocks and HTML are told apart from running
text) and reports each problem as `docs/<file>.md:<line>: <German message>`:

    python scripts/content_rules.py                # every page under docs/; exit 1 on a problem
    python scripts/content_rules.py --repo DIR     # the same for another copy of the project

Rules: a `description` in the front matter; Lernziele box first; „Das Wichtigste in Kürze“ and a
„Fallaufgabe“ with „Lösungshinweis“; `## Kontrollfragen` last with ≥ 3 questions that have answers; at least
one footnote pointing to /quellen/; at least MIN_WORDS words; no straight double quotes in German
running text; no footnote reference without a definition; no template placeholder ⟨…⟩ left.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
MIN_WORDS = 400

# Pages in nav that are not content pages, each with the reason.
EXEMPT = {
    "index.md": "Startseite: Wegweiser, keine Lerneinheit",
    "glossar.md": "Glossar: wird aus docs/includes/glossar-abkuerzungen.md erzeugt",
    "quellen.md": "Quellenverzeichnis: die Liste, auf die die Fußnoten zeigen",
    "fuer-lehrende.md": "Hinweise für Lehrende: Gebrauchsanleitung, keine Lerneinheit",
    "semesterplan.md": "Semesterplan für Lehrende: Sitzungen aus den Lernzielen der Seiten, keine Lerneinheit",
    "gesamtausgabe.md": "Druckausgabe: Kopie aller Seiten, vom Build erzeugt",
    "fassungen.md": "Liste der eingefrorenen Fassungen: Gebrauchsanleitung für Lehrende",
    "datenschutz.md": "Rechtliches: Datenschutzerklärung",
    "impressum.md": "Rechtliches: Anbieterkennzeichnung",
    "barrierefreiheit.md": "Rechtliches: Erklärung zur Barrierefreiheit nach dem EU-Muster",
}


@dataclass(frozen=True)
class Problem:
    file: str  # path relative to the repository, e.g. docs/promotion/index.md
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml uses !ENV and Python tags; for the nav they do not matter."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_files(config: Path = REPO / "mkdocs.yml") -> list[str]:
    """Every file under `nav:`, relative to docs/, in nav order."""
    nav = yaml.load(config.read_text(encoding="utf-8"), Loader=_IgnoreTags).get("nav") or []
    found: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value) if isinstance(value, list) else found.append(value)

    walk(nav)
    return [f for f in found if isinstance(f, str) and not f.startswith(("http://", "https://"))]


def content_files(config: Path = REPO / "mkdocs.yml") -> list[str]:
    """Pages that must follow the content rules: nav minus notebooks minus EXEMPT."""
    return [f for f in nav_files(config) if f.endswith(".md") and f not in EXEMPT]


def url_of(file: str) -> str:
    """docs-relative Markdown path → site URL path (`a/index.md` → `/a/`, `a/b.md` → `/a/b/`)."""
    stem = file[:-3]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[:-5]
    else:
        stem += "/"
    return "/" + stem.lstrip("/") if stem else "/"


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
# (the title may hold HTML with quoted attributes: `??? question "1. <span lang="en">…</span>?"`)
_ADMONITION = re.compile(r'^(\s*)(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*(?:\s+".*")?\s*$')
_ATTR_LIST = re.compile(r"\{\s*[:#.]?[^{}\n]*\}")
_LANG_OTHER = re.compile(r"""lang\s*=\s*["']?(?!de\b)[a-z]""", re.I)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
# One terminology (CONTRIBUTING, „Sprache“): (pattern, what to write instead). Headings, link texts
# and quotations in another language may keep a name as it is (e.g. the section „Social Media Marketing“).
TERMS = [
    (re.compile(r"\bGefolgschaft\w*"), "„Follower“ (Gefolgschaft ist historisch belastet)"),
    (re.compile(r"\bTausend-Kontakt-Preis\w*"), "„Tausendkontaktpreis (TKP)“"),
    (re.compile(r"\bOnline-Shops?\b"), "„Onlineshop“"),
    (re.compile(r"(?<!„)\bSocial Media Marketing\b(?!-| – Wissensbasis)"), "„Social-Media-Marketing“ (im Fließtext mit Bindestrichen, "
     "wie im Duden; nur der Name der Website und des Abschnitts bleibt ohne)"),
    (re.compile(r"\bSocial Media-\w+"), "durchgekoppelt: „Social-Media-…“"),
]


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table").use(footnote_plugin)
    # Admonition bodies are indented four spaces: they are running text, not code.
    md.disable("code")
    return md


def _prepare(text: str) -> str:
    """Blank out what is syntax, not text, keeping every line in place: front matter and the
    quoted titles of admonitions (`!!! abstract "Lernziele"`)."""
    match = _FRONT_MATTER.match(text)
    if match:
        text = "\n" * match.group(0).count("\n") + text[match.end():]
    lines = []
    for line in text.split("\n"):
        if _ADMONITION.match(line):
            line = ""
        lines.append(line)
    return "\n".join(lines)


def _running_text(tokens):
    """(line, text) for each piece of German running text; skips code, HTML tags, attribute lists
    and spans or emphasis marked with another language."""
    for i, token in enumerate(tokens):
        if token.type != "inline" or not token.map:
            continue
        line = token.map[0] + 1
        skip_depth = 0
        children = token.children or []
        heading = i > 0 and tokens[i - 1].type == "heading_open"
        link_depth = 0
        for i, child in enumerate(children):
            if child.type in ("softbreak", "hardbreak"):
                line += 1
                continue
            if child.type == "html_inline":
                tag = child.content
                if tag.startswith("</"):
                    skip_depth = max(0, skip_depth - 1) if skip_depth else 0
                elif skip_depth or _LANG_OTHER.search(tag):
                    if not tag.endswith("/>"):
                        skip_depth += 1
                continue
            if child.type == "em_open" or child.type == "strong_open":
                # `*Title*{ lang=en }`: the attribute list follows the closing tag
                close = child.type.replace("_open", "_close")
                j = next((k for k in range(i + 1, len(children)) if children[k].type == close), None)
                after = children[j + 1] if j is not None and j + 1 < len(children) else None
                if after is not None and after.type == "text" and after.content.startswith("{") \
                        and _LANG_OTHER.search(after.content.split("}")[0]):
                    skip_depth += 1
                    child.meta["smm_skip"] = True
                continue
            if child.type in ("em_close", "strong_close"):
                opener = next((c for c in reversed(children[:i])
                               if c.type == child.type.replace("_close", "_open")), None)
                if opener is not None and opener.meta.get("smm_skip"):
                    skip_depth = max(0, skip_depth - 1)
                continue
            if child.type in ("link_open", "link_close"):
                link_depth += 1 if child.type == "link_open" else -1
                continue
            if child.type == "text" and not skip_depth:
                yield line, _ATTR_LIST.sub("", child.content), heading or link_depth > 0


def check_text(file: str, text: str, *, content_page: bool = True) -> list[Problem]:
    """All problems of one page's Markdown source."""
    problems: list[Problem] = []
    source = text
    tokens = _parser().parse(_prepare(text), {})
    lines = source.split("\n")
    words = 0
    for line, piece, named in _running_text(tokens):
        words += len(re.findall(r"\w+", piece))
        if not named:
            for pattern, instead in TERMS:
                for found in pattern.findall(piece):
                    problems.append(Problem(file, line, f"Begriff „{found}“ – stattdessen {instead}"))
        if '"' in piece:
            problems.append(Problem(file, line, "gerade Anführungszeichen \" im deutschen Text – "
                                    "typografische verwenden: „…“ (innen ‚…‘)"))
        for ref in _FOOTNOTE_REF.findall(piece):
            problems.append(Problem(file, line, f"Fußnote {ref} ohne Definition – unten auf der "
                                    f"Seite ergänzen: {ref}: Kurzbeleg. – [Quellenverzeichnis](…/quellen.md#q-…)"))
    for number, line in enumerate(lines, 1):
        if "⟨" in line:
            problems.append(Problem(file, number, "Platzhalter ⟨…⟩ noch nicht ausgefüllt"))
    if not content_page:
        return problems
    front = _FRONT_MATTER.match(source)
    if not front or not re.search(r"^description: *\S", front.group(0), re.M):
        problems.append(Problem(file, 1, "Beschreibung fehlt: im Kopf der Seite "
                                "`description: Ein Satz, höchstens 160 Zeichen.` angeben"))

    def first_line(pattern: str) -> int | None:
        return next((n for n, line in enumerate(lines, 1) if re.match(pattern, line)), None)

    h1 = first_line(r"# \S")
    h2s = [(n, line) for n, line in enumerate(lines, 1) if line.startswith("## ")]
    first_admonition = first_line(r"\s*(!!!|\?\?\?)")
    lernziele = first_line(r'!!! abstract "Lernziele"\s*$')
    if lernziele is None or first_admonition != lernziele or (h2s and lernziele > h2s[0][0]):
        problems.append(Problem(file, lernziele or h1 or 1,
                                "Lernziele fehlen: direkt unter der Überschrift ein Kasten "
                                '`!!! abstract "Lernziele"` mit drei bis fünf Zielen'))
    last = h2s[-1] if h2s else None
    if last is None or re.sub(r"\s*\{[^}]*\}\s*$", "", last[1][3:]).strip() != "Kontrollfragen":
        problems.append(Problem(file, last[0] if last else len(lines),
                                "Kontrollfragen fehlen: der letzte Abschnitt muss "
                                "`## Kontrollfragen` sein"))
    else:
        questions = [n for n, line in enumerate(lines, 1)
                     if n > last[0] and re.match(r'\?\?\?\+? question "', line)]
        if len(questions) < 3:
            problems.append(Problem(file, last[0], f"nur {len(questions)} Kontrollfrage(n) – "
                                    'mindestens drei als `??? question "…"` mit Musterantwort'))
        for n in questions:
            body = []
            for line in lines[n:]:
                if line.strip() and not line.startswith("    "):
                    break
                body.append(line.strip())
            if len(" ".join(body).split()) < 5:
                problems.append(Problem(file, n, "Kontrollfrage ohne Musterantwort – die Antwort "
                                        "folgt um vier Leerzeichen eingerückt"))
    headings = [re.sub(r"\s*\{[^}]*\}\s*$", "", line[3:]).strip() for _, line in h2s]
    for title, what in (("Das Wichtigste in Kürze", "drei bis fünf Kernaussagen"),
                        ("Fallaufgabe", "ein Fall zum Anwenden mit `??? tip \"Lösungshinweis\"`")):
        if title not in headings:
            problems.append(Problem(file, last[0] if last else len(lines),
                                    f"„{title}“ fehlt: vor `## Kontrollfragen` einen Abschnitt "
                                    f"`## {title}` einfügen ({what})"))
    if "Fallaufgabe" in headings and not re.search(r'^\?\?\?\+? tip "Lösungshinweis"', source, re.M):
        line = next(n for n, text in h2s if text[3:].strip().startswith("Fallaufgabe"))
        problems.append(Problem(file, line, "Fallaufgabe ohne Lösungshinweis – darunter "
                                '`??? tip "Lösungshinweis"` mit eingerückter Lösungsskizze'))
    if not re.search(r"^\[\^[^\]]+\]:.*quellen\.md#q-", source, re.M):
        problems.append(Problem(file, len(lines), "keine Quellen: mindestens eine Fußnote mit "
                                "Verweis ins Quellenverzeichnis (`– [Quellenverzeichnis](…/quellen.md#q-…)`)"))
    if words < MIN_WORDS:
        problems.append(Problem(file, h1 or 1, f"nur {words} Wörter – eine Fachseite hat in der "
                                f"Regel mindestens {MIN_WORDS}"))
    return problems


def check_file(path: Path, repo: Path = REPO, content_page: bool = True) -> list[Problem]:
    rel = path.resolve().relative_to(repo.resolve()).as_posix()
    return check_text(rel, path.read_text(encoding="utf-8"), content_page=content_page)


def check_site(repo: Path = REPO) -> list[Problem]:
    """Every Markdown page under docs/: the content rules for content pages in nav, the text
    rules (quotes, footnotes) for every page."""
    docs = repo / "docs"
    content = set(content_files(repo / "mkdocs.yml"))
    problems = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if rel.startswith("includes/"):
            continue
        problems += check_file(path, repo, content_page=rel in content)
    return problems


def main(argv: list[str]) -> int:
    repo = Path(argv[argv.index("--repo") + 1]).resolve() if "--repo" in argv else REPO
    problems = check_site(repo)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} Verstoß/Verstöße gegen die Inhaltsregeln (CONTRIBUTING.md, "
              "„Eine Seite bearbeiten“).", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
