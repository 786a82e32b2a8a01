"""One table per view: every option's key, parser, default and German help.

This is the one place where a view option is declared. Generated from it:
- the site's ```smm blocks (`smm_calc.views`: allowed keys, required keys, defaults, `KEYS`),
- the command line (`smm_calc.cli`: one subcommand per view, `--key` per option),
- the key tables in CONTRIBUTING.md (`scripts/contributing_keys.py`, `markdown_table`).

The parsers are the checkers of `smm_calc.validate`: text in, number/Range/name out, or an
`InputError` naming the key. The reports (and the models under them) get parsed values only.
Help texts are German; `code` in backticks stays in CONTRIBUTING and is dropped elsewhere.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from . import reports, validate
from .errors import InputError


@dataclass(frozen=True)
class Param:
    key: str  # German, as in ```smm blocks; on the command line `--key` (also with „-“ for „_“)
    parse: Callable[..., Any]  # a checker of smm_calc.validate, called as parse(text, key=key)
    help: str  # German, without the default (added from `default`)
    default: str | None = None  # as a person would type it; None: optional without a value
    required: bool = False
    metavar: str = "WERT"  # CLI placeholder
    aliases: tuple[str, ...] = ()  # further CLI spellings kept for existing scripts

    @property
    def cli_options(self) -> tuple[str, ...]:
        names = [f"--{self.key}"]
        if "_" in self.key:
            names.insert(0, f"--{self.key.replace('_', '-')}")
        return (*names, *self.aliases)

    def describe(self, *, markdown: bool = False) -> str:
        """The help text with „(Pflicht)“, „(Standard: …)“ or „(optional)“."""
        if self.required:
            tail = "Pflicht"
        elif self.default is None:
            tail = "optional"
        else:
            default = self.default
            tail = f"Standard: `{default}`" if any(c.isalpha() for c in default) else \
                f"Standard: {default}"
        text = f"{self.help} ({tail})"
        return text if markdown else text.replace("`", "")

    def value(self, text: str | None) -> Any:
        """The parsed value of `text` (None: the default; still None if there is none)."""
        text = self.default if text is None else text
        return None if text is None else self.parse(text, key=self.key)


@dataclass(frozen=True)
class View:
    name: str  # the `ansicht` on the site, the subcommand on the command line
    title: str  # German, one line (CLI list of commands)
    description: str  # German, what it computes (CLI help of the command)
    report: Callable[..., reports.Report]  # called with one keyword argument per param
    params: tuple[Param, ...]
    needs_usage: bool = False  # the report's first argument is the parsed usage data file

    def param(self, key: str) -> Param:
        return next(p for p in self.params if p.key == key)

    def parse(self, raw: Mapping[str, str | None]) -> dict[str, Any]:
        """Parsed values for every param, defaults filled in; raises InputError with the key."""
        for p in self.params:
            if p.required and raw.get(p.key) is None:
                raise InputError(f"Für die Ansicht „{self.name}“ fehlt der Schlüssel „{p.key}“.",
                                 p.key)
        return {p.key: p.value(raw.get(p.key)) for p in self.params}

    def compute(self, values: dict[str, Any], usage=None) -> reports.Report:
        """The report for parsed `values`; `usage` (the parsed data file) only for views that
        need it."""
        return self.report(usage, **values) if self.needs_usage else self.report(**values)


# --- options several views share ----------------------------------------------------------------

def _text(value, key: str) -> str:
    return str(value).strip()


STUFEN = Param("stufen", validate.stufen, "Zahl der Weitererzähl-Stufen, 0 bis 50", "5",
               metavar="N")
ZIELGRUPPE = Param("zielgruppe", validate.zielgruppe,
                   "Größe der Zielgruppe, Startpersonen eingeschlossen", "100000", metavar="N")
QUOTE = Param("weitererzaehlquote", validate.retell,
              "Anteil der Informierten, die weitererzählen: 0 bis 1 oder in Prozent wie `50 %`",
              "1", metavar="QUOTE", aliases=("--retell",))
STARTPERSONEN = Param("startpersonen", validate.seeds,
                      "Zahl der Personen, die die Nachricht zuerst haben", "1", metavar="N")

VIEWS: tuple[View, ...] = (
    View("szenarien", "die vier Szenarien der Faustregel",
         "Positive (k = 4–5) und negative Nachricht (k = 8–12), jeweils ohne und mit Social "
         "Media (Faktor ≥ 10), eine Startperson.",
         reports.scenarios_report, (
             STUFEN,
             replace(ZIELGRUPPE, default=None,
                     help="Größe der Zielgruppe; zeigt zusätzlich die Reichweite mit Sättigung"),
         )),
    View("reichweite", "Reichweite je Stufe: naiver Schneeball und Sättigung",
         "Reichweite nach Weitererzähl-Stufen: naiver Schneeball (jede Person erzählt k "
         "weiteren) neben dem Modell mit Sättigung in einer Zielgruppe. Die Startpersonen zählen "
         "nicht zur Reichweite.",
         reports.reach_report, (
             Param("k", validate.k_value, "Personen, denen jede Person weitererzählt: Zahl oder "
                   "Bereich wie `4–5` oder `≥10`", required=True, metavar="K"),
             Param("faktor", validate.positive_range,
                   "Faktor für die Empfänger, z. B. `≥10` für Social Media", "1", metavar="F"),
             STUFEN, ZIELGRUPPE, QUOTE, STARTPERSONEN,
         )),
    View("verzweigung", "Wahrscheinlichkeit, dass Mundpropaganda ausstirbt",
         "Galton–Watson-Verzweigungsprozess: Wahrscheinlichkeit, dass die Kette des "
         "Weitererzählens von selbst abbricht, abhängig von R.",
         reports.branching_report, (
             Param("verteilung", validate.offspring_choice,
                   "`poisson`, `geometrisch`, `negbin` oder `alle`", "alle", metavar="NAME"),
             Param("dispersion", validate.dispersion,
                   "Dispersion der negativen Binomialverteilung, größer als 0", "0,2",
                   metavar="D"),
             Param("r_max", validate.r_max, "größtes R auf der Achse, größer als 0 und höchstens 20",
                   "3", metavar="R"),
         )),
    View("geruecht", "Gerüchtemodell (Daley–Kendall, Maki–Thompson)",
         "Deterministisches Gerüchtemodell: Unwissende, Verbreitende und Verstummte über die "
         "Zeit; Anteil, der nie davon hört.",
         reports.rumor_report, (
             Param("modell", validate.rumor_model, "`daley-kendall` oder `maki-thompson`",
                   "daley-kendall", metavar="NAME"),
             Param("zielgruppe", validate.rumor_zielgruppe, "Größe der Zielgruppe, mindestens 2",
                   "10000", metavar="N"),
         )),
    View("bass", "Bass-Diffusionsmodell",
         "Anteil des Marktpotenzials, der übernommen hat, und Höhepunkt der Neuübernahmen.",
         reports.bass_report, (
             Param("p", validate.bass_p, "Innovationskoeffizient, größer als 0 und höchstens 1",
                   "0,03", metavar="P"),
             Param("q", validate.bass_q, "Imitationskoeffizient, 0 bis 10", "0,38", metavar="Q"),
             Param("jahre", validate.jahre, "Zeitraum in Jahren, 1 bis 200", "20", metavar="N"),
         )),
    View("nutzung", "Nutzungszahlen sozialer Medien aus der Datendatei",
         "Anteil der Bevölkerung, der soziale Medien und einzelne Plattformen nutzt, je Jahr – "
         "aus der Datendatei mit Studienwerten und Quellen.",
         reports.usage_report, (
             Param("reihe", validate.usage_series,
                   "Datenreihe aus der Datendatei, z. B. `ard-zdf` oder `pew`", "ard-zdf",
                   metavar="NAME"),
             Param("messung", validate.usage_measure,
                   "`woechentlich` (mindestens wöchentlich), `taeglich` (Tagesreichweite) oder "
                   "`ueberhaupt` (ohne Angabe der Häufigkeit)", "woechentlich", metavar="NAME"),
             Param("plattformen", _text,
                   "`alle` oder eine Liste wie `instagram, facebook, tiktok`; `soziale-medien` "
                   "steht für soziale Medien insgesamt", "alle", metavar="LISTE"),
         ), needs_usage=True),
    View("simulation", "Monte-Carlo-Simulation der Reichweite",
         "Simuliert viele Läufe des Sättigungsmodells mit Zufall (Reed–Frost-Kettenbinomial) und "
         "zeigt Mittelwert, Median und 10-/90-%-Quantile je Stufe neben dem Sättigungsmodell.",
         reports.simulation_report, (
             Param("k", validate.single_k, "Personen, denen jede Person weitererzählt (im Mittel): "
                   "eine Zahl, kein Bereich", required=True, metavar="K"),
             STUFEN, ZIELGRUPPE,
             Param("laeufe", validate.runs, "Zahl der simulierten Läufe", "10000", metavar="N"),
             Param("seed", validate.rng_seed,
                   "Zufallsstartwert: dieselben Angaben und derselbe `seed` ergeben dieselben "
                   "Zahlen; `zufall` gibt bei jedem Aufruf neue Zufallszahlen, auf der Website "
                   "daher nicht sinnvoll", "1", metavar="ZAHL"),
             STARTPERSONEN, QUOTE,
         )),
    View("k-faktor", "viraler Koeffizient (K-Faktor)",
         "K-Faktor = Einladungen je Nutzer × Konversionsrate, und wie viele Nutzer daraus "
         "Generation für Generation werden.",
         reports.k_factor_report, (
             Param("einladungen", validate.invites, "Einladungen je Nutzer", required=True,
                   metavar="N"),
             Param("konversion", validate.conversion, "Anteil der Einladungen, die zu Nutzern "
                   "werden: 0 bis 1 oder in Prozent wie `10 %`", required=True, metavar="QUOTE"),
             Param("generationen", validate.generationen,
                   "Einladungsgenerationen in Tabelle und Abbildung, 1 bis 50", "10", metavar="N"),
         )),
)

BY_NAME: dict[str, View] = {v.name: v for v in VIEWS}


def _names(names: list[str]) -> str:
    return f"{', '.join(names[:-1])} oder {names[-1]}"


# Keys of the site's blocks only (the CLI has subcommands and --format instead).
COMMON = (
    Param("ansicht", _text, f"welche Berechnung: {_names([f'`{v.name}`' for v in VIEWS])}",
          required=True),
    Param("darstellung", validate.darstellung, "`tabelle`, `abbildung` oder `beides`", "beides"),
)


def markdown_table(params: tuple[Param, ...]) -> str:
    """The key table of CONTRIBUTING.md for these params."""
    lines = ["| Schlüssel | Bedeutung |", "| --- | --- |"]
    for p in params:
        lines.append(f"| `{p.key}` | {p.describe(markdown=True)} |")
    return "\n".join(lines)
