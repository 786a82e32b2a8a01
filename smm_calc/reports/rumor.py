"""Report: the rumour models (share never heard, spreaders over time)."""

import math

from .. import validate
from ..models import rumor_never_heard, rumor_trajectory
from ..models.rumor import MODEL_LABELS
from ..render import numbers as nf
from ..render.figures import FigureSpec, Guide, Series
from ..render.tables import Column, Table
from .base import Report, ascii_id, nice_step

LABELS = ("Unwissende (nie davon gehört)", "Verbreitende", "Verstummte (wissen es, erzählen nicht mehr)")


def rumor_report(*, modell: str, zielgruppe: int) -> Report:
    traj = rumor_trajectory(validate.rumor_model(modell), validate.rumor_zielgruppe(zielgruppe))
    name = MODEL_LABELS[traj.model]
    end = traj.t[-1]
    step = nice_step(end, 15, steps=(1, 2, 5, 10, 20, 50, 100))
    t_table = step * math.ceil(end / step - 1e-9)
    tab = rumor_trajectory(traj.model, traj.zielgruppe, t_max=t_table,
                           points=round(t_table / step) + 1)
    limit = rumor_never_heard()
    never = traj.never_heard
    shares = (traj.ignorant, traj.spreader, traj.stifler)
    peak = max(range(len(traj.t)), key=lambda i: traj.spreader[i])
    table = Table(
        f"Anteile der Zielgruppe über die Zeit ({name}, Zielgruppe {nf.fmt_number(traj.zielgruppe)})",
        (Column("zeit", "Zeit", "number", tab.t, 1),
         Column("unwissende", LABELS[0], "percent", tab.ignorant),
         Column("verbreitende", LABELS[1], "percent", tab.spreader),
         Column("verstummte", LABELS[2], "percent", tab.stifler)))
    figure = FigureSpec(
        name=ascii_id("geruecht", traj.model, "n", traj.zielgruppe),
        title=f"Gerüchtemodell nach {name}",
        alt=(f"Liniendiagramm: Anteile der Unwissenden, Verbreitenden und Verstummten in einer "
             f"Zielgruppe von {nf.fmt_number(traj.zielgruppe)} Personen über die Zeit, ausgehend von "
             f"einer Person. Die Verbreitenden erreichen ihren Höchststand von "
             f"{nf.fmt_percent(traj.spreader[peak])} etwa zum Zeitpunkt {nf.fmt_number(traj.t[peak], 1)}; "
             f"am Ende haben {nf.fmt_percent(never)} nie davon gehört."),
        caption=(f"Deterministisches Gerüchtemodell nach {name} (Zeit in Kontakten je "
                 f"Verbreitendem), eine Person beginnt in einer Zielgruppe von "
                 f"{nf.fmt_number(traj.zielgruppe)}."),
        xlabel="Zeit (Kontakte je Verbreitendem)", ylabel="Anteil der Zielgruppe",
        series=tuple(Series(label, traj.t, y, markers=False) for label, y in zip(LABELS, shares)),
        guides=(Guide("y", never, f"nie davon gehört: {nf.fmt_percent(never)}"),),
        y_format="percent", y_min=0, y_max=1.02, data=table)
    notes = (
        f"Am Ende haben {nf.fmt_percent(never)} der Zielgruppe (etwa "
        f"{nf.fmt_count(never * traj.zielgruppe)} von {nf.fmt_number(traj.zielgruppe)} Personen) "
        f"nie von dem Gerücht gehört; für sehr große Zielgruppen strebt der Anteil gegen "
        f"{nf.fmt_percent(limit, 2)}.",
        "Im deterministischen Grenzfall verlaufen die Modelle von Daley–Kendall und Maki–Thompson "
        "gleich; sie unterscheiden sich nur im Zufall kleiner Gruppen.",
    )
    return Report(f"Gerüchtemodell nach {name}", (figure, table, *notes))
