"""The command line `smm-calc` (also `python -m smm_calc`): German help, output and errors.

Every mistake – a bad value (InputError) or a bad call (argparse) – ends with exit status 2 and
exactly one German line on stderr, never a traceback.
"""

import argparse
import contextlib
import json
import re
import sys
import textwrap

from . import __version__, reports
from .render.tables import Table, to_csv, to_json_obj, to_markdown, to_text
from .validate import InputError

PROG = "smm-calc"
FORMATS = ("text", "markdown", "csv", "json")

# German for the messages argparse builds itself (looked up by their English msgid).
_GERMAN = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Argumente",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe anzeigen und beenden",
    "argument %(argument_name)s: %(message)s": "Angabe %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "Folgende Angaben fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ungültige Auswahl „%(value)s“ (möglich: %(choices)s)",
    "expected one argument": "hier fehlt ein Wert",
    "expected at most one argument": "höchstens ein Wert erlaubt",
    "expected at least one argument": "mindestens ein Wert nötig",
    "ambiguous option: %(option)s could match %(matches)s":
        "mehrdeutige Angabe: %(option)s passt zu %(matches)s",
    "not allowed with argument %s": "nicht zusammen mit %s erlaubt",
    "ignored explicit argument %r": "unerwarteter Wert %r",
    "one of the arguments %s is required": "eine der Angaben %s ist nötig",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
    "unexpected option string: %s": "unerwartete Angabe: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "show program's version number and exit": "Versionsnummer anzeigen und beenden",
}


def _gettext(message: str) -> str:
    return _GERMAN.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "%s Wert erwartet" if n == 1 else "%s Werte erwartet"
    return singular if n == 1 else plural


