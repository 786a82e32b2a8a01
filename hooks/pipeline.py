"""The order of the build hooks and what they hand each other, in one place (issue 16).

MkDocs calls the hooks of mkdocs.yml in the order listed there, event by event. A few depend on
one another; this module states those dependencies, and `on_config` fails the build with a German
message naming mkdocs.yml when the list breaks one – so a reordering in a pull request cannot
silently change the output. Hooks hand data on only through `page.meta` under the keys below
(the templates in overrides/ read them too); everything else a hook keeps is its own.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

# page.meta keys written by one hook for later hooks and the templates
STAND = "zuletzt_aktualisiert"  # page_meta: date of the page's last change („Stand“)
ONLINE_URL = "online_url"  # page_meta: the page's address on the living site
CITATION = "zitiervorschlag_text"  # page_meta writes, fassungen rewrites for an edition
EARLIER_EDITIONS = "fruehere_fassungen"  # fassungen: links to this page in earlier editions

FIRST = "build_errors"  # its German hints must be in place before any other hook can warn
# Last, in this order: minify-html rewrites the finished page (the regex rewrites of html_fixes,
# notebook_assets and suche expect the theme's own markup, so they run before it), and the CSP
# hashes the inline scripts of the page exactly as it is written.
LAST = ("html_minify", "csp")
AFTER = {  # hook → {hook that must run before it: why}
    "fassungen": {"page_meta": f"rewrites the citation ({CITATION}) page_meta writes"},
    "gesamtausgabe": {"page_meta": f"prints each chapter's {STAND} and {ONLINE_URL}"},
    "themenkarte": {"gesamtausgabe": "drops map placeholders the print edition copied (on_env)"},
}


def order_problems(hooks: list[str]) -> list[str]:
    """German descriptions of every broken rule for hooks listed in this order (file stems).
    Rules about hooks that are not listed do not apply (test sites use a few hooks)."""
    position = {name: i for i, name in enumerate(hooks)}
    problems = []
    if FIRST in position and position[FIRST] != 0:
        problems.append(f"„{FIRST}“ muss als erster Hook stehen.")
    present = [name for name in LAST if name in position]
    if present and hooks[len(hooks) - len(present):] != present:
        problems.append(f"Die letzten Hooks müssen in dieser Reihenfolge {', '.join(present)} "
                        f"sein (jetzt: {', '.join(hooks[-len(present):])}).")
    for hook, before in AFTER.items():
        for earlier, why in before.items():
            if hook in position and earlier in position and position[earlier] > position[hook]:
                problems.append(f"„{earlier}“ muss vor „{hook}“ stehen ({hook} {why}).")
    return problems


def on_config(config):
    names = [Path(name).stem for name in config["hooks"]]
    problems = order_problems(names)
    if problems:
        raise PluginError("mkdocs.yml, hooks: Reihenfolge verletzt – " + " ".join(problems)
                          + " Die Regeln stehen in hooks/pipeline.py.")
    return config
