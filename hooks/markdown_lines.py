"""Reading a page's Markdown line by line, for hooks that look for their own markers
(`<!-- themenkarte -->`, `<!-- semesterplan: … -->`) or headings: a marker shown as an example
inside a fenced code block is not a marker. Errors carry the 1-based line, which the hooks turn
into `docs/<file>:<line>: <message>`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


class LineError(ValueError):
    """A mistake in a page or data file, with the 1-based line where it is."""

    def __init__(self, line: int, message: str):
        super().__init__(f"Zeile {line}: {message}")
        self.line = line
        self.message = message


def outside_fences(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(1-based number, line) for every line that is not part of a fenced code block."""
    fence = None
    for number, line in enumerate(lines, 1):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening[1]
            continue
        yield number, line
