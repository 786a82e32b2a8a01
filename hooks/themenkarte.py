"""Build hook: the topic map – the navigation of mkdocs.yml as nested lists of links, each page
with the `description` of its front matter. A page added to `nav` is on the map at the next build.

    <!-- themenkarte -->                          on the start page: the whole navigation
    <!-- themenkarte: Social Media Marketing -->  on a section's index page: its branch

Thin glue (the tree, the markers and the HTML are in hooks/themenbaum.py): `on_page_markdown`
checks each marker against the navigation – a section that is not in nav fails the build with
`docs/<page>.md:<line>: <German message>` – and leaves a placeholder; `on_env`, when every page
has its title and front matter, puts the map in its place. The print edition
(hooks/gesamtausgabe.py, whose `on_env` runs first) has its own table of contents: placeholders
copied into it are dropped.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url
from themenbaum import MarkerError, find_branch, parse_markers, render_html, tree_from_nav

_PLACEHOLDER = re.compile(r"(?:<p>)?<!-- smm-themenkarte (?P<owner>\S+) (?P<index>\d+) -->(?:</p>)?")

# At most this many entries on one map: beyond, the deepest levels show page counts (at 50
# entries today the start page's map is 16 KB; 120 keep it well inside the 100-KB page budget).
MAX_ENTRIES = 120

_state: dict = {"nav": None, "maps": {}}  # maps: src_uri → [branch path or None, …]


def on_config(config):
    _state["nav"], _state["maps"] = None, {}
    return config


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def on_page_markdown(markdown, page, config, files):
    if "themenkarte" not in markdown:
        return markdown
    src = page.file.src_uri
    try:
        markers = parse_markers(markdown)
        tree = tree_from_nav(_state["nav"].items) if markers and _state["nav"] else []
        branches = [None if m.branch is None else find_branch(tree, m.branch, m.line)[0]
                    for m in markers]
    except MarkerError as error:
        raise PluginError(f"docs/{src}:{error.line}: {error.message}") from None
    if not markers:
        return markdown
    _state["maps"][src] = branches
    lines = markdown.split("\n")
    for index, marker in enumerate(markers):
        lines[marker.line - 1] = f"\n<!-- smm-themenkarte {src} {index} -->\n"
    return "\n".join(lines)


def on_env(env, config, files):
    nav = _state["nav"]
    if nav is None:
        return env
    tree = tree_from_nav(nav.items)
    for file in files.documentation_pages():
        page = file.page
        if page is None or not page.content or "smm-themenkarte" not in page.content:
            continue
        counter = iter(range(1, 1000))

        def fill(match, page=page, counter=counter):
            owner, index = match["owner"], int(match["index"])
            if owner != page.file.src_uri:  # copied into another page (the print edition)
                return ""
            branch = _state["maps"][owner][index]
            number = next(counter)
            ident = "themenkarte" if number == 1 else f"themenkarte-{number}"
            if branch is None:
                return render_html(tree, label="Themenkarte", ident=ident,
                                   href=lambda node: _href(node, page), current=owner,
                                   max_entries=MAX_ENTRIES)
            _, node = find_branch(tree, " / ".join(branch), 0)
            nodes = node.children if node.src_uri == owner else [node]
            return render_html(nodes, label=f"Themenkarte: {node.title}", ident=ident,
                               href=lambda n: _href(n, page), current=owner,
                               max_entries=MAX_ENTRIES)

        page.content = _PLACEHOLDER.sub(fill, page.content)
    return env


def _href(node, page) -> str:
    if node.src_uri is None:  # a link of the navigation: as written there
        return node.url
    return get_relative_url(node.url, page.url)
