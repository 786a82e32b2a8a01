"""Views for the site's build hook: raw key/value options from a Markdown block → Markdown + SVG.

Contract with the hook (keep stable): `render_view(options)` returns `Rendered(blocks)`, Markdown
strings and `Figure`s in page order; every mistake raises `InputError` with `.key` set to the
offending key. `KEYS` lists, per view, every allowed key with a short German description.
Views, keys, parsers and defaults come from the parameter table `smm_calc.params`.
"""

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from . import params, validate
from .render.figures import VARIANTS, draw_variants, picture_html, svg_size
from .render.tables import Table, to_markdown
from .errors import InputError
from .usage import UsageData


# For Jupyter (no site stylesheet): show the variant of JupyterLab's theme (it marks <body>; on
# the site only a wrapper <div> carries the attribute), and the light one elsewhere.
_JUPYTER_STYLE = (
    "<style>body[data-jp-theme-light=true] .smm-abbildung--dunkel,"
    "body[data-jp-theme-light=false] .smm-abbildung--hell,"
    "body:not([data-jp-theme-light]):not([data-md-color-scheme]) .smm-abbildung--dunkel"
    "{display:none}</style>")


@dataclass(frozen=True)
class Figure:
    name: str  # stable ASCII id, e.g. "szenarien-stufen-5" (the hook adds a hash)
    svg: str  # complete SVG document: the wide, light variant (the one for paper)
    alt: str  # German alt text (one or two sentences that state what the figure shows)
    caption: str  # German caption
    data_markdown: str  # the figure's data as a German Markdown table
    # every variant of render.figures.VARIANTS as (name, SVG document), same data and alt text
    variants: tuple[tuple[str, str], ...] = ()

    def variant(self, name: str) -> str:
        return dict(self.variants).get(name, self.svg)

    def html(self, url: Callable[[str], str]) -> str:
        """The figure as HTML: one <picture> per colour scheme (class smm-abbildung--hell or
        --dunkel, the page shows one), each choosing the narrow variant on a narrow screen.
        `url(variant name)` gives the address of a variant. Lazy, so hidden ones load nothing."""
        return picture_html(self.alt, {name: (url(name), svg_size(self.variant(name)))
                                       for name, _, _ in VARIANTS})

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        """Jupyter's `display(figure)`: the variants inline as data: URIs (text: the alt text)."""
        def data_uri(name: str) -> str:
            return ("data:image/svg+xml;base64,"
                    + base64.b64encode(self.variant(name).encode("utf-8")).decode("ascii"))
        return {"text/html": _JUPYTER_STYLE + self.html(data_uri), "text/plain": self.alt}


@dataclass(frozen=True)
class Rendered:
    blocks: tuple["str | Figure", ...]  # Markdown strings and figures, in page order


VIEWS: tuple[str, ...] = tuple(v.name for v in params.VIEWS)
# per view: every allowed key → its German description (from the parameter table)
KEYS: dict[str, dict[str, str]] = {
    v.name: {p.key: p.describe() for p in (*params.COMMON, *v.params)} for v in params.VIEWS}
DARSTELLUNGEN = validate.DARSTELLUNGEN


def _choices(values) -> str:
    return ", ".join(values)


def _parse_options(options: Mapping[str, str]) -> tuple[params.View, str, dict[str, str]]:
    opts: dict[str, str] = {}
    for raw_key, value in options.items():
        key = str(raw_key).strip().lower()
        if key in opts:
            raise InputError(f"Der Schlüssel „{key}“ ist doppelt angegeben.", key)
        opts[key] = "" if value is None else str(value).strip()
    if "ansicht" not in opts:
        raise InputError(f"Es fehlt „ansicht“; möglich sind: {_choices(VIEWS)}.", "ansicht")
    name = opts.pop("ansicht").lower()
    if name not in params.BY_NAME:
        raise InputError(
            f"Unbekannte Ansicht „{name}“; möglich sind: {_choices(VIEWS)}.", "ansicht")
    view = params.BY_NAME[name]
    mode = validate.darstellung(opts.pop("darstellung", "beides"))
    allowed = KEYS[name]
    for key in opts:
        if key not in allowed:
            raise InputError(
                f"Unbekannter Schlüssel „{key}“ für die Ansicht „{name}“; erlaubt sind: "
                f"{_choices(allowed)}.", key)
    return view, mode, opts


def render_view(options: Mapping[str, str], *, nutzung: "UsageData | None" = None) -> Rendered:
    """Compute and render one view; raises InputError (with `.key`) for any bad option.

    `nutzung` is the parsed usage data file (`smm_calc.usage.parse_usage`), needed only by the
    view „nutzung“; the caller reads the file (the site's hook passes it).
    """
    view, mode, opts = _parse_options(options)
    values = view.parse(opts)
    if view.needs_usage and nutzung is None:
        raise InputError(f"Für die Ansicht „{view.name}“ fehlen die Nutzungsdaten (die "
                         "Datendatei docs/daten/social-media-nutzung.csv).", "ansicht")
    report = view.compute(values, nutzung)
    if mode == "abbildung" and not report.figures:  # only with 0 Stufen
        raise InputError("Für eine Abbildung braucht es mindestens eine Weitererzähl-Stufe.",
                         "stufen")
    blocks: list[str | Figure] = []
    for item in report.items:
        if isinstance(item, Table):
            if mode != "abbildung":
                blocks.append(to_markdown(item))
        elif isinstance(item, str):
            blocks.append(item)
        elif mode != "tabelle":
            variants = draw_variants(item)
            blocks.append(Figure(
                name=item.name, svg=variants["breit-hell"], alt=item.alt, caption=item.caption,
                data_markdown=to_markdown(item.data, caption=False) if item.data else "",
                variants=tuple(variants.items())))
    return Rendered(tuple(blocks))
