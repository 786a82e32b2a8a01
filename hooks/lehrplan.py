"""Session plans for lecturers (hooks/semesterplan.py): the data file, what a plan takes from
its pages, and the plan as Markdown.

The data file (docs/daten/semesterplan.yml) names plans, their sessions and each session's
pages; everything else comes from the pages themselves at build time – the title (first
`# ` heading), the „Lernziele“ box exactly as the page states it, and whether the page has a
`## Fallaufgabe` and `## Kontrollfragen` to link. No MkDocs imports; messages are German, with
the 1-based line of the data file.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field

import yaml
from markdown_lines import LineError, outside_fences
from slugs import slugify  # hooks/slugs.py: the site's one rule for anchors

KEYS = {"anker": "Anker der Sitzung, z. B. sitzung-01",
        "titel": "Titel der Sitzung",
        "seiten": "Liste der Seiten, Pfade relativ zu docs/",
        "vorbereitung": "was vorzubereiten ist"}
_ANCHOR = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_LERNZIELE = re.compile(r'^!!! abstract "Lernziele"\s*$')
_NOTEBOOK_LERNZIELE = re.compile(r"^\*\*Lernziele:\*\*\s*(?P<intro>.*)$")
_H1 = re.compile(r"^# +(?P<title>.+?)\s*(?:\{[^}]*\})?\s*$")
_H2 = re.compile(r"^## +(?P<title>.+?)\s*(?:\{\s*#(?P<id>[\w-]+)[^}]*\})?\s*$")
_ITEM = re.compile(r"^[-*+] +(?P<text>.*)$")
_LINK = re.compile(r"(\]\()(?P<target>[^)\s#]+\.(?:md|ipynb))(?P<rest>[#)\s])")


class PlanError(LineError):
    """A mistake in the data file, with its 1-based line."""


@dataclass
class PageRef:
    path: str  # relative to docs/
    line: int


@dataclass
class Session:
    anchor: str
    title: str
    pages: list[PageRef]
    preparation: str
    line: int


@dataclass
class Lernziele:
    intro: str  # „Nach dieser Seite können Sie …“
    items: list[str]  # Markdown of each objective, as the page writes it


@dataclass
class PageInfo:
    title: str
    lernziele: Lernziele | None
    anchors: dict[str, str] = field(default_factory=dict)  # H2 title → its anchor


# --- the data file -----------------------------------------------------------------------------

def parse_plans(text: str) -> dict[str, list[Session]]:
    """Plans by name; each a list of sessions. Raises PlanError at the offending line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise PlanError(mark.line + 1 if mark else 1,
                        f"Die Datei ist kein gültiges YAML ({error.problem}).") from None
    if root is None:
        raise PlanError(1, "Die Datei ist leer – erwartet werden Pläne mit Sitzungen.")
    plans: dict[str, list[Session]] = {}
    anchors: dict[str, int] = {}
    for key, value in _mapping(root, "Die Datei muss Pläne nennen, z. B. `semesterkurs:` "
                               "mit einer Liste von Sitzungen darunter."):
        name = _scalar(key, "Name eines Plans")
        if name in plans:
            raise PlanError(_line(key), f"Den Plan „{name}“ gibt es doppelt.")
        if not isinstance(value, yaml.SequenceNode) or not value.value:
            raise PlanError(_line(value), f"Unter „{name}:“ steht keine Liste von Sitzungen "
                            "(jede Sitzung beginnt mit „- anker: …“).")
        plans[name] = [_session(node, anchors) for node in value.value]
    return plans


def _session(node, anchors: dict[str, int]) -> Session:
    fields: dict[str, object] = {}
    lines: dict[str, int] = {}
    for key, value in _mapping(node, "Eine Sitzung ist ein Eintrag mit „anker“, „titel“, "
                               "„seiten“ und „vorbereitung“."):
        name = _scalar(key, "Schlüssel")
        if name not in KEYS:
            known = ", ".join(f"„{k}“ ({v})" for k, v in KEYS.items())
            raise PlanError(_line(key), f"Unbekannter Schlüssel „{name}“. Erlaubt sind: {known}.")
        if name in fields:
            raise PlanError(_line(key), f"„{name}“ ist doppelt angegeben.")
        lines[name] = _line(key)
        if name == "seiten":
            if not isinstance(value, yaml.SequenceNode) or not value.value:
                raise PlanError(_line(value), "Unter „seiten:“ steht keine Liste von Seiten "
                                "(je Zeile „- pfad/zur/seite.md“).")
            fields[name] = [PageRef(_scalar(item, "Seite"), _line(item)) for item in value.value]
        else:
            fields[name] = _scalar(value, name)
    for name in KEYS:
        if name not in fields:
            raise PlanError(_line(node), f"Der Sitzung fehlt „{name}“ ({KEYS[name]}).")
    anchor = str(fields["anker"])
    if not _ANCHOR.match(anchor):
        raise PlanError(lines["anker"], f"Der Anker „{anchor}“ darf nur Kleinbuchstaben, Ziffern "
                        "und einzelne Bindestriche enthalten, z. B. „sitzung-01“.")
    if anchor in anchors:
        raise PlanError(lines["anker"], f"Den Anker „{anchor}“ hat schon die Sitzung in Zeile "
                        f"{anchors[anchor]} – Anker müssen eindeutig sein.")
    anchors[anchor] = lines["anker"]
    return Session(anchor=anchor, title=str(fields["titel"]), pages=fields["seiten"],
                   preparation=" ".join(str(fields["vorbereitung"]).split()), line=_line(node))


def _line(node) -> int:
    return node.start_mark.line + 1


