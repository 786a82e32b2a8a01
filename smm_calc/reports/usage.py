"""Report: survey figures on social-media use (from the data file), per platform and year."""

import math

from .. import validate
from ..render import numbers as nf
from ..render.figures import FigureSpec, Series
from ..render.tables import Column, Table
from ..usage import UsageData
from ..validate import InputError
from .base import Report, ascii_id

# Links in the notes point at files relative to docs/; the site's hook rewrites this prefix
# to a path relative to the page (the CLI or a test may leave it as is).
DOCS_LINK = "@docs/"

SERIES_LABELS = {
    "ard-zdf": "ARD/ZDF-Onlinestudie und ARD/ZDF-Medienstudie",
    "pew": "Pew Research Center",
}
# In Markdown (tables, captions, notes) English names are marked for the German spell check.
SERIES_LABELS_MD = {"pew": '<span lang="en">Pew Research Center</span>'}


def german_date(d) -> str:
    """4. 12. 2026 – the house style of dates in the bibliography."""
    return f"{d.day}. {d.month}. {d.year}"


def _decimals(values) -> int:
    return 0 if all(float(v).is_integer() for v in values) else 1


def usage_report(data: UsageData, *, reihe: str, messung: str, plattformen: str) -> Report:
    series = validate.usage_series(reihe)
    all_series = sorted({r.reihe for r in data.rows})
    if series not in all_series:
        raise InputError(f"Unbekannte Reihe „{series}“; in der Datendatei stehen: "
                         f"{', '.join(all_series)}.", "reihe")
    measure = validate.usage_measure(messung)
    in_series = [r for r in data.rows if r.reihe == series]
    rows = [r for r in in_series if r.messung == measure]
    if not rows:
        have = [m for m in validate.USAGE_MEASURES if any(r.messung == m for r in in_series)]
        raise InputError(f"Die Reihe „{series}“ hat keine Werte mit der Messung „{measure}“; "
                         f"vorhanden: {', '.join(have)}.", "messung")
    available = [p for p in validate.USAGE_PLATFORMS if any(r.plattform == p for r in rows)]
    chosen = validate.usage_platform_list(plattformen, available)
    rows = [r for r in rows if r.plattform in chosen]
    years = sorted({r.jahr for r in rows})
    value = {(r.plattform, r.jahr): r.wert for r in rows}
    decimals = _decimals(r.wert for r in rows)
    population = rows[0].grundgesamtheit
    measure_text = validate.USAGE_MEASURES[measure]
    share_text = f"Anteil, der das Angebot {validate.USAGE_MEASURE_VERBS[measure]}"
    series_text = SERIES_LABELS.get(series, series)
    series_md = SERIES_LABELS_MD.get(series, series_text)
    span = f"{years[0]}" if len(years) == 1 else f"{years[0]} bis {years[-1]}"
    names = [validate.USAGE_PLATFORMS[p] for p in chosen]

    table = Table(
        f"{series_md}: {share_text}, {span} (in % – Grundgesamtheit: {population})",
        (Column("jahr", "Jahr", "text", tuple(str(y) for y in years)),
         *(Column(p, name, "percent",
                  tuple(None if (p, y) not in value else value[p, y] / 100 for y in years),
                  decimals=decimals)
           for p, name in zip(chosen, names))))

    def pct(x: float) -> str:
        return nf.fmt_percent(x / 100, decimals)

    described = []
    for p, name in zip(chosen, names):
        points = sorted((y, v) for (q, y), v in value.items() if q == p)
        (y0, v0), (y1, v1) = points[0], points[-1]
        described.append(f"{name} {pct(v0)} ({y0})" if len(points) == 1
                         else f"{name} von {pct(v0)} ({y0}) auf {pct(v1)} ({y1})")
    top = max(r.wert for r in rows) / 100
    figure = FigureSpec(
        name=ascii_id("nutzung", series, measure, *chosen),
        title=f"Nutzung sozialer Medien: {measure_text}",
        alt=(f"Liniendiagramm, {span}, {series_text}: {share_text}, in Prozent der "
             f"Grundgesamtheit „{population}“. " + "; ".join(described) + "."),
        caption=(f"{series_md}: {share_text}; Grundgesamtheit: {population}; "
                 f"Stand: Erhebung {years[-1]}."),
        xlabel="Jahr der Erhebung", ylabel="Anteil der Grundgesamtheit",
        series=tuple(Series(name, tuple(y for y in years if (p, y) in value),
                            tuple(value[p, y] / 100 for y in years if (p, y) in value))
                     for p, name in zip(chosen, names)),
        x_integer=True, x_format="year", y_format="percent", y_min=0,
        y_max=min(1.0, math.ceil((top + 0.05) * 10) / 10), data=table)

    retrieved = max(r.abgerufen for r in rows)
    notes = [f"Messung: {measure_text}; Grundgesamtheit: {population}. Stand: Erhebung "
             f"{years[-1]}, Quellen abgerufen am {german_date(retrieved)}."]
    remarks = [f"{r.jahr}" + (f", {validate.USAGE_PLATFORMS[r.plattform]}" if len(chosen) > 1 else "")
               + f": {r.anmerkung}"
               for r in sorted(rows, key=lambda r: (r.jahr, chosen.index(r.plattform)))
               if r.anmerkung]
    if remarks:
        notes.append("Hinweise: " + " – ".join(remarks))
    sources: list[str] = []
    for r in sorted(rows, key=lambda r: (r.jahr, chosen.index(r.plattform))):
        if r.quelle not in sources:
            sources.append(r.quelle)
    links = "; ".join(f"[{data.label(k)}]({DOCS_LINK}quellen.md#{k})" for k in sources)
    # Plain link text: a link on a code span fails contrast in the dark scheme.
    notes.append(f"Quellen: {links}. Alle Werte als Datei: "
                 f"[Nutzungsdaten herunterladen]({DOCS_LINK}{data.path}) (CSV).")
    return Report(f"Nutzung sozialer Medien ({series_text}, {measure_text})",
                  (figure, table, *notes))
