"""Build errors for content authors (issue 22): MkDocs' own warnings get a German line saying what
to do (with `docs/<file>:<line>` where the line can be found), and `mkdocs serve` shows a broken
build in the browser instead of leaving requests waiting.

MkDocs logs its warnings in English through the `mkdocs` logger; a logging filter on that logger's
handlers appends the hint (the warning counter of `--strict` still counts the record once). When a
rebuild under `mkdocs serve` fails, every page of the served site becomes a German error page
with the messages; the live-reload script is injected into it as into any page, so the browser
reloads by itself when the next build works.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

# (pattern on the English message, German hint). `{file}` is the page, `{target}` the link.
HINTS = [
    (re.compile(r"Doc file '(?P<file>[^']+)' contains a link '(?P<target>[^']+)', but the doc "
                r"'[^']+' does not contain an anchor '#(?P<anchor>[^']+)'"),
     "Hinweis: Auf der Zielseite gibt es den Anker „#{anchor}“ nicht. Anker entstehen aus der "
     "Überschrift (klein, ä → ae, ß → ss, Leerzeichen → -); die Anker jeder Seite stehen in "
     "tests/published-urls.txt. Link in {where} anpassen."),
    (re.compile(r"Doc file '(?P<file>[^']+)' contains a link '(?P<target>[^']+)', but the "
                r"target.* is not found among documentation files"),
     "Hinweis: Die verlinkte Datei gibt es nicht. Pfad in {where} relativ zur Datei angeben, "
     "mit Endung .md – z. B. [Kennzahlen](kennzahlen.md) oder [Quellen](../../../quellen.md)."),
    (re.compile(r"Doc file '(?P<file>[^']+)' contains an unrecognized relative link '(?P<target>[^']+)'"),
     "Hinweis: Links auf Seiten enden auf .md (nicht auf / oder .html), z. B. "
     "[Recht](recht.md#anker). Link in {where} anpassen."),
    (re.compile(r"Doc file '(?P<file>[^']+)' contains an absolute link '(?P<target>[^']+)'"),
     "Hinweis: Innerhalb der Wissensbasis relativ verlinken (…/seite.md statt /seite/), sonst "
     "bricht der Link im Offline-Paket und in Fassungen. Link in {where} anpassen."),
    (re.compile(r"The following pages exist in the docs directory, but are not included in the "
                r"\"nav\" configuration"),
     "Hinweis: Jede Seite muss in mkdocs.yml unter nav: stehen. Neue Seiten legt "
     "`make seite PFAD=… TITEL=\"…\"` an und trägt sie dort ein."),
    (re.compile(r"A reference to '(?P<target>[^']+)' is included in the 'nav' configuration, "
                r"which is not found"),
     "Hinweis: mkdocs.yml nennt unter nav: die Datei „{target}“, die es unter docs/ nicht gibt – "
     "Tippfehler im Pfad? Pfade stehen relativ zu docs/."),
    (re.compile(r"Aborted with (?P<n>\d+) warnings? in strict mode"),
     "Abgebrochen: Der Build ist streng (strict) – jede Warnung oben ist ein Fehler. Die Zeilen "
     "„Hinweis:“ sagen, was zu tun ist."),
]

_MARK = "smm_german_hints"


def _where(docs_dir: str, file: str, target: str) -> str:
    """`docs/<file>:<line>` of the first line that links to `target`, else `docs/<file>`."""
    path = Path(docs_dir) / file
    rel = f"docs/{file}"
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if f"]({target}" in line or f'="{target}' in line or f"]: {target}" in line:
                return f"{rel}:{number}"
    except OSError:
        pass
    return rel


def german_hint(message: str, docs_dir: str = "docs") -> str | None:
    for pattern, hint in HINTS:
        match = pattern.search(message)
        if match:
            fields = match.groupdict()
            where = _where(docs_dir, fields["file"], fields.get("target", "")) \
                if "file" in fields else "docs/"
            return hint.format(where=where, **fields)
    return None


class _GermanHints(logging.Filter):
    docs_dir = "docs"

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING and not getattr(record, _MARK, False):
            message = record.getMessage()
            hint = german_hint(message, self.docs_dir)
            if hint:
                record.msg, record.args = f"{message}\n  {hint}", ()
            setattr(record, _MARK, True)
        return True


_FILTER = _GermanHints()
_failures: list[str] = []  # messages of the build in progress, for the serve error page


class _Collect(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            _failures.append(record.getMessage())


_COLLECT = _Collect()
_COLLECT.addFilter(_FILTER)


def _install() -> None:
    logger = logging.getLogger("mkdocs")
    for handler in logger.handlers:
        if not any(isinstance(f, _GermanHints) for f in handler.filters):
            handler.addFilter(_FILTER)
    if _COLLECT not in logger.handlers:
        logger.addHandler(_COLLECT)


def on_startup(command, dirty):
    _install()


def on_config(config):
    _FILTER.docs_dir = config.docs_dir
    _install()  # MkDocs may add its handlers after on_startup
    _failures.clear()


def on_serve(server, config, builder):
    """Wrap the live-reload server's builder: a failed rebuild shows an error page."""
    original = server.builder
    site_dir = Path(config.site_dir)

    def guarded_build():
        _failures.clear()
        try:
            original()
        except BaseException as error:  # Abort is a SystemExit subclass (click)
            if isinstance(error, KeyboardInterrupt):
                raise
            messages = [*_failures, str(error), german_hint(str(error)) or ""]
            logging.getLogger("mkdocs").error("Build fehlgeschlagen – die Seite im Browser zeigt "
                                             "den Fehler, bis ein Build wieder gelingt.")
            _show_error_page(site_dir, messages)

    server.builder = guarded_build
    return server


def error_page(messages: list[str]) -> str:
    items = "\n".join(f"<li><pre>{html.escape(m)}</pre></li>" for m in messages if m.strip())
    return f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Build fehlgeschlagen</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
pre{{white-space:pre-wrap;background:#fff3f3;border-left:4px solid #b00020;padding:.5rem}}</style>
</head><body><main>
<h1>Build fehlgeschlagen</h1>
<p>Die Seite konnte nicht gebaut werden. Beheben Sie die folgenden Fehler (Datei und Zeile stehen
jeweils vorn) und speichern Sie: Diese Seite lädt sich dann von selbst neu.</p>
<ol>
{items}
</ol>
</main></body></html>
"""


def _show_error_page(site_dir: Path, messages: list[str]) -> None:
    page = error_page(messages)
    site_dir.mkdir(parents=True, exist_ok=True)
    pages = list(site_dir.rglob("*.html")) or [site_dir / "index.html"]
    for path in pages:
        path.write_text(page, encoding="utf-8")
    (site_dir / "404.html").write_text(page, encoding="utf-8")
