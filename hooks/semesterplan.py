"""Build hook: session plans for lecturers from docs/daten/semesterplan.yml.

    <!-- semesterplan: semesterkurs -->

A marker like this on a page (docs/semesterplan.md) becomes the plan of that name: for each
session its pages, their learning objectives as the pages state them, links to the pages'
Fallaufgabe and Kontrollfragen where they exist, and what to prepare. Thin glue (hooks/lehrplan.py
reads the data file and the pages and writes the Markdown). The data file is checked on every
build, even if no page shows it: a session naming a page that does not exist fails the build
with `docs/daten/semesterplan.yml:<line>: <German message>`, a marker naming an unknown plan with
`docs/<page>.md:<line>: …`.
"""

from __future__ import annotations

import re
from pathlib import Path

from lehrplan import PlanError, check_pages, parse_plans, render_plan
from markdown_lines import outside_fences
from mkdocs.exceptions import PluginError

DATA = "daten/semesterplan.yml"  # inside docs/
_MARKER = re.compile(r"^[ \t]*<!--[ \t]*semesterplan\b(?P<rest>.*?)-->[ \t]*$", re.I)

_state: dict = {"plans": None, "infos": {}}


def on_config(config):
    _state["plans"], _state["infos"] = None, {}
    return config


def on_files(files, config):
    path = Path(config.docs_dir) / DATA
    if not path.exists():
        return files
    pages = {f.src_uri: f for f in files.documentation_pages()
             if f.src_uri.endswith((".md", ".ipynb"))}
    try:
        plans = parse_plans(path.read_text(encoding="utf-8"))
        infos = check_pages(plans, set(pages), lambda src: pages[src].content_string)
    except PlanError as error:
        raise PluginError(f"docs/{DATA}:{error.line}: {error.message}") from None
    _state["plans"], _state["infos"] = plans, infos
    return files


def on_page_markdown(markdown, page, config, files):
    if "semesterplan" not in markdown:
        return markdown
    lines = markdown.split("\n")
    for number, line in outside_fences(lines):
        match = _MARKER.match(line)
        if match:
            lines[number - 1] = _plan(match["rest"].strip(), page.file.src_uri, number)
    return "\n".join(lines)


def _plan(rest: str, src: str, line: int) -> str:
    plans = _state["plans"]
    name = rest[1:].strip() if rest.startswith(":") else ""
    if not name:
        raise PluginError(f"docs/{src}:{line}: Einen Plan zeigt `<!-- semesterplan: name -->`, "
                          f"wobei „name“ ein Plan aus docs/{DATA} ist.")
    if plans is None:
        raise PluginError(f"docs/{src}:{line}: Die Datei docs/{DATA} mit den Plänen fehlt.")
    if name not in plans:
        known = ", ".join(f"„{n}“" for n in plans)
        raise PluginError(f"docs/{src}:{line}: Einen Plan „{name}“ gibt es in docs/{DATA} "
                          f"nicht. Pläne: {known}.")
    return "\n" + render_plan(plans[name], _state["infos"], src) + "\n"
