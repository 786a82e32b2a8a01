"""Reports on reach per Stufe: the seed's scenarios, a single k (range) and the simulation."""

from .. import validate
from ..models import expected_reach, naive_reach, saturating_reach
from ..ranges import Range
from ..render import numbers as nf
from ..render.figures import FigureSpec, Guide, Series
from ..render.tables import Column, Table
from ..scenarios import SCENARIOS
from ..simulation import simulate_reach
from .base import Report, ascii_id, k_label, stufen_rows

X_STUFE = "Weitererzähl-Stufe"
Y_REACH = "Reichweite (Personen)"



def _band_column(key: str, header: str, band, rows, attr: str = "cumulative") -> Column:
    values = tuple(getattr(band, attr)(s) for s in rows)
    return Column(key, header, "count_band", values)


def _band_series(label: str, band, stufen: int) -> Series:
    xs = tuple(range(1, stufen + 1))
    low = tuple(band.low.cumulative[s] for s in xs)
    high = None if band.high is None else tuple(band.high.cumulative[s] for s in xs)
    if high == low:
        high = None
    return Series(label, xs, low, high)


def _band_text(band, stufe: int) -> str:
    return nf.fmt_count_band(*band.cumulative(stufe))


def _lower_first(label: str) -> str:
    """„Positive Nachricht, ohne …“ → „positive Nachricht ohne …“ inside a sentence."""
    return (label[0].lower() + label[1:]).replace(", ", " ")


def _no_figure_note(n: int) -> tuple[str, ...]:
    return () if n > 0 else ("Mit 0 Stufen gibt es noch keine Reichweite; Abbildungen entfallen.",)


OPEN_NOTE = ("„mindestens“: Der Social-Media-Faktor ist nur nach unten begrenzt (mindestens 10), "
             "deshalb hat die Reichweite dort keine obere Grenze.")


def scenarios_report(*, stufen: int, zielgruppe: int | None) -> Report:
    """The four scenarios of the seed text, naive and (with a target group) saturating."""
    n = validate.stufen(stufen)
    big_n = None if zielgruppe is None else validate.zielgruppe(zielgruppe)
    rows = stufen_rows(n)
    naive = [naive_reach(sc.k, n) for sc in SCENARIOS]
    headers = [f"{sc.label} ({k_label(sc.k)})" for sc in SCENARIOS]
    items: list = []

    naive_table = Table(
        "Reichweite nach Weitererzähl-Stufe ohne Sättigung (naiver Schneeball, eine Startperson; "
        "Personen)",
        (Column("stufe", "Stufe", "int", rows),
         *(_band_column(sc.id, h, b, rows) for sc, h, b in zip(SCENARIOS, headers, naive))))
    if n > 0:
        first, last = naive[0], naive[-1]
        items.append(FigureSpec(
            name=ascii_id("szenarien", "stufen", n),
            title="Reichweite der vier Szenarien ohne Sättigung",
            alt=(f"Liniendiagramm mit logarithmischer y-Achse: Reichweite nach Weitererzähl-Stufe 1 "
                 f"bis {n} für die vier Szenarien im naiven Schneeballmodell. Nach Stufe {n} reicht "
                 f"sie von {_band_text(first, n)} Personen ({_lower_first(SCENARIOS[0].label)}) bis "
                 f"{_band_text(last, n)} Personen ({_lower_first(SCENARIOS[-1].label)})."),
            caption=("Reichweite nach Weitererzähl-Stufe im naiven Schneeballmodell (eine "
                     "Startperson, logarithmische Skala); Flächen zeigen die Spanne von k, "
                     "einzelne Linien eine offene Untergrenze („mindestens“)."),
            xlabel=X_STUFE, ylabel=Y_REACH,
            series=tuple(_band_series(h, b, n)
                         for h, b in zip(headers, naive)),
            log_y=True, x_integer=True, data=naive_table,
            guides=() if big_n is None else (Guide("y", big_n, f"Zielgruppe: {nf.fmt_number(big_n)}"),)))
    items.append(naive_table)

    if big_n is not None:
        sat = [saturating_reach(sc.k, n, big_n) for sc in SCENARIOS]
        sat_table = Table(
            f"Reichweite nach Weitererzähl-Stufe mit Sättigung in einer Zielgruppe von "
            f"{nf.fmt_number(big_n)} Personen (eine Startperson; Personen)",
            (Column("stufe", "Stufe", "int", rows),
             *(_band_column(sc.id, h, b, rows) for sc, h, b in zip(SCENARIOS, headers, sat))))
        if n > 0:
            items.append(FigureSpec(
                name=ascii_id("szenarien-saettigung", "stufen", n, "n", big_n),
                title=f"Reichweite der vier Szenarien in einer Zielgruppe von {nf.fmt_number(big_n)}",
                alt=(f"Liniendiagramm: Reichweite nach Weitererzähl-Stufe 1 bis {n} für die vier "
                     f"Szenarien, wenn sich die Kontakte in einer Zielgruppe von "
                     f"{nf.fmt_number(big_n)} Personen überschneiden. Nach Stufe {n} reicht sie von "
                     f"{_band_text(sat[0], n)} Personen ({_lower_first(SCENARIOS[0].label)}) bis "
                     f"{_band_text(sat[-1], n)} Personen ({_lower_first(SCENARIOS[-1].label)})."),
                caption=(f"Reichweite mit Sättigung: Alle, die weitererzählen, sprechen zufällige "
                         f"Personen aus einer Zielgruppe von {nf.fmt_number(big_n)} an, "
                         "Kontakte überschneiden sich; Flächen zeigen die Spanne von k, einzelne "
                         "Linien eine offene Untergrenze („mindestens“)."),
                xlabel=X_STUFE, ylabel=Y_REACH,
                series=tuple(_band_series(h, b, n)
                             for h, b in zip(headers, sat)),
                x_integer=True, y_min=0, y_max=big_n * 1.05, data=sat_table,
                guides=(Guide("y", big_n, f"Zielgruppe: {nf.fmt_number(big_n)}"),)))
        items.append(sat_table)
    items += [OPEN_NOTE, *_no_figure_note(n)]
    return Report("Die vier Szenarien der Faustregel", tuple(items))


