"""Figures as data (FigureSpec) and their drawing as a reproducible, accessible SVG.

matplotlib is imported only inside `draw_svg`: importing smm_calc or rendering tables stays fast.
The SVG is byte-identical between runs (fixed hash salt, no date, no creator), has a solid
background (white with dark ink, or – the dark variant – the site's dark page colour with light
ink), Okabe–Ito colours with distinct line styles and markers, German axes (decimal comma) and
`<title>`/`<desc>` with role="img" and aria-labelledby on the root element.

Every figure comes in four variants from the same spec and code (`VARIANTS`): wide for a desktop
column (≈ 690 px) and narrow for a phone (≈ 330 px: legend below, fewer ticks, no text under
11 px at that width), each light and dark. Which one a reader sees is up to the page.
"""

import html
import math
import re
import textwrap
from collections.abc import Mapping
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


@dataclass(frozen=True)
class Palette:
    """Ink and paper of one colour scheme (text ≥ 4.5:1 on `paper`; in DARK also every series
    colour ≥ 3:1, tests/calc/test_views.py)."""

    paper: str
    text: str
    axes: str
    grid: str
    guide: str
    colours: tuple[str, ...]  # the series colours, in the order of STYLES


LIGHT = Palette(paper="#ffffff", text=TEXT, axes="#333333", grid="#d9d9d9", guide=GUIDE,
                colours=tuple(c for c, _, _ in STYLES))
# Material's slate background (hsl(225 15% 14%)); Okabe–Ito's hues, lightened where they would
# fall under 3:1 on it, and light grey for the series that is black on paper.
DARK = Palette(paper="#1e2129", text="#e3e5ea", axes="#b4b8c2", grid="#3a3f4b", guide="#b4b8c2",
               colours=("#56B4E9", "#F5793A", "#2BBF8E", "#E0E0E0", "#CC79A7", "#E69F00"))


@dataclass(frozen=True)
class Layout:
    """Size and type of one variant. Sizes in points, as the SVG's viewBox counts them."""

    width: float  # inches
    height: float
    font: float  # tick labels, axis labels
    title: float
    legend: float
    guide: float
    wrap: int  # characters per line of the title and legend entries (0: no wrapping)
    x_bins: "int | str"  # at most this many x ticks (MaxNLocator; "auto": matplotlib decides)
    log_ticks: int


WIDE = Layout(width=7.2, height=4.4, font=11, title=12, legend=10, guide=9, wrap=0, x_bins="auto",
              log_ticks=9)
NARROW = Layout(width=3.5, height=3.4, font=11, title=12, legend=11, guide=11, wrap=30, x_bins=5,
                log_ticks=5)

# (name, narrow?, dark?) – the variants every figure is drawn in; "breit-hell" is the default.
VARIANTS = (("breit-hell", False, False), ("schmal-hell", True, False),
            ("breit-dunkel", False, True), ("schmal-dunkel", True, True))

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

def draw_svg(spec: FigureSpec, *, narrow: bool = False, dark: bool = False) -> str:
    """The complete SVG document for `spec` (deterministic for equal specs and variant)."""
    import io

    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

    lay, pal = (NARROW if narrow else WIDE), (DARK if dark else LIGHT)

    def wrap(text: str) -> str:
        return "\n".join(textwrap.wrap(text, lay.wrap)) if lay.wrap else text

    rc = {**RC, "svg.hashsalt": f"smm-calc:{spec.name}", "svg.id": spec.name,
          "font.size": lay.font, "axes.titlesize": lay.title, "legend.fontsize": lay.legend,
          "xtick.labelsize": lay.font, "ytick.labelsize": lay.font,
          "text.color": pal.text, "axes.labelcolor": pal.text, "axes.titlecolor": pal.text,
          "axes.edgecolor": pal.axes, "axes.facecolor": pal.paper, "grid.color": pal.grid,
          "xtick.color": pal.axes, "ytick.color": pal.axes, "xtick.labelcolor": pal.text,
          "ytick.labelcolor": pal.text, "figure.facecolor": pal.paper,
          "savefig.facecolor": pal.paper, "savefig.edgecolor": pal.paper}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(lay.width, lay.height))
        ax = fig.add_subplot()
        for i, s in enumerate(spec.series):
            _, style, marker = STYLES[i % len(STYLES)]
            color = pal.colours[i % len(pal.colours)]
            kw = dict(color=color, linestyle=style, marker=marker if s.markers else None)
            ax.plot(s.x, s.y, label=wrap(s.label), **kw)
            if s.y_high is not None:
                ax.plot(s.x, s.y_high, **kw)
                ax.fill_between(s.x, s.y, s.y_high, color=color, alpha=0.15, linewidth=0)
        for g in spec.guides:
            line = ax.axvline if g.axis == "x" else ax.axhline
            line(g.value, color=pal.guide, linestyle=(0, (2, 2)), linewidth=1.2)
            if g.axis == "x":
                ax.annotate(g.label, (g.value, 1), xycoords=("data", "axes fraction"),
                            xytext=(4, -4), textcoords="offset points", va="top", ha="left",
                            fontsize=lay.guide, color=pal.text)
            else:
                ax.annotate(g.label, (0, g.value), xycoords=("axes fraction", "data"),
                            xytext=(4, 3), textcoords="offset points", va="bottom", ha="left",
                            fontsize=lay.guide, color=pal.text)
        if spec.log_y:
            ax.set_yscale("log")
            ax.yaxis.set_major_locator(LogLocator(base=10, numticks=lay.log_ticks))
            ax.yaxis.set_minor_formatter(NullFormatter())
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _AXIS_FORMATS[spec.y_format](v)))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _AXIS_FORMATS[spec.x_format](v)))
        if spec.x_integer:
            ax.xaxis.set_major_locator(MaxNLocator(nbins=lay.x_bins, integer=True))
        elif narrow:
            ax.xaxis.set_major_locator(MaxNLocator(nbins=lay.x_bins))
        if narrow and not spec.log_y:
            ax.yaxis.set_major_locator(MaxNLocator(nbins=5))
        if spec.y_min is not None or spec.y_max is not None:
            ax.set_ylim(spec.y_min, spec.y_max)
        ax.set_title(wrap(spec.title), loc="left")
        ax.set_xlabel(wrap(spec.xlabel))
        ax.set_ylabel(wrap(spec.ylabel))
        if len(spec.series) > 1:
            long_labels = narrow or max(len(s.label) for s in spec.series) > 36
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2 if narrow else -0.16),
                      ncol=1 if long_labels else min(len(spec.series), 2))
        buf = io.StringIO()
        fig.savefig(buf, format="svg", bbox_inches="tight", pad_inches=0.15,
                    metadata={"Date": None, "Creator": None})
    return add_accessibility(buf.getvalue(), spec.name, spec.title, spec.alt)


