"""Figures as data (FigureSpec) and their drawing as a reproducible, accessible SVG.

matplotlib is imported only inside `draw_svg`: importing smm_calc or rendering tables stays fast.
The SVG is byte-identical between runs (fixed hash salt, no date, no creator), has a solid white
background with dark text (legible in the site's light and dark palettes), Okabe–Ito colours with
distinct line styles and markers, German axes (decimal comma) and `<title>`/`<desc>` with
role="img" and aria-labelledby on the root element.
"""

import math
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from . import numbers as nf
from .tables import Table

# Okabe–Ito colours (colour-blind safe), each with its own line style and marker.
STYLES = (
    ("#0072B2", "-", "o"),
    ("#D55E00", "--", "s"),
    ("#009E73", "-.", "^"),
    ("#000000", ":", "D"),
    ("#CC79A7", (0, (5, 1, 1, 1, 1, 1)), "v"),
    ("#E69F00", (0, (1, 1)), "P"),
)
TEXT = "#1a1a1a"
GUIDE = "#555555"

RC = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 11,
    "text.color": TEXT,
    "axes.labelcolor": TEXT,
    "axes.titlecolor": TEXT,
    "axes.edgecolor": "#333333",
    "axes.facecolor": "white",
    "axes.grid": True,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "grid.color": "#d9d9d9",
    "grid.linewidth": 0.6,
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "xtick.labelcolor": TEXT,
    "ytick.labelcolor": TEXT,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "savefig.edgecolor": "white",
    "savefig.transparent": False,
    "legend.frameon": False,
    "legend.fontsize": 10,
    "lines.linewidth": 2.0,
    "lines.markersize": 5,
    "path.simplify": True,
}


@dataclass(frozen=True)
class Series:
    label: str
    x: tuple[float, ...]
    y: tuple[float, ...]
    y_high: tuple[float, ...] | None = None  # a band: filled between y and y_high
    markers: bool = True


@dataclass(frozen=True)
class Guide:
    """A labelled reference line, e.g. the size of the target group."""

    axis: str  # "x" (vertical line) or "y" (horizontal line)
    value: float
    label: str


@dataclass(frozen=True)
class FigureSpec:
    name: str  # stable ASCII id
    title: str
    alt: str
    caption: str
    xlabel: str
    ylabel: str
    series: tuple[Series, ...]
    guides: tuple[Guide, ...] = ()
    log_y: bool = False
    y_format: str = "count"  # "count" | "percent" | "number"
    x_integer: bool = False
    x_format: str = "number"  # "number" | "year" (2025, not 2.025)
    y_min: float | None = None
    y_max: float | None = None
    data: "Table | None" = None  # the figure's data as a table (for a text alternative)


# --- German tick labels -------------------------------------------------------------------------

def axis_count(v: float) -> str:
    """Tick label for people: 0 · 2,5 · 20.000 · 1 Mio. · 2,5 Mrd. · 10¹⁸."""
    if not math.isfinite(v):
        return ""
    av = abs(v)
    if av >= 1e15 or 0 < av < 0.01:
        exponent = math.log10(av)
        if abs(exponent - round(exponent)) < 1e-9 and v > 0:
            return "10" + str(round(exponent)).translate(nf.SUPERSCRIPTS)
        return nf.fmt_power_of_ten(v)
    for size, unit in reversed(nf.UNITS):
        if av >= size:
            return f"{nf.fmt_number(v / size, 2, strip=True)}{nf.NBSP}{unit}"
    return nf.fmt_number(v, 3, strip=True)


def axis_percent(v: float) -> str:
    return f"{nf.fmt_number(100 * v, 1, strip=True)}{nf.NBSP}%"


def axis_number(v: float) -> str:
    return nf.fmt_number(v, 3, strip=True)


def axis_year(v: float) -> str:
    return str(round(v)) if math.isfinite(v) and abs(v - round(v)) < 1e-9 else ""


_AXIS_FORMATS = {"count": axis_count, "percent": axis_percent, "number": axis_number,
                 "year": axis_year}


# --- drawing ------------------------------------------------------------------------------------

def draw_svg(spec: FigureSpec) -> str:
    """The complete SVG document for `spec` (deterministic for equal specs)."""
    import io

    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

    rc = {**RC, "svg.hashsalt": f"smm-calc:{spec.name}", "svg.id": spec.name}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(7.2, 4.4))
        ax = fig.add_subplot()
        for i, s in enumerate(spec.series):
            color, style, marker = STYLES[i % len(STYLES)]
            kw = dict(color=color, linestyle=style, marker=marker if s.markers else None)
            ax.plot(s.x, s.y, label=s.label, **kw)
            if s.y_high is not None:
                ax.plot(s.x, s.y_high, **kw)
                ax.fill_between(s.x, s.y, s.y_high, color=color, alpha=0.15, linewidth=0)
        for g in spec.guides:
            line = ax.axvline if g.axis == "x" else ax.axhline
            line(g.value, color=GUIDE, linestyle=(0, (2, 2)), linewidth=1.2)
            if g.axis == "x":
                ax.annotate(g.label, (g.value, 1), xycoords=("data", "axes fraction"),
                            xytext=(4, -4), textcoords="offset points", va="top", ha="left",
                            fontsize=9, color=TEXT)
            else:
                ax.annotate(g.label, (0, g.value), xycoords=("axes fraction", "data"),
                            xytext=(4, 3), textcoords="offset points", va="bottom", ha="left",
                            fontsize=9, color=TEXT)
        if spec.log_y:
            ax.set_yscale("log")
            ax.yaxis.set_major_locator(LogLocator(base=10, numticks=9))
            ax.yaxis.set_minor_formatter(NullFormatter())
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _AXIS_FORMATS[spec.y_format](v)))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _AXIS_FORMATS[spec.x_format](v)))
        if spec.x_integer:
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        if spec.y_min is not None or spec.y_max is not None:
            ax.set_ylim(spec.y_min, spec.y_max)
        ax.set_title(spec.title, loc="left")
        ax.set_xlabel(spec.xlabel)
        ax.set_ylabel(spec.ylabel)
        if len(spec.series) > 1:
            long_labels = max(len(s.label) for s in spec.series) > 36
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16),
                      ncol=1 if long_labels else min(len(spec.series), 2))
        buf = io.StringIO()
        fig.savefig(buf, format="svg", bbox_inches="tight", pad_inches=0.15,
                    metadata={"Date": None, "Creator": None})
    return add_accessibility(buf.getvalue(), spec.name, spec.title, spec.alt)


_ROOT = re.compile(r"<svg\b[^>]*>")


def add_accessibility(svg: str, name: str, title: str, desc: str) -> str:
    """Add role="img", aria-labelledby and <title>/<desc> right after the root <svg …> tag."""
    m = _ROOT.search(svg)
    if m is None:
        raise ValueError("no <svg> root element")
    title_id, desc_id = f"{name}-titel", f"{name}-beschreibung"
    tag = m.group(0)[:-1].rstrip("/").rstrip()
    tag += f' role="img" aria-labelledby="{title_id} {desc_id}">'
    inner = (f'\n <title id="{title_id}">{escape(title)}</title>'
             f'\n <desc id="{desc_id}">{escape(desc)}</desc>')
    return svg[:m.start()] + tag + inner + svg[m.end():]