def reach_report(*, k: "float | Range", faktor: "float | Range", stufen: int, zielgruppe: int,
                 weitererzaehlquote: float, startpersonen: int) -> Report:
    """Naive snowball vs. saturation for one k (number or range) times a factor."""
    k_in = Range.of(validate.k_value(k))
    factor = Range.of(validate.positive_range(faktor, "faktor"))
    k_eff = validate.k_times_factor(k_in, factor)
    n = validate.stufen(stufen)
    seeds = validate.seeds(startpersonen)
    big_n = validate.zielgruppe(zielgruppe, seeds)
    quota = validate.retell(weitererzaehlquote)
    naive = naive_reach(k_eff, n, seeds)
    sat = saturating_reach(k_eff, n, big_n, seeds, quota)
    rows = stufen_rows(n)

    k_text = (k_label(k_in) if factor == Range.point(1)
              else f"{k_label(k_in)}, {k_label(factor, 'Faktor')}, zusammen {k_label(k_eff)}")
    setting = (f"{k_text}, {nf.fmt_number(seeds)} Startperson{'en' if seeds != 1 else ''}, "
               f"Zielgruppe {nf.fmt_number(big_n)}, Weitererzählquote {nf.fmt_percent(quota, 1, strip=True)}")
    table = Table(
        f"Reichweite nach Weitererzähl-Stufe ({setting}; Personen)",
        (Column("stufe", "Stufe", "int", rows),
         _band_column("naiv_neu", "neu informiert (naiv)", naive, rows, "new"),
         _band_column("naiv_reichweite", "Reichweite (naiv)", naive, rows),
         _band_column("saettigung_reichweite", "Reichweite mit Sättigung", sat, rows)))
    items: list = []
    if n > 0:
        items.append(FigureSpec(
            name=ascii_id("reichweite", k_eff.low, k_eff.high, "s", n, "n", big_n),
            title="Reichweite: naiver Schneeball und Sättigung",
            alt=(f"Liniendiagramm mit logarithmischer y-Achse für {k_text}: Nach Stufe {n} ergibt "
                 f"der naive Schneeball {_band_text(naive, n)} Personen, mit Sättigung in einer "
                 f"Zielgruppe von {nf.fmt_number(big_n)} sind es {_band_text(sat, n)}."),
            caption=f"Reichweite nach Weitererzähl-Stufe ({setting}).",
            xlabel=X_STUFE, ylabel=Y_REACH,
            series=(_band_series(f"naiver Schneeball ({k_text})", naive, n),
                    _band_series("mit Sättigung in der Zielgruppe" if quota == 1 else
                                 f"mit Sättigung, Weitererzählquote {nf.fmt_percent(quota, 1, strip=True)}",
                                 sat, n)),
            guides=(Guide("y", big_n, f"Zielgruppe: {nf.fmt_number(big_n)}"),),
            log_y=True, x_integer=True, data=table))
    items.append(table)
    if quota < 1:
        r_low = k_eff.low * quota
        r_high = None if k_eff.is_open else k_eff.high * quota
        r_text = nf.fmt_decimal_band(r_low, r_high, 2)
        items.append(
            f"Weil nur {nf.fmt_percent(quota, 1, strip=True)} der Informierten weitererzählen, ist die "
            f"effektive Weitererzählrate R = k · Quote = {r_text}. Der naive Schneeball in der "
            "Tabelle nimmt dagegen an, dass alle weitererzählen.")
        if r_high is not None and r_high < 1:
            low_total = expected_reach(k_eff.low, quota, seeds)
            high_total = expected_reach(k_eff.high, quota, seeds)
            items.append(
                "Bei R < 1 stirbt die Mundpropaganda von selbst aus: In einer unbegrenzten "
                f"Zielgruppe erreicht sie im Mittel insgesamt nur "
                f"{nf.fmt_count_band(low_total, high_total)} Personen.")
    if k_eff.is_open:
        items.append("„mindestens“: k ist nur nach unten begrenzt, deshalb hat die Reichweite "
                     "keine obere Grenze.")
    items += _no_figure_note(n)
    return Report(f"Reichweite für {k_text}", tuple(items))