# LIGHT's colours → DARK's, in the order of Palette's fields (LIGHT's are all distinct)
_TO_DARK = {light.lower(): dark.lower() for light, dark in zip(
    (LIGHT.paper, LIGHT.text, LIGHT.axes, LIGHT.grid, LIGHT.guide, *LIGHT.colours),
    (DARK.paper, DARK.text, DARK.axes, DARK.grid, DARK.guide, *DARK.colours))}
_LIGHT_COLOUR = re.compile("|".join(map(re.escape, _TO_DARK)), re.I)
_IMPLICIT_BLACK = re.compile(r'(<use [^>]*)style="(stroke: #000000;[^"]*)"')  # black series' markers


def to_dark(svg: str) -> str:
    """The dark variant of a light SVG: the same drawing with DARK's colours. Geometry does not
    depend on the palette, so this equals `draw_svg(…, dark=True)` up to the names of
    matplotlib's marker ids (tests/calc/test_render.py) – at half the drawing time.

    matplotlib leaves out `fill` where it is black (SVG's default): the markers of the black
    series (stroke #000000, no fill) are filled black on paper and get DARK's counterpart."""
    svg = _IMPLICIT_BLACK.sub(rf'\1style="fill: {_TO_DARK["#000000"]}; \2"', svg)
    return _LIGHT_COLOUR.sub(lambda m: _TO_DARK[m[0].lower()], svg)


def draw_variants(spec: FigureSpec) -> dict[str, str]:
    """All `VARIANTS` of `spec`: name → SVG document (same data, code and text alternative).
    Each layout is drawn once; its dark variant is the light one recoloured (`to_dark`)."""
    light = {narrow: draw_svg(spec, narrow=narrow) for narrow in {n for _, n, _ in VARIANTS}}
    return {name: to_dark(light[narrow]) if dark else light[narrow]
            for name, narrow, dark in VARIANTS}


_SIZE = re.compile(r'\s(width|height)="([0-9.]+)(pt|px)?"')


def svg_size(svg: str) -> tuple[int, int]:
    """The CSS pixel size an SVG document asks for (matplotlib writes points)."""
    root = _ROOT.search(svg)
    if root is None:
        raise ValueError("no <svg> root element")
    found = {m[1]: float(m[2]) * (4 / 3 if m[3] == "pt" else 1) for m in _SIZE.finditer(root[0])}
    return round(found["width"]), round(found["height"])


# Below this width a page shows the narrow variant: Material's breakpoint under which the content
# column is narrower than the wide variant (≈ 660 px) wants to be. Screen only: paper gets the wide.
NARROW_MEDIA = "screen and (max-width: 44.9375em)"


def picture_html(alt: str, sources: Mapping[str, tuple[str, tuple[int, int]]]) -> str:
    """One <picture> per colour scheme (class smm-abbildung--hell / --dunkel: the page's stylesheet
    shows one), each choosing its narrow variant on a narrow screen. `sources` maps every name of
    `VARIANTS` to (URL, (width, height) in CSS px). Lazy: a picture the reader does not see is
    not downloaded. Both carry the same alt text."""
    alt = html.escape(" ".join(alt.split()), quote=True)
    out = []
    for scheme in ("hell", "dunkel"):
        wide, (ww, wh) = sources[f"breit-{scheme}"]
        narrow, (nw, nh) = sources[f"schmal-{scheme}"]
        out.append(
            f'<picture class="smm-abbildung smm-abbildung--{scheme}">'
            f'<source media="{NARROW_MEDIA}" srcset="{html.escape(narrow, quote=True)}" '
            f'width="{nw}" height="{nh}">'
            f'<img src="{html.escape(wide, quote=True)}" alt="{alt}" width="{ww}" height="{wh}" '
            f'loading="lazy" decoding="async"></picture>')
    return "".join(out)


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
