"""Report: viral coefficient (K-factor)."""

from .. import validate
from ..models import expected_total, viral_coefficient
from ..render import numbers as nf
from ..render.tables import Column, Table
from .base import Report


def k_factor_report(einladungen, konversion) -> Report:
    invites, conversion = validate.invites(einladungen), validate.conversion(konversion)
    k = viral_coefficient(invites, conversion)
    table = Table("Viraler Koeffizient (K-Faktor)",
                  (Column("einladungen", "Einladungen je Nutzer", "number", (invites,), 3),
                   Column("konversion", "Konversionsrate", "percent", (conversion,), 1),
                   Column("k_faktor", "K-Faktor", "number", (k,), 3)))
    if k < 1:
        note = (f"K < 1: Aus jedem Startnutzer werden im Mittel insgesamt "
                f"{nf.fmt_decimal(expected_total(k), 2)} Nutzer (ihn selbst eingerechnet); "
                "danach endet das Wachstum aus eigener Kraft.")
    else:
        note = ("K ≥ 1: Jede Nutzergeneration wirbt mindestens so viele neue Nutzer, wie sie selbst "
                "hat – bis die Zielgruppe ausgeschöpft ist.")
    return Report("Viraler Koeffizient (K-Faktor)", (table, note))