def _mapping(node, message: str):
    if not isinstance(node, yaml.MappingNode):
        raise PlanError(_line(node), message)
    return node.value


def _scalar(node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise PlanError(_line(node), f"Hier wird ein Text erwartet ({what}).")
    return str(node.value).strip()


def check_pages(plans: dict[str, list[Session]], paths, read) -> dict[str, PageInfo]:
    """What each named page offers; a page that does not exist or has no learning objectives
    raises PlanError at the line that names it. `paths`: every page (docs-relative),
    `read(path)`: its source text."""
    infos: dict[str, PageInfo] = {}
    for sessions in plans.values():
        for session in sessions:
            for ref in session.pages:
                if ref.path not in paths:
                    raise PlanError(ref.line, f"Die Seite „{ref.path}“ gibt es nicht. Pfade "
                                    "stehen relativ zu docs/, z. B. „promotion/index.md“"
                                    + _closest(ref.path, paths))
                if ref.path not in infos:
                    infos[ref.path] = page_info(ref.path, read(ref.path))
                if infos[ref.path].lernziele is None:
                    raise PlanError(ref.line, f"Die Seite „{ref.path}“ hat keinen Kasten "
                                    "„Lernziele“ – eine Sitzung braucht Seiten mit Lernzielen.")
    return infos


def _closest(path: str, paths) -> str:
    name = posixpath.basename(path)
    same = sorted(p for p in paths if posixpath.basename(p) == name)
    return f"; gemeint ist vielleicht „{same[0]}“." if same else "."


# --- what a page offers ------------------------------------------------------------------------

def page_info(path: str, source: str) -> PageInfo:
    lines = _markdown_lines(path, source)
    title, anchors = None, {}
    for _, line in outside_fences(lines):
        if title is None and (h1 := _H1.match(line)):
            title = h1["title"]
        elif h2 := _H2.match(line):
            anchors[h2["title"]] = h2["id"] or _slug(h2["title"])
    title = title or posixpath.splitext(posixpath.basename(path))[0]
    return PageInfo(title=title, lernziele=_lernziele(lines, path.endswith(".ipynb")),
                    anchors=anchors)


def _markdown_lines(path: str, source: str) -> list[str]:
    if path.endswith(".ipynb"):
        cells = json.loads(source).get("cells", [])
        text = "\n\n".join("".join(c.get("source", "")) for c in cells
                           if c.get("cell_type") == "markdown")
        return text.split("\n")
    match = _FRONT_MATTER.match(source)
    return (source[match.end():] if match else source).split("\n")


def _lernziele(lines: list[str], notebook: bool) -> Lernziele | None:
    """The „Lernziele“ box (`!!! abstract "Lernziele"` and its indented body); in a notebook, the
    paragraph `**Lernziele:** …` and the list after it."""
    for n, line in enumerate(lines):
        if notebook:
            match = _NOTEBOOK_LERNZIELE.match(line)
            if not match:
                continue
            body = [match["intro"]]
            for following in lines[n + 1:]:
                if not following.strip() and any(_ITEM.match(b) for b in body):
                    break
                body.append(following)
            return _split(body)
        if _LERNZIELE.match(line):
            body = []
            for following in lines[n + 1:]:
                if following.strip() and not following.startswith("    "):
                    break
                body.append(following[4:])
            return _split(body)
    return None


def _split(body: list[str]) -> Lernziele:
    intro, items = [], []
    for line in body:
        if match := _ITEM.match(line):
            items.append(match["text"].strip())
        elif items and line.strip():
            items[-1] += " " + line.strip()
        elif not items and line.strip():
            intro.append(line.strip())
    return Lernziele(intro=" ".join(intro), items=items)


def _slug(title: str) -> str:
    return slugify(re.sub(r"<[^>]+>", "", title))


# --- the plan as Markdown ----------------------------------------------------------------------

def render_plan(sessions: list[Session], infos: dict[str, PageInfo], plan_page: str) -> str:
    """Markdown for the sessions of one plan, with links relative to `plan_page` (docs-relative)."""
    base = posixpath.dirname(plan_page)

    def link(path: str, anchor: str = "") -> str:
        rel = posixpath.relpath(path, base or ".")
        return f"[{infos[path].title}]({rel}{'#' + anchor if anchor else ''})"

    out = []
    for number, session in enumerate(sessions, 1):
        paths = list(dict.fromkeys(ref.path for ref in session.pages))
        part = [f'<section class="smm-sitzung" markdown>', "",
                f"### Sitzung {number}: {session.title} {{ #{session.anchor} }}", "",
                "**Seiten:** " + " · ".join(link(p) for p in paths), "",
                "**Lernziele**", ""]
        for path in paths:
            goals = infos[path].lernziele
            part += [f"{link(path)} – {goals.intro}", ""]
            part += [f"- {_rebase(item, path, base)}" for item in goals.items] + [""]
        for label, plural, heading in (("Fallaufgabe", "Fallaufgaben", "Fallaufgabe"),
                                       ("Kontrollfragen", "Kontrollfragen", "Kontrollfragen")):
            found = [link(p, infos[p].anchors[heading]) for p in paths if heading in infos[p].anchors]
            if found:
                part += [f"**{plural if len(found) > 1 else label}:** " + " · ".join(found), ""]
        part += [f"**Vorbereitung:** {session.preparation}", "", "</section>", ""]
        out.append("\n".join(part))
    return "\n".join(out)


def _rebase(markdown: str, page: str, base: str) -> str:
    """Relative links of a page's text, made relative to the plan's folder instead."""
    def fix(match):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match["target"]))
        return f"{match[1]}{posixpath.relpath(target, base or '.')}{match['rest']}"

    return _LINK.sub(fix, markdown)
