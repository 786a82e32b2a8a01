"""Guards for the few places where a hook rewrites HTML that another package emits (Material,
mkdocs-jupyter): each required pattern counts its matches over a build, and the build fails –
in German, naming the hook and the pattern – if one matched nothing. An upgrade that changes
the markup then stops the build instead of silently leaving a fix undone (issue 16)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mkdocs.exceptions import PluginError


@dataclass
class Rewrite:
    hook: str  # e.g. "html_fixes"
    what: str  # German: what the pattern finds, e.g. "Materials Schalter mit autocomplete"
    pattern: re.Pattern
    matches: int = field(default=0)

    def subn(self, repl, text: str) -> str:
        text, count = self.pattern.subn(repl, text)
        self.matches += count
        return text

    def sub(self, repl, text: str) -> str:
        return self.subn(repl, text)


def start(rewrites: list[Rewrite]) -> None:
    """At the start of a build: count from zero (a build that failed before `check` – or a
    test that called a rewrite directly – must not leave matches behind)."""
    for r in rewrites:
        r.matches = 0


def check(rewrites: list[Rewrite], applicable: bool = True) -> None:
    """After a build: every rewrite must have matched at least once (when it applied at all)."""
    missing = [r for r in rewrites if applicable and r.matches == 0]
    for r in rewrites:
        r.matches = 0
    if missing:
        raise PluginError(
            "Eine Anpassung an fremdes HTML hat nichts gefunden – vermutlich hat sich Material "
            "oder mkdocs-jupyter geändert. Prüfen und die Regel in hooks/ anpassen:\n"
            + "\n".join(f"  hooks/{r.hook}.py: {r.what} (Muster {r.pattern.pattern[:60]!r})"
                        for r in missing))
