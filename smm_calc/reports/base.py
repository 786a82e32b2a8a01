"""The Report type and small helpers shared by the reports."""

import math
import re
from dataclasses import dataclass

from ..render.figures import FigureSpec
from ..render.tables import Table


@dataclass(frozen=True)
class Report:
    title: str  # German heading (CLI)
    items: tuple["Table | FigureSpec | str", ...]  # in page order; a str is a German note

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(i for i in self.items if isinstance(i, Table))

    @property
    def figures(self) -> tuple[FigureSpec, ...]:
        return tuple(i for i in self.items if isinstance(i, FigureSpec))

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(i for i in self.items if isinstance(i, str))


def ascii_id(*parts) -> str:
    """A stable ASCII id from numbers and words: ("reichweite", 4.5, "s", 5) → "reichweite-4_5-s-5"."""
    out = []
    for p in parts:
        if isinstance(p, float):
            if math.isinf(p):
                p = "plus"
            elif p.is_integer():
                p = str(int(p))
            else:
                p = repr(p).replace(".", "_")
        out.append(re.sub(r"[^a-z0-9_]+", "-", str(p).lower()).strip("-"))
    return "-".join(x for x in out if x)


def k_label(rng, name: str = "k") -> str:
    """„k = 4–5“, „k = 4,5“ or „k ≥ 40“ for a Range."""
    from ..render.numbers import fmt_decimal

    if rng.is_open:
        return f"{name} ≥ {fmt_decimal(rng.low)}"
    return f"{name} = {rng}"


def stufen_rows(n: int) -> tuple[int, ...]:
    """Table rows: Stufe 1…n (Stufe 0 only when n is 0 – reach there is 0 by definition)."""
    return tuple(range(1, n + 1)) if n > 0 else (0,)


def nice_step(span: float, max_rows: int, steps=(0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 25, 50, 100)) -> float:
    """The smallest step from `steps` that covers `span` in at most `max_rows` steps."""
    for step in steps:
        if span / step <= max_rows:
            return step
    return steps[-1] * math.ceil(span / (steps[-1] * max_rows))
