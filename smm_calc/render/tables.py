"""Tables as data (columns with a kind) and their forms: Markdown, aligned text, CSV, JSON."""

import csv
import io
from dataclasses import dataclass

from . import numbers as nf

KINDS = ("int", "count", "count_band", "percent", "number", "text")


@dataclass(frozen=True)
class Column:
    key: str  # ASCII id (JSON keys, CSV is German headers)
    header: str  # German header
    kind: str  # one of KINDS
    values: tuple
    decimals: int = 1  # for "percent"; at most this many for "number"

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")

    def cell(self, value) -> str:
        """The value as German text."""
        if value is None:
            return "–"
        if self.kind == "int":
            return nf.fmt_number(value, 0)
        if self.kind == "count":
            return nf.fmt_count(value)
        if self.kind == "count_band":
            return nf.fmt_count_band(*value)
        if self.kind == "percent":
            return nf.fmt_percent(value, self.decimals)
        if self.kind == "number":
            return nf.fmt_number(value, self.decimals, strip=True)
        return str(value)

    @property
    def numeric(self) -> bool:
        return self.kind != "text"


@dataclass(frozen=True)
class Table:
    title: str  # German caption
    columns: tuple[Column, ...]

    def __post_init__(self):
        lengths = {len(c.values) for c in self.columns}
        if len(lengths) > 1:
            raise ValueError("all columns of a table need the same length")

    @property
    def n_rows(self) -> int:
        return len(self.columns[0].values) if self.columns else 0

    def cells(self) -> list[list[str]]:
        return [[c.cell(c.values[i]) for c in self.columns] for i in range(self.n_rows)]


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def to_markdown(table: Table, *, caption: bool = True) -> str:
    """A plain Markdown pipe table, optionally after a one-line German caption."""
    head = "| " + " | ".join(_md_escape(c.header) for c in table.columns) + " |"
    rule = "| " + " | ".join("---:" if c.numeric else "---" for c in table.columns) + " |"
    rows = ["| " + " | ".join(_md_escape(x) for x in row) + " |" for row in table.cells()]
    text = "\n".join([head, rule, *rows])
    return f"**Tabelle:** {table.title}\n\n{text}" if caption else text


def to_text(table: Table) -> str:
    """An aligned plain-text table for the terminal (numbers right-aligned)."""
    cells = table.cells()
    widths = [max([len(c.header)] + [len(row[i]) for row in cells])
              for i, c in enumerate(table.columns)]

    def line(values):
        parts = [v.rjust(w) if c.numeric else v.ljust(w)
                 for v, w, c in zip(values, widths, table.columns)]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([table.title, "", line([c.header for c in table.columns]), rule,
                      *(line(row) for row in cells)])


def _raw(value) -> str:
    return "" if value is None else nf.fmt_raw(value)


def to_csv(table: Table) -> str:
    """CSV for German Excel: „;“ as separator, decimal comma, no thousands separators.

    A band column becomes two columns „… (von)“ and „… (bis)“; an open end stays empty.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    header = []
    for c in table.columns:
        header += [f"{c.header} (von)", f"{c.header} (bis)"] if c.kind == "count_band" else [c.header]
    writer.writerow(header)
    for i in range(table.n_rows):
        row = []
        for c in table.columns:
            v = c.values[i]
            if c.kind == "count_band":
                row += [_raw(v[0]), _raw(v[1])]
            elif c.kind == "text":
                row.append(str(v))
            else:
                row.append(_raw(v))
        writer.writerow(row)
    return out.getvalue()


def to_json_obj(table: Table) -> dict:
    """Plain data with raw numbers; a band is {"von": low, "bis": high or null}."""
    rows = []
    for i in range(table.n_rows):
        row = {}
        for c in table.columns:
            v = c.values[i]
            row[c.key] = {"von": v[0], "bis": v[1]} if c.kind == "count_band" else v
        rows.append(row)
    return {"titel": table.title, "spalten": {c.key: c.header for c in table.columns}, "zeilen": rows}
