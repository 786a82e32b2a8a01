"""Report: probability that word of mouth dies out by itself (Galton–Watson)."""

from .. import validate
from ..models import extinction_probability
from ..render import numbers as nf
from ..render.figures import FigureSpec, Guide, Series
from ..render.tables import Column, Table
from .base import Report, ascii_id, nice_step

def _label(kind: str, d: float) -> str:
    return {"poisson": "Poisson", "geometric": "geometrisch",
            "negbin": f"negativ-binomial, Dispersion {nf.fmt_decimal(d)}"}[kind]


def branching_report(*, verteilung: str, dispersion: float, r_max: float) -> Report:
    """Extinction probability against R for the chosen offspring distribution(s)."""
    choice = validate.offspring_choice(verteilung)
    kinds = ("poisson", "geometric", "negbin") if choice == "alle" else (choice,)
    d = validate.dispersion(dispersion)
    top = validate.r_max(r_max)

    step = nice_step(top, 12)
    rs = [i * step for i in range(int(top / step + 1e-9) + 1)]
    if rs[-1] < top - 1e-9:
        rs.append(top)
    grid = [top * i / 300 for i in range(301)]
    columns = [Column("r", "R", "number", tuple(rs), 2)]
    series = []
    for kind in kinds:
        label = _label(kind, d)
        columns.append(Column(f"q_{kind}", label, "percent",
                              tuple(extinction_probability(r, kind, d) for r in rs)))
        series.append(Series(label, tuple(grid),
                             tuple(extinction_probability(r, kind, d) for r in grid), markers=False))

    at_top = ", ".join(f"{nf.fmt_percent(extinction_probability(top, k, d))} ({_label(k, d)})"
                       for k in kinds)
    table = Table("Aussterbewahrscheinlichkeit der Weitererzählkette (eine Startperson) nach "
                  "Verteilung, abhängig von R (mittlere Zahl neuer Weitererzählender je Person)",
                  tuple(columns))
    figure = FigureSpec(
        name=ascii_id("verzweigung", choice, "d", d, "r", top),
        title="Wahrscheinlichkeit, dass die Mundpropaganda ausstirbt",
        alt=(f"Liniendiagramm: Aussterbewahrscheinlichkeit der Weitererzählkette abhängig von R "
             f"zwischen 0 und {nf.fmt_decimal(top)}. Bis R = 1 liegt sie bei 100 %, danach fällt "
             f"sie; bei R = {nf.fmt_decimal(top)} beträgt sie {at_top}."),
        caption=("Galton–Watson-Verzweigungsprozess mit einer Startperson: Wahrscheinlichkeit, "
                 "dass die Kette des Weitererzählens von selbst abbricht."),
        xlabel="R (mittlere Zahl neuer Weitererzählender je Person)",
        ylabel="Aussterbewahrscheinlichkeit",
        series=tuple(series), guides=(Guide("x", 1.0, "R = 1"),),
        y_format="percent", y_min=0, y_max=1.02, data=table)
    notes = ("Bei R ≤ 1 stirbt jede Weitererzählkette mit Sicherheit aus. Mit s Startpersonen ist "
             "die Wahrscheinlichkeit, dass alle Ketten aussterben, die s-te Potenz des Tabellenwerts.",)
    if "negbin" in kinds:
        notes += ("Die negative Binomialverteilung mit kleiner Dispersion beschreibt große "
                  "Unterschiede: Wenige erzählen sehr vielen weiter, die meisten niemandem.",)
    return Report("Stirbt die Mundpropaganda aus?", (figure, table, *notes))