@contextlib.contextmanager
def _german_argparse():
    """Let argparse speak German while the parser is built and used (restored afterwards)."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class GermanParser(argparse.ArgumentParser):
    """argparse with German texts and a one-line error (exit status 2)."""

    def error(self, message: str):
        message = re.sub(r"'([^']*)'", r"\1", message)  # argparse quotes choices with repr()
        hint = f" (Hilfe: {self.prog} --help)"
        self.exit(2, f"{PROG}: Fehler: {message.rstrip('.')}.{hint}\n")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog):
        super().__init__(prog, max_help_position=32, width=100)


def _wrap(text: str) -> str:
    return "\n".join(textwrap.fill(line, 100) for line in text.split("\n"))


def _format_option(parser: argparse.ArgumentParser, top_level: bool = False) -> None:
    parser.add_argument(
        "-f", "--format", choices=FORMATS, metavar="FORMAT",
        default="text" if top_level else argparse.SUPPRESS,
        help="Ausgabe als text (lesbare Tabelle), markdown, csv (Trennzeichen „;“, Dezimalkomma – "
             "für deutsches Excel) oder json (Zahlen ungerundet); Standard: text")


def _add(sub, name: str, help_text: str, description: str, handler) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help_text, description=_wrap(description), formatter_class=_Formatter,
                       add_help=False, allow_abbrev=False)
    p.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen und beenden")
    _format_option(p)
    p.set_defaults(handler=handler)
    return p


def _stufen(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stufen", default="5", metavar="N", help="Weitererzähl-Stufen, 0 bis 50; Standard: 5")


def _startpersonen(p: argparse.ArgumentParser) -> None:
    p.add_argument("--startpersonen", default="1", metavar="N", help="Standard: 1")


def _quota(p: argparse.ArgumentParser) -> None:
    p.add_argument("--weitererzaehlquote", "--retell", dest="weitererzaehlquote", default="1",
                   metavar="QUOTE",
                   help="Anteil der Informierten, die weitererzählen: 0 bis 1 oder in Prozent "
                        "(„50 %%“); Standard: 1")


def build_parser() -> GermanParser:
    parser = GermanParser(
        prog=PROG, formatter_class=_Formatter, add_help=False, allow_abbrev=False,
        description=_wrap("Wie weit trägt Mundpropaganda? Reichweitenmodelle für Social Media Marketing: "
                    "naiver Schneeball, Sättigung in einer Zielgruppe, Verzweigungsprozess, "
                    "Gerüchte- und Bass-Modell."),
        epilog=_wrap("Zahlen gehen mit Dezimalkomma („4,5“) oder -punkt; Bereiche als „4-5“, „4–5“, "
               "„8 bis 12“, offene als „≥10“, „>=10“, „10+“ oder „mindestens 10“.\n"
               "Beispiel: smm-calc reichweite --k 4-5 --faktor ≥10 --stufen 3"))
    parser.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen und beenden")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}",
                        help="Versionsnummer anzeigen und beenden")
    _format_option(parser, top_level=True)
    sub = parser.add_subparsers(title="Befehle", metavar="BEFEHL", dest="befehl", required=True,
                                parser_class=GermanParser)

    p = _add(sub, "reichweite", "Reichweite je Stufe: naiver Schneeball und Sättigung",
             "Reichweite nach Weitererzähl-Stufen: naiver Schneeball (jede Person erzählt k "
             "weiteren) neben dem Modell mit Sättigung in einer Zielgruppe. Die Startpersonen "
             "zählen nicht zur Reichweite.", _reach)
    p.add_argument("--k", required=True, metavar="K",
                   help="Personen, denen jede Person weitererzählt: Zahl oder Bereich (4-5, ≥10)")
    p.add_argument("--faktor", default="1", metavar="F",
                   help="Faktor für die Empfänger, z. B. ≥10 für Social Media; Standard: 1")
    _stufen(p)
    p.add_argument("--zielgruppe", default="100000", metavar="N",
                   help="Größe der Zielgruppe (Startpersonen eingeschlossen); Standard: 100000")
    _quota(p)
    _startpersonen(p)

    p = _add(sub, "szenarien", "die vier Szenarien der Faustregel",
             "Positive (k = 4–5) und negative Nachricht (k = 8–12), jeweils ohne und mit Social "
             "Media (Faktor ≥ 10), eine Startperson.", _scenarios)
    _stufen(p)
    p.add_argument("--zielgruppe", default=None, metavar="N",
                   help="zeigt zusätzlich die Reichweite mit Sättigung in dieser Zielgruppe")

    p = _add(sub, "verzweigung", "Wahrscheinlichkeit, dass Mundpropaganda ausstirbt",
             "Galton–Watson-Verzweigungsprozess: Wahrscheinlichkeit, dass die Kette des "
             "Weitererzählens von selbst abbricht, abhängig von R.", _branching)
    p.add_argument("--verteilung", default="alle", metavar="NAME",
                   help="poisson, geometrisch, negbin oder alle; Standard: alle")
    p.add_argument("--dispersion", default="0,2", metavar="D",
                   help="Dispersion der negativen Binomialverteilung (> 0); Standard: 0,2")
    p.add_argument("--r-max", dest="r_max", default="3", metavar="R",
                   help="größtes R, höchstens 20; Standard: 3")

    p = _add(sub, "simulation", "Monte-Carlo-Simulation der Reichweite",
             "Simuliert viele Läufe des Sättigungsmodells mit Zufall (Reed–Frost-Kettenbinomial) "
             "und zeigt Mittelwert, Median und 10-/90-%-Quantile je Stufe.", _simulation)
    p.add_argument("--k", required=True, metavar="K", help="Personen je Weitererzählen (eine Zahl)")
    _stufen(p)
    p.add_argument("--zielgruppe", default="100000", metavar="N", help="Standard: 100000")
    p.add_argument("--laeufe", default="10000", metavar="N", help="Zahl der Läufe; Standard: 10000")
    p.add_argument("--seed", default=None, metavar="ZAHL",
                   help="Zufallsstartwert für reproduzierbare Ergebnisse")
    _quota(p)
    _startpersonen(p)

    p = _add(sub, "geruecht", "Gerüchtemodell (Daley–Kendall, Maki–Thompson)",
             "Deterministisches Gerüchtemodell: Unwissende, Verbreitende und Verstummte über die "
             "Zeit; Anteil, der nie davon hört.", _rumor)
    p.add_argument("--modell", default="daley-kendall", metavar="NAME",
                   help="daley-kendall oder maki-thompson; Standard: daley-kendall")
    p.add_argument("--zielgruppe", default="10000", metavar="N", help="Standard: 10000")

    p = _add(sub, "bass", "Bass-Diffusionsmodell",
             "Anteil des Marktpotenzials, der übernommen hat, und Höhepunkt der Neuübernahmen.",
             _bass)
    p.add_argument("--p", default="0,03", metavar="P", help="Innovationskoeffizient; Standard: 0,03")
    p.add_argument("--q", default="0,38", metavar="Q", help="Imitationskoeffizient; Standard: 0,38")
    p.add_argument("--jahre", default="20", metavar="N", help="Zeitraum in Jahren; Standard: 20")

    p = _add(sub, "k-faktor", "viraler Koeffizient (K-Faktor)",
             "K-Faktor = Einladungen je Nutzer × Konversionsrate.", _k_factor)
    p.add_argument("--einladungen", required=True, metavar="N", help="Einladungen je Nutzer")
    p.add_argument("--konversion", required=True, metavar="QUOTE",
                   help="Anteil der Einladungen, die zu Nutzern werden: 0 bis 1 oder in Prozent")
    return parser


def _reach(a):
    return reports.reach_report(a.k, a.faktor, a.stufen, a.zielgruppe, a.weitererzaehlquote,
                                a.startpersonen)


def _scenarios(a):
    return reports.scenarios_report(a.stufen, a.zielgruppe)


def _branching(a):
    return reports.branching_report(a.verteilung, a.dispersion, a.r_max)


def _simulation(a):
    return reports.simulation_report(a.k, a.stufen, a.zielgruppe, a.laeufe, a.seed,
                                     a.startpersonen, a.weitererzaehlquote)


def _rumor(a):
    return reports.rumor_report(a.modell, a.zielgruppe)


def _bass(a):
    return reports.bass_report(a.p, a.q, a.jahre)


def _k_factor(a):
    return reports.k_factor_report(a.einladungen, a.konversion)


# --- output -------------------------------------------------------------------------------------

def render(report: reports.Report, fmt: str) -> str:
    """The report in one of FORMATS (figures are left out: they belong to the site)."""
    tables = report.tables
    if fmt == "json":
        data = {"titel": report.title, "tabellen": [to_json_obj(t) for t in tables],
                "hinweise": list(report.notes)}
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if fmt == "csv":
        if len(tables) == 1:
            return to_csv(tables[0])
        return "\n".join(f"{t.title}\n{to_csv(t)}" for t in tables)
    parts = []
    if fmt == "markdown":
        parts.append(f"## {report.title}")
    for item in report.items:
        if isinstance(item, Table):
            parts.append(to_markdown(item) if fmt == "markdown" else to_text(item))
        elif isinstance(item, str):
            parts.append(item if fmt == "markdown" else textwrap.fill(item, 100))
    return "\n\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    try:
        with _german_argparse():
            args = build_parser().parse_args(argv)
        fmt = getattr(args, "format", "text")
        sys.stdout.write(render(args.handler(args), fmt))
        return 0
    except InputError as error:
        print(f"{PROG}: Fehler: {error}", file=sys.stderr)
        return 2
    except OverflowError:
        print(f"{PROG}: Fehler: Die Zahlen werden zu groß; bitte kleinere Werte angeben.",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: abgebrochen.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
