"""`make check`: the checks a content author needs, in seconds – strict build, content rules,
bibliography, spelling, URL contract and markdownlint. Every problem is one line,
`docs/<file>:<line>: …` in German where the file is known. Exit 1 on any problem. (`make test` runs these and everything
else: models, browser, accessibility, HTML validity, links, Lighthouse.)"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import bibliography  # noqa: E402
import content_rules  # noqa: E402
import published_urls  # noqa: E402
import spelling  # noqa: E402

SITE = REPO / ".cache" / "check-site"
MARKDOWNLINT = REPO / "node_modules" / ".bin" / "markdownlint-cli2"


def step(title: str):
    print(f"\n== {title}", flush=True)


def build() -> bool:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                           "--site-dir", str(SITE)], cwd=REPO, env=env, text=True,
                          capture_output=True)
    # not --quiet: it drops warnings before the strict-mode counter sees them
    output = "\n".join(line for line in (proc.stdout + proc.stderr).splitlines()
                       if line.strip() and not line.startswith("INFO")
                       and "properdocs" not in line.lower() and "MkDocs 2" not in line)
    if proc.returncode != 0:
        print(output)
    return proc.returncode == 0


def main() -> int:
    started = time.monotonic()
    problems: list[str] = []

    step("Build (streng)")
    if not build():
        print("\nDer Build ist fehlgeschlagen – erst diese Fehler beheben, dann `make check` erneut.")
        return 1
    print("ok")

    step("Inhaltsregeln (Lernziele, Kontrollfragen, Quellen, Anführungszeichen, Fußnoten)")
    found = [str(p) for p in content_rules.check_site(REPO)]
    print("\n".join(found) or "ok")
    problems += found

    step("Quellenverzeichnis (Abrufdaten, doppelte Einträge, Anker der Fußnoten)")
    found = bibliography.check(REPO)
    print("\n".join(found) or "ok")
    problems += found

    step("Rechtschreibung (hunspell de_DE, Wortliste tests/wortliste.txt)")
    if spelling.available():
        pages = {url: SITE / url.strip("/") / "index.html" if url != "/" else SITE / "index.html"
                 for url in (content_rules.url_of(f) for f in content_rules.nav_files()
                             if f.endswith(".md"))}
        sources = {content_rules.url_of(f): REPO / "docs" / f for f in content_rules.nav_files()
                   if f.endswith(".md")}
        found = [str(m) for m in spelling.check({u: p for u, p in pages.items() if p.exists()},
                                                sources)]
        if found:
            found.append("→ Tippfehler korrigieren oder korrekte Fachwörter in tests/wortliste.txt "
                         "aufnehmen (ein Wort je Zeile).")
        print("\n".join(found) or "ok")
        problems += found
    else:
        print("übersprungen: hunspell mit de_DE fehlt (apt-get install hunspell hunspell-de-de)")

    step("Versprochene Adressen (tests/published-urls.txt)")
    pages = published_urls.scan(SITE)
    entries = published_urls.read_list()
    found = published_urls.check(pages, entries)
    new = published_urls.unlisted(pages, entries)
    if new:
        found.append(f"{len(new)} neue Seiten oder Anker fehlen in tests/published-urls.txt – "
                     "`make urls` ausführen: " + ", ".join(new[:5]) + (" …" if len(new) > 5 else ""))
    print("\n".join(found) or "ok")
    problems += found

    step("Markdown-Stil (markdownlint, .markdownlint-cli2.yaml)")
    if MARKDOWNLINT.exists():
        proc = subprocess.run([str(MARKDOWNLINT)], cwd=REPO,
                              capture_output=True, text=True)
        lines = [line for line in (proc.stdout + proc.stderr).splitlines()
                 if line.startswith("docs/")]
        print("\n".join(lines) or "ok")
        problems += lines
    else:
        print("übersprungen: markdownlint fehlt (`make test` installiert die npm-Werkzeuge)")

    seconds = time.monotonic() - started
    if problems:
        print(f"\n{len(problems)} Problem(e) in {seconds:.0f} s. Bitte beheben; Details zu jeder "
              "Meldung in CONTRIBUTING.md.")
        return 1
    print(f"\nAlles in Ordnung ({seconds:.0f} s). Vor dem Pull Request läuft in CI zusätzlich "
          "`make test`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
