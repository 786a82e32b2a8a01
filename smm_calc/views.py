"""Views for the site's build hook: raw key/value options from a Markdown block → Markdown + SVG.

Contract with the hook (keep stable): `render_view(options)` returns `Rendered(blocks)`, Markdown
strings and `Figure`s in page order; every mistake raises `InputError` with `.key` set to the
offending key. `KEYS` lists, per view, every allowed key with a short German description.
"""

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from . import reports
from .render.figures import VARIANTS, draw_variants, picture_html, svg_size
from .render.tables import Table, to_markdown
from .usage import UsageData
from .validate import InputError


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


@dataclass(frozen=True)
class _View:
    report: Callable[..., reports.Report]
    keys: dict[str, str]  # view-specific key → German description
    required: tuple[str, ...] = ()
    needs_usage: bool = False  # the report's first argument is the parsed usage data file


_COMMON = {
    "ansicht": "welche Berechnung: szenarien, reichweite, verzweigung, geruecht, bass oder nutzung",
    "darstellung": "tabelle, abbildung oder beides (Standard: beides)",
}

_VIEWS: dict[str, _View] = {
    "szenarien": _View(reports.scenarios_report, {
        "stufen": "Zahl der Weitererzähl-Stufen, 0 bis 50 (Standard: 5)",
        "zielgruppe": "Größe der Zielgruppe; zeigt zusätzlich die Reichweite mit Sättigung (optional)",
    }),
    "reichweite": _View(reports.reach_report, {
        "k": "Personen, denen jede Person weitererzählt: Zahl oder Bereich wie 4–5 oder ≥10 (Pflicht)",
        "faktor": "Faktor für die Empfänger, z. B. ≥10 für Social Media (Standard: 1)",
        "stufen": "Zahl der Weitererzähl-Stufen, 0 bis 50 (Standard: 5)",
        "zielgruppe": "Größe der Zielgruppe (Standard: 100000)",
        "weitererzaehlquote": "Anteil der Informierten, die weitererzählen, 0 bis 1 oder in % (Standard: 1)",
        "startpersonen": "Zahl der Personen, die die Nachricht zuerst haben (Standard: 1)",
    }, required=("k",)),
    "verzweigung": _View(reports.branching_report, {
        "verteilung": "poisson, geometrisch, negbin oder alle (Standard: alle)",
        "dispersion": "Dispersion der negativen Binomialverteilung, größer als 0 (Standard: 0,2)",
        "r_max": "größtes R auf der Achse, größer als 0 und höchstens 20 (Standard: 3)",
    }),
    "geruecht": _View(reports.rumor_report, {
        "modell": "daley-kendall oder maki-thompson (Standard: daley-kendall)",
        "zielgruppe": "Größe der Zielgruppe, mindestens 2 (Standard: 10000)",
    }),
    "bass": _View(reports.bass_report, {
        "p": "Innovationskoeffizient, größer als 0 und höchstens 1 (Standard: 0,03)",
        "q": "Imitationskoeffizient, 0 bis 10 (Standard: 0,38)",
        "jahre": "Zeitraum in Jahren, 1 bis 200 (Standard: 20)",
    }),
    "nutzung": _View(reports.usage_report, {
        "reihe": "Datenreihe aus der Datendatei, z. B. ard-zdf oder pew (Standard: ard-zdf)",
        "messung": "woechentlich, taeglich oder ueberhaupt (Standard: woechentlich)",
        "plattformen": "alle oder eine Liste wie instagram, facebook, tiktok (Standard: alle)",
    }, needs_usage=True),
}

VIEWS: tuple[str, ...] = tuple(_VIEWS)
KEYS: dict[str, dict[str, str]] = {name: {**_COMMON, **v.keys} for name, v in _VIEWS.items()}
DARSTELLUNGEN = ("tabelle", "abbildung", "beides")


def _choices(values) -> str:
    return ", ".join(values)


def _parse_options(options: Mapping[str, str]) -> tuple[str, str, dict[str, str]]:
    opts: dict[str, str] = {}
    for raw_key, value in options.items():
        key = str(raw_key).strip().lower()
        if key in opts:
            raise InputError(f"Der Schlüssel „{key}“ ist doppelt angegeben.", key)
        opts[key] = "" if value is None else str(value).strip()
    if "ansicht" not in opts:
        raise InputError(f"Es fehlt „ansicht“; möglich sind: {_choices(VIEWS)}.", "ansicht")
    view = opts.pop("ansicht").lower()
    if view not in _VIEWS:
        raise InputError(
            f"Unbekannte Ansicht „{view}“; möglich sind: {_choices(VIEWS)}.", "ansicht")
    mode = opts.pop("darstellung", "beides").lower()
    if mode not in DARSTELLUNGEN:
        raise InputError(
            f"darstellung muss „tabelle“, „abbildung“ oder „beides“ sein, nicht „{mode}“.",
            "darstellung")
    allowed = KEYS[view]
    for key in opts:
        if key not in allowed:
            raise InputError(
                f"Unbekannter Schlüssel „{key}“ für die Ansicht „{view}“; erlaubt sind: "
                f"{_choices(allowed)}.", key)
    for key in _VIEWS[view].required:
        if key not in opts:
            raise InputError(f"Für die Ansicht „{view}“ fehlt der Schlüssel „{key}“.", key)
    return view, mode, opts


def render_view(options: Mapping[str, str], *, nutzung: "UsageData | None" = None) -> Rendered:
    """Compute and render one view; raises InputError (with `.key`) for any bad option.

    `nutzung` is the parsed usage data file (`smm_calc.usage.parse_usage`), needed only by the
    view „nutzung“; the caller reads the file (the site's hook passes it).
    """
    view, mode, opts = _parse_options(options)
    spec = _VIEWS[view]
    if spec.needs_usage:
        if nutzung is None:
            raise InputError(f"Für die Ansicht „{view}“ fehlen die Nutzungsdaten (die Datendatei "
                             "docs/daten/social-media-nutzung.csv).", "ansicht")
        report = spec.report(nutzung, **opts)
    else:
        report = spec.report(**opts)
    if mode == "abbildung" and not report.figures:
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