def simulation_report(*, k: float, stufen: int, zielgruppe: int, laeufe: int, seed: int | None,
                      startpersonen: int, weitererzaehlquote: float) -> Report:
    """Monte Carlo quantiles next to the deterministic saturation model."""
    sim = simulate_reach(validate.single_k(k), validate.stufen(stufen), validate.zielgruppe(zielgruppe),
                         validate.runs(laeufe), seed=validate.rng_seed(seed),
                         seeds=validate.seeds(startpersonen), retell=validate.retell(weitererzaehlquote))
    det = saturating_reach(sim.k, sim.stufen, sim.zielgruppe, sim.seeds, sim.retell)
    rows = stufen_rows(sim.stufen)
    table = Table(
        f"Simulierte Reichweite nach Weitererzähl-Stufe (k = {nf.fmt_decimal(sim.k)}, Zielgruppe "
        f"{nf.fmt_number(sim.zielgruppe)}, Weitererzählquote {nf.fmt_percent(sim.retell, 1, strip=True)}, "
        f"{nf.fmt_number(sim.runs)} Läufe; Personen)",
        (Column("stufe", "Stufe", "int", rows),
         Column("mittelwert", "Mittelwert", "count", tuple(sim.mean[s] for s in rows)),
         Column("p10", "10-%-Quantil", "count", tuple(sim.q10[s] for s in rows)),
         Column("median", "Median", "count", tuple(sim.q50[s] for s in rows)),
         Column("p90", "90-%-Quantil", "count", tuple(sim.q90[s] for s in rows)),
         Column("modell", "Sättigungsmodell", "count", tuple(det.cumulative[s] for s in rows))))
    items: list = []
    n = sim.stufen
    if n > 0:
        xs = tuple(range(1, n + 1))
        setting = (f"k = {nf.fmt_decimal(sim.k)}, Zielgruppe {nf.fmt_number(sim.zielgruppe)}, "
                   f"{nf.fmt_number(sim.runs)} Läufe")
        items.append(FigureSpec(
            name=ascii_id("simulation", sim.k, "s", n, "n", sim.zielgruppe, "q", sim.retell,
                          "l", sim.runs, "seed", "zufall" if sim.seed is None else sim.seed),
            title="Simulierte Reichweite: Median und Spanne der Läufe",
            alt=(f"Liniendiagramm: simulierte Reichweite nach Weitererzähl-Stufe 1 bis {n} "
                 f"({setting}). Nach Stufe {n} liegt der Median bei {nf.fmt_count(sim.q50[n])} "
                 f"Personen, vier Fünftel der Läufe liegen zwischen {nf.fmt_count(sim.q10[n])} und "
                 f"{nf.fmt_count(sim.q90[n])}; das Sättigungsmodell ergibt "
                 f"{nf.fmt_count(det.cumulative[n])}."),
            caption=(f"Monte-Carlo-Simulation ({setting}): Die Fläche reicht vom 10-%- zum "
                     "90-%-Quantil der Läufe, die Linien zeigen Median, Mittelwert und das "
                     "Sättigungsmodell ohne Zufall."),
            xlabel=X_STUFE, ylabel=Y_REACH,
            series=(Series("10- bis 90-%-Quantil", xs, tuple(sim.q10[s] for s in xs),
                           tuple(sim.q90[s] for s in xs)),
                    Series("Median", xs, tuple(sim.q50[s] for s in xs)),
                    Series("Mittelwert", xs, tuple(sim.mean[s] for s in xs)),
                    Series("Sättigungsmodell", xs, tuple(det.cumulative[s] for s in xs))),
            x_integer=True, y_min=0, data=table))
    items.append(table)
    notes = [f"In {nf.fmt_percent(sim.died_out)} der Läufe erzählt nach Stufe {sim.stufen} "
             "niemand mehr weiter (die Kette ist ausgestorben oder die Zielgruppe erschöpft)."]
    if sim.seed is None:
        notes.append("Mit seed „zufall“ ändern sich die Zahlen bei jedem Aufruf leicht.")
    else:
        notes.append(f"Zufallsstartwert (seed): {sim.seed} – dieselben Angaben ergeben dieselben Zahlen.")
    return Report("Simulation der Mundpropaganda", (*items, *notes, *_no_figure_note(n)))
