"""The topic tree behind the topic map (hooks/themenkarte.py): the navigation as plain nodes,
the map markers in a page, and the map as nested HTML lists.

No MkDocs imports: `tree_from_nav` reads the navigation by duck typing (sections have
`children`, pages have `file.src_uri`, `url`, `title` and `meta`), so tests can hand it
stand-ins. Messages for authors are German, with the 1-based line of the marker.

Markers, one per line, outside code blocks:

    <!-- themenkarte -->                                  the whole navigation
    <!-- themenkarte: Social Media Marketing -->          the branch of one section
    <!-- themenkarte: Promotion / Kommunikationsinstrumente -->   the same, as a path
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable

from markdown_lines import LineError, outside_fences

_MARKER = re.compile(r"^[ \t]*<!--[ \t]*themenkarte\b(?P<rest>.*?)-->[ \t]*$", re.I)
SEPARATOR = " / "


class MarkerError(LineError):
    """A mistake in a map marker, with the 1-based line of the page where it is."""


@dataclass
class Node:
    title: str
    src_uri: str | None = None  # the page the node links to; None for a section without one
    url: str | None = None  # the page's URL (site-relative, as MkDocs has it) or an external link
    description: str = ""
    children: list[Node] = field(default_factory=list)

    @property
    def is_section(self) -> bool:
        return bool(self.children)


@dataclass
class Marker:
    line: int  # 1-based
    branch: str | None  # None: the whole navigation


def tree_from_nav(items) -> list[Node]:
    """Nodes for MkDocs navigation items. A section whose first child is its index page
    (Material's navigation.indexes) becomes one node that links to that page."""
    nodes = []
    for item in items:
        children = getattr(item, "children", None)
        if children is not None:  # a section
            kids = list(children)
            index = kids[0] if kids and _is_index(kids[0]) else None
            node = Node(title=item.title or "", children=tree_from_nav(kids[1:] if index else kids))
            if index is not None:
                node.src_uri, node.url = index.file.src_uri, index.url
                node.description = _description(index)
            nodes.append(node)
        elif getattr(item, "file", None) is not None:  # a page
            nodes.append(Node(title=item.title or "", src_uri=item.file.src_uri, url=item.url,
                              description=_description(item)))
        elif getattr(item, "url", None):  # a link
            nodes.append(Node(title=item.title or item.url, url=item.url))
    return nodes


def _is_index(item) -> bool:
    file = getattr(item, "file", None)
    return file is not None and (file.src_uri == "index.md" or file.src_uri.endswith("/index.md")
                                 or file.src_uri.endswith("/index.ipynb"))


def _description(page) -> str:
    meta = getattr(page, "meta", None) or {}
    return " ".join(str(meta.get("description") or "").split())


def walk(nodes: list[Node], path: tuple[str, ...] = ()):
    """(path of titles, node) for every node, depth first in navigation order."""
    for node in nodes:
        here = (*path, node.title)
        yield here, node
        yield from walk(node.children, here)


def pages(nodes: list[Node]) -> list[str]:
    """src_uri of every page the nodes link to, in navigation order."""
    return [node.src_uri for _, node in walk(nodes) if node.src_uri]


# --- markers -----------------------------------------------------------------------------------

def parse_markers(markdown: str) -> list[Marker]:
    """The map markers of a page (not those inside fenced code blocks)."""
    found = []
    for number, line in outside_fences(markdown.split("\n")):
        match = _MARKER.match(line)
        if not match:
            continue
        rest = match["rest"].strip()
        if not rest:
            found.append(Marker(number, None))
        elif rest.startswith(":") and rest[1:].strip():
            found.append(Marker(number, " ".join(rest[1:].split())))
        else:
            raise MarkerError(number, f"„{line.strip()}“ ist keine gültige Themenkarte. Richtig "
                              "ist `<!-- themenkarte -->` für die ganze Navigation oder "
                              "`<!-- themenkarte: Abschnitt -->` für einen Zweig, z. B. "
                              "`<!-- themenkarte: Social Media Marketing -->`.")
    return found


def find_branch(nodes: list[Node], name: str, line: int) -> tuple[tuple[str, ...], Node]:
    """The section called `name` (its title, or a path of titles joined by „ / “)."""
    wanted = tuple(part.strip() for part in name.split("/") if part.strip())
    sections = [(path, node) for path, node in walk(nodes) if node.is_section]
    hits = [(path, node) for path, node in sections if path[-len(wanted):] == wanted]
    if len(hits) == 1:
        return hits[0]
    known = ", ".join(f"„{SEPARATOR.join(path)}“" for path, _ in sections)
    if len(hits) > 1:
        options = ", ".join(f"„{SEPARATOR.join(path)}“" for path, _ in hits)
        raise MarkerError(line, f"Den Abschnitt „{name}“ gibt es mehrmals in der Navigation: "
                          f"{options}. Bitte den Pfad angeben.")
    if any(path[-len(wanted):] == wanted for path, node in walk(nodes) if not node.is_section):
        raise MarkerError(line, f"„{name}“ ist eine Seite, kein Abschnitt – eine Themenkarte "
                          f"zeigt den Zweig eines Abschnitts. Abschnitte: {known}.")
    raise MarkerError(line, f"Einen Abschnitt „{name}“ gibt es in der Navigation (mkdocs.yml, "
                      f"nav) nicht. Abschnitte: {known}.")


# --- HTML --------------------------------------------------------------------------------------

def count_pages(node: Node) -> int:
    """Pages under a section (its own index page not counted)."""
    return sum((1 if child.src_uri else 0) + count_pages(child) for child in node.children)


def fitting_depth(nodes: list[Node], max_entries: int) -> int | None:
    """The deepest level (0 = the given nodes) to which the map lists every entry without
    exceeding `max_entries`; None when the whole tree fits. Level 1 is always shown."""
    depths = {}
    for path, _ in walk(nodes):
        depths[len(path) - 1] = depths.get(len(path) - 1, 0) + 1
    total = 0
    for depth in sorted(depths):
        total += depths[depth]
        if total > max_entries:
            return max(depth - 1, 1)
    return None


def render_html(nodes: list[Node], *, label: str, ident: str, href: Callable[[Node], str],
                current: str | None = None, max_entries: int | None = None) -> str:
    """The map as a labelled <nav> with nested lists; `href` gives each linked node's address,
    `current` is the src_uri of the page the map is on (marked with aria-current).

    With `max_entries`, a map that would list more entries stops at the deepest level that
    fits: a section there shows how many pages it holds instead of listing them (a map of a
    thousand pages would outgrow the page budget and slow every search on the page down)."""
    cut = None if max_entries is None else fitting_depth(nodes, max_entries)

    def items(level: list[Node], depth: int) -> str:
        groups = level and all(node.is_section for node in level) and len(level) > 1
        cls = "smm-themenkarte__liste" + (" smm-themenkarte__liste--gruppen" if groups else "")
        out = [f'<ul class="{cls}">']
        for node in level:
            kind = "smm-themenkarte__abschnitt" if node.is_section else "smm-themenkarte__seite"
            out.append(f'<li class="{kind}">')
            title = html.escape(node.title)
            if node.url is not None:
                mark = ' aria-current="page"' if current and node.src_uri == current else ""
                out.append(f'<a class="smm-themenkarte__titel" href="{html.escape(href(node))}"'
                           f"{mark}>{title}</a>")
            else:
                out.append(f'<span class="smm-themenkarte__titel">{title}</span>')
            if node.description:
                out.append(f'\n<span class="smm-themenkarte__text">{html.escape(node.description)}'
                           "</span>")
            if node.children and cut is not None and depth >= cut:
                out.append(_summary(node, href))
            elif node.children:
                out.append(items(node.children, depth + 1))
            out.append("</li>")
        out.append("</ul>")
        return "".join(out)

    heading = f'<p class="smm-themenkarte__kopf" id="{ident}">{html.escape(label)}</p>'
    return (f'<nav class="smm-themenkarte" aria-labelledby="{ident}" data-search-exclude>'
            f"{heading}{items(nodes, 0)}</nav>")


def _first_page(node: Node) -> Node | None:
    return next((n for _, n in walk(node.children) if n.src_uri), None)


def _summary(node: Node, href: Callable[[Node], str]) -> str:
    """A collapsed section: its number of pages, and where to start reading it."""
    count = count_pages(node)
    text = f"{count} Seite" if count == 1 else f"{count} Seiten"
    first = _first_page(node) if node.url is None else None
    if first is not None:
        link = (f'<a href="{html.escape(href(first))}">{html.escape(first.title)}</a>')
        text += f", beginnend mit {link}"
    return f'\n<span class="smm-themenkarte__umfang">({text})</span>'
