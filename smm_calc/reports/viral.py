"""Report: viral coefficient (K-factor)."""

from .. import validate
from ..models import expected_total, viral_coefficient
from ..render import numbers as nf
from ..render.figures import FigureSpec, Guide, Series
from ..render.tables import Column, Table
from .base import Report, ascii_id


def k_factor_report(*, einladungen: float, konversion: float, generationen: int) -> Report:
    invites, conversion = validate.invites(einladungen), validate.conversion(konversion)
    n = validate.generationen(generationen)
    k = viral_coefficient(invites, conversion)
    # one start user; generation g brings K^g new users on average (no saturation)
    gens = tuple(range(n + 1))
    new, total = [1.0], [1.0]
    for _ in gens[1:]:
        new.append(new[-1] * k)  # inf rather than OverflowError; check_finite names it
        total.append(total[-1] + new[-1])
    validate.check_finite(total, "einladungen", "Nutzer je Generation")
    kind, decimals = ("number", 3) if k < 1 else ("count", 1)  # shares of a user, or people
    growth = Table(f"Nutzer je Einladungsgeneration bei K = {nf.fmt_decimal(k, 3)} (ein "
                   "Startnutzer, im Mittel, ohne Sättigung)",
                   (Column("generation", "Generation", "int", gens),
                    *(Column(key, header, kind, values, decimals) for key, header, values in (
                        ("neu", "neue Nutzer", tuple(new)),
                        ("insgesamt", "Nutzer insgesamt", tuple(total))))))
    figure = FigureSpec(
        name=ascii_id("k-faktor", invites, conversion, "g", n),
        title=f"Nutzer je Einladungsgeneration (K = {nf.fmt_decimal(k, 3)})",
        alt=(f"Liniendiagramm: Nutzer insgesamt aus einem Startnutzer über {n} "
             f"Einladungsgenerationen bei K = {nf.fmt_decimal(k, 3)}; nach Generation {n} sind es "
             f"im Mittel {nf.fmt_decimal(total[-1], 2)}."),
        caption=(f"Viraler Koeffizient K = {nf.fmt_decimal(invites, 3)} Einladungen × "
                 f"{nf.fmt_percent(conversion, 1, strip=True)} Konversion: neue Nutzer und Nutzer "
                 "insgesamt je Generation, ein Startnutzer, ohne Sättigung."),
        xlabel="Einladungsgeneration", ylabel="Nutzer",
        series=(Series("Nutzer insgesamt", gens, tuple(total)),
                Series("neue Nutzer", gens, tuple(new))),
        guides=(Guide("y", 1 / (1 - k), f"Grenzwert 1/(1 − K): {nf.fmt_decimal(1 / (1 - k), 2)}"),)
        if k < 1 else (),
        x_integer=True, y_format="number", y_min=0, data=growth)
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
    return Report("Viraler Koeffizient (K-Faktor)", (table, figure, growth, note))
