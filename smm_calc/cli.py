"""The command line `smm-calc` (also `python -m smm_calc`): German help, output and errors.

Every mistake – a bad value (InputError) or a bad call (argparse) – ends with exit status 2 and
exactly one German line on stderr, never a traceback. The subcommands and their options are
generated from the parameter table `smm_calc.params` (the same views the site offers).
"""

import argparse
import contextlib
import json
import re
import sys
import textwrap

from . import __version__, params, reports
from .errors import InputError
from .render.tables import Table, to_csv, to_json_obj, to_markdown, to_text

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


USAGE_FILE = "docs/daten/social-media-nutzung.csv"  # relative to where smm-calc runs


def _cli_help(text: str) -> str:
    return text.replace("%", "%%")  # argparse formats help with %


def _add_view(sub, view: params.View) -> argparse.ArgumentParser:
    """One subcommand per view of the parameter table, one option per param."""
    p = sub.add_parser(view.name, help=view.title, description=_wrap(view.description),
                       formatter_class=_Formatter, add_help=False, allow_abbrev=False)
    p.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen und beenden")
    _format_option(p)
    for param in view.params:
        p.add_argument(*param.cli_options, dest=param.key, default=None, required=param.required,
                       metavar=param.metavar, help=_cli_help(param.describe()))
    if view.needs_usage:
        p.add_argument("--datei", default=USAGE_FILE, metavar="PFAD",
                       help=f"die Datendatei (CSV); Standard: {USAGE_FILE}")
    p.set_defaults(view=view)
    return p


def build_parser() -> GermanParser:
    parser = GermanParser(
        prog=PROG, formatter_class=_Formatter, add_help=False, allow_abbrev=False,
        description=_wrap("Wie weit trägt Mundpropaganda? Reichweitenmodelle für Social Media Marketing: "
                    "naiver Schneeball, Sättigung in einer Zielgruppe, Verzweigungsprozess, "
                    "Gerüchte- und Bass-Modell, dazu Nutzungszahlen sozialer Medien."),
        epilog=_wrap("Zahlen gehen mit Dezimalkomma („4,5“) oder -punkt; Bereiche als „4-5“, „4–5“, "
               "„8 bis 12“, offene als „≥10“, „>=10“, „10+“ oder „mindestens 10“.\n"
               "Beispiel: smm-calc reichweite --k 4-5 --faktor ≥10 --stufen 3"))
    parser.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen und beenden")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}",
                        help="Versionsnummer anzeigen und beenden")
    _format_option(parser, top_level=True)
    sub = parser.add_subparsers(title="Befehle", metavar="BEFEHL", dest="befehl", required=True,
                                parser_class=GermanParser)
    for view in params.VIEWS:
        _add_view(sub, view)
    return parser


def _usage_data(path: str):
    """The data file for „nutzung“ (its sources are not checked against a bibliography here)."""
    from pathlib import Path

    from .usage import DataError, parse_usage

    file = Path(path)
    if not file.is_file():
        raise InputError(f"Die Datendatei „{path}“ fehlt; bitte mit --datei angeben (im "
                         f"Repository: {USAGE_FILE}).", "datei")
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"Die Datendatei „{path}“ lässt sich nicht lesen ({error}).",
                         "datei") from None
    try:
        return parse_usage(text, file.name)
    except DataError as error:
        raise InputError(f"{path}:{error.line}: {error}", error.key) from None


def run(args: argparse.Namespace) -> reports.Report:
    """The report for parsed command-line arguments (values checked by the parameter table)."""
    view: params.View = args.view
    values = view.parse({p.key: getattr(args, p.key) for p in view.params})
    return view.compute(values, _usage_data(args.datei) if view.needs_usage else None)


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
        sys.stdout.write(render(run(args), fmt))
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
