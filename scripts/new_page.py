"""`make seite PFAD=… TITEL="…"`: a new content page from the template, with the right relative
paths for its depth, entered in the navigation next to its siblings and in the published URLs.

    python scripts/new_page.py promotion/kommunikationsinstrumente/guerilla-marketing "Guerilla-Marketing"

The page's placeholders are marked ⟨…⟩; `make check` names every one left (file:line) until the
page is filled in. Bad input exits with status 2 and a German message; nothing is written then.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import content_rules  # noqa: E402
import published_urls  # noqa: E402

TEMPLATE = """\
---
description: ⟨Ein Satz, höchstens 160 Zeichen, der die Seite beschreibt.⟩
---

# {title}

!!! abstract "Lernziele"

    Nach dieser Seite können Sie …

    - … ⟨erklären, was …⟩,
    - … ⟨an einem Beispiel anwenden, wie …⟩,
    - … ⟨beurteilen, wann …⟩.

⟨Einleitung mit Definition und Beleg.⟩[^beleg]

## ⟨Erster Abschnitt⟩

⟨Text mit Belegen, Beispiel aus Deutschland oder der EU, Querverweisen wie
[Kennzahlen]({root}promotion/kommunikationsinstrumente/social-media-marketing/kennzahlen.md).⟩

## Das Wichtigste in Kürze

- ⟨drei bis fünf Kernaussagen⟩

## Fallaufgabe

⟨Ein realistischer Fall, an dem sich das Gelernte anwenden lässt.⟩

??? tip "Lösungshinweis"

    ⟨Lösungsskizze.⟩

## Kontrollfragen

??? question "1. ⟨Frage, die Wissen abfragt⟩?"

    ⟨Musterantwort in zwei bis fünf Sätzen.⟩

??? question "2. ⟨Frage, die Anwenden verlangt⟩?"

    ⟨Musterantwort.⟩

??? question "3. ⟨Frage, die Vergleichen oder Beurteilen verlangt⟩?"

    ⟨Musterantwort.⟩

[^beleg]: ⟨Autor (Jahr), Seite⟩. – [Quellenverzeichnis]({root}quellen.md)
"""
# Headings of the template that keep their anchors once filled in: promised at once.
FIXED_ANCHORS = ["das-wichtigste-in-kuerze", "fallaufgabe", "kontrollfragen"]


class UsageError(Exception):
    pass


def normalise(path: str) -> str:
    path = path.strip().strip("/")
    path = path.removeprefix("docs/").removesuffix(".md")
    if not path or not re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)*", path):
        raise UsageError(f"PFAD „{path}“ ist ungültig: nur Kleinbuchstaben, Ziffern, Bindestriche "
                         "und / – Umlaute ausschreiben (ae, oe, ue, ss), z. B. "
                         "PFAD=promotion/kommunikationsinstrumente/guerilla-marketing")
    return path + ".md"


def nav_entry_line(config_text: str, rel: str) -> tuple[int, str]:
    """Where the new page goes in nav: after the last sibling in its folder (same indentation)."""
    folder = rel.rsplit("/", 1)[0] + "/" if "/" in rel else ""
    lines = config_text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("nav:"))
    best = None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line and not line.startswith(" "):
            break
        match = re.match(r"(\s*)- (?:[^:]+: )?([\w/.-]+\.(?:md|ipynb))\s*$", line)
        if match and match.group(2).rsplit("/", 1)[0] + "/" == folder and "/" in match.group(2):
            best = (i, match.group(1))
    if best is None:
        raise UsageError(f"In mkdocs.yml steht unter nav: noch keine Seite im Ordner docs/{folder} – "
                         "die Seite bitte von Hand in die Navigation eintragen.")
    return best[0], best[1]


def create(path: str, title: str, repo: Path = REPO) -> Path:
    rel = normalise(path)
    title = title.strip()
    if not title:
        raise UsageError('TITEL fehlt, z. B. TITEL="Guerilla-Marketing"')
    if any(c in title for c in '"<>'):
        raise UsageError("TITEL enthält \" < oder > – bitte typografische Anführungszeichen „…“ "
                         "verwenden und kein HTML")
    page = repo / "docs" / rel
    if page.exists():
        raise UsageError(f"docs/{rel} gibt es schon – anderen PFAD wählen")
    if not page.parent.is_dir():
        raise UsageError(f"Den Ordner docs/{rel.rsplit('/', 1)[0]} gibt es nicht – Tippfehler im PFAD?")
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    index, indent = nav_entry_line(text, rel)
    depth = rel.count("/")
    page.write_text(TEMPLATE.format(title=title, root="../" * depth), encoding="utf-8")
    lines = text.split("\n")
    lines.insert(index + 1, f"{indent}- {rel}")
    config.write_text("\n".join(lines), encoding="utf-8")
    url = content_rules.url_of(rel)
    listed = repo / "tests" / "published-urls.txt"
    entries = published_urls.read_list(listed)
    published_urls.write_list(entries + [url] + [f"{url}#{a}" for a in FIXED_ANCHORS], listed)
    return page


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print('Aufruf: make seite PFAD=ordner/seitenname TITEL="Titel der Seite"', file=sys.stderr)
        return 2
    try:
        page = create(argv[0], argv[1])
    except UsageError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 2
    rel = page.relative_to(REPO).as_posix()
    print(f"Angelegt: {rel} (in mkdocs.yml unter nav: eingetragen, Adresse in "
          "tests/published-urls.txt versprochen).\n"
          f"Nächste Schritte: die Platzhalter ⟨…⟩ in {rel} ausfüllen, Quellen in docs/quellen.md "
          "eintragen, dann `make check` – es nennt jede noch offene Stelle mit Zeile.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
