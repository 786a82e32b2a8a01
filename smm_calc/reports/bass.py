"""Report: Bass diffusion (adoption curve and its peak)."""

import math

from .. import validate
from ..models import bass_adoption, bass_peak, bass_rate
from ..render import numbers as nf
from ..render.figures import FigureSpec, Guide, Series
from ..render.tables import Column, Table
from .base import Report, ascii_id


def bass_report(*, p: float, q: float, jahre: int) -> Report:
    pp, qq, years = validate.bass_p(p), validate.bass_q(q), validate.jahre(jahre)
    t_star, f_star = bass_peak(pp, qq)
    step = max(1, math.ceil(years / 30))
    ts = tuple(range(0, years + 1, step))
    if ts[-1] != years:
        ts += (years,)
    adopted = tuple(bass_adoption(t, pp, qq) for t in ts)
    new = (None,) + tuple(b - a for a, b in zip(adopted, adopted[1:]))
    grid = tuple(years * i / 400 for i in range(401))
    params = f"p = {nf.fmt_decimal(pp)}, q = {nf.fmt_decimal(qq)}"
    if qq > pp:
        peak_text = (f"Die meisten Neuübernahmen gibt es nach {nf.fmt_number(t_star, 1)} Jahren; "
                     f"bis dahin haben {nf.fmt_percent(f_star)} des Marktpotenzials übernommen.")
        guides = (Guide("x", t_star, f"Höhepunkt: {nf.fmt_number(t_star, 1)} Jahre"),)
    else:
        peak_text = "Weil q nicht größer als p ist, sind die Neuübernahmen gleich zu Beginn am höchsten."
        guides = ()
    new_header = "neu im Jahr" if step == 1 else "neu seit der vorigen Zeile"
    table = Table(f"Bass-Diffusion über {years} Jahre ({params}; Anteile des Marktpotenzials)",
                  (Column("jahr", "Jahr", "int", ts),
                   Column("anteil", "Anteil, der übernommen hat", "percent", adopted),
                   Column("neu", new_header, "percent", new)))
    figure = FigureSpec(
        name=ascii_id("bass", "p", pp, "q", qq, "jahre", years),
        title=f"Bass-Diffusionsmodell ({params})",
        alt=(f"Liniendiagramm über {years} Jahre: Der Anteil, der übernommen hat, steigt S-förmig "
             f"auf {nf.fmt_percent(adopted[-1])}; die Neuübernahmen je Jahr steigen zuerst und "
             f"fallen dann. {peak_text}"),
        caption=(f"Bass-Modell mit Innovationskoeffizient {nf.fmt_decimal(pp)} und "
                 f"Imitationskoeffizient {nf.fmt_decimal(qq)}: Anteil des Marktpotenzials."),
        xlabel="Jahre", ylabel="Anteil des Marktpotenzials",
        series=(Series("Anteil, der übernommen hat", grid, tuple(bass_adoption(grid, pp, qq)),
                       markers=False),
                Series("Neuübernahmen je Jahr", grid, tuple(bass_rate(grid, pp, qq)), markers=False)),
        guides=guides, x_integer=True, y_format="percent", y_min=0, y_max=1.02, data=table)
    return Report(f"Bass-Diffusionsmodell ({params})", (figure, table, peak_text))
