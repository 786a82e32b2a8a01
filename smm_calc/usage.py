"""Survey figures on social-media use, read from a data file (CSV) – parsed and checked here.

The file (in the site: docs/daten/social-media-nutzung.csv) is CSV for German Excel: „;“ as
separator, decimal comma, UTF-8, one header line, then one row per value:

    reihe;plattform;jahr;wert;messung;grundgesamtheit;quelle;abgerufen;anmerkung
    ard-zdf;instagram;2025;40;woechentlich;Deutschsprachige Bevölkerung ab 14 Jahren;q-tippelt-2025;2026-12-04;

Every mistake raises `DataError` (an `InputError`) with the 1-based `line` of the file and a
German message; the site's build hook turns it into `docs/<file>:<line>: <message>`.
This module knows nothing of MkDocs: the caller passes the text and, if it can, the set of
bibliography anchors that exist (`known_sources`) and short labels for them (`source_labels`).
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from . import validate
from .validate import InputError

COLUMNS = ("reihe", "plattform", "jahr", "wert", "messung", "grundgesamtheit", "quelle",
           "abgerufen", "anmerkung")
REQUIRED = COLUMNS[:-1]  # anmerkung may stay empty


class DataError(InputError):
    """A mistake in the data file, with the 1-based line where it is."""

    def __init__(self, message: str, line: int, key: str | None = None):
        super().__init__(message, key)
        self.line = line


@dataclass(frozen=True)
class UsageRow:
    line: int
    reihe: str  # series id, e.g. "ard-zdf" or "pew"
    plattform: str  # key of validate.USAGE_PLATFORMS
    jahr: int
    wert: float  # percent, 0…100
    messung: str  # key of validate.USAGE_MEASURES
    grundgesamtheit: str  # population, German, e.g. „Deutschsprachige Bevölkerung ab 14 Jahren“
    quelle: str  # bibliography anchor, e.g. "q-tippelt-2025"
    abgerufen: datetime.date
    anmerkung: str = ""


@dataclass(frozen=True)
class UsageData:
    path: str  # the file's path inside docs/, e.g. "daten/social-media-nutzung.csv" (for links)
    rows: tuple[UsageRow, ...]
    source_labels: dict[str, str] = field(default_factory=dict)  # q-… → „Tippelt (2025)“

    def label(self, key: str) -> str:
        return self.source_labels.get(key, key)


def parse_usage(text: str, path: str = "daten/social-media-nutzung.csv", *,
                known_sources=None, source_labels=None) -> UsageData:
    """Parse and check the data file; raises DataError naming the line of the first mistake."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise DataError("Die Datei ist leer; erwartet wird die Kopfzeile "
                        f"„{';'.join(COLUMNS)}“.", 1)
    header = [h.strip().lower() for h in next(csv.reader([lines[0]], delimiter=";"))]
    if header != list(COLUMNS):
        raise DataError(f"Die Kopfzeile muss „{';'.join(COLUMNS)}“ lauten, nicht "
                        f"„{lines[0].strip()}“.", 1)
    known = None if known_sources is None else frozenset(known_sources)
    rows: list[UsageRow] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        rows.append(_row(line, number, known))
    if not rows:
        raise DataError("Die Datei enthält keine Datenzeilen.", 1)
    _check_consistency(rows)
    return UsageData(path, tuple(rows), dict(source_labels or {}))


def _row(line: str, number: int, known) -> UsageRow:
    cells = next(csv.reader(io.StringIO(line), delimiter=";"))
    if len(cells) == len(COLUMNS) - 1:
        cells.append("")
    if len(cells) != len(COLUMNS):
        raise DataError(f"Die Zeile hat {len(cells)} Felder statt {len(COLUMNS)} "
                        f"({';'.join(COLUMNS)}).", number)
    raw = dict(zip(COLUMNS, (c.strip() for c in cells)))
    for name in REQUIRED:
        if not raw[name]:
            what = ("die Quelle (Anker im Quellenverzeichnis, z. B. q-tippelt-2025)"
                    if name == "quelle" else f"„{name}“")
            raise DataError(f"Es fehlt {what}.", number, name)
    try:
        retrieved = validate.iso_date(raw["abgerufen"])
        return UsageRow(
            line=number,
            reihe=validate.usage_series(raw["reihe"]),
            plattform=validate.usage_platform(raw["plattform"]),
            jahr=validate.usage_year(raw["jahr"], retrieved.year),
            wert=validate.usage_value(raw["wert"]),
            messung=validate.usage_measure(raw["messung"]),
            grundgesamtheit=raw["grundgesamtheit"],
            quelle=validate.source_key(raw["quelle"], known),
            abgerufen=retrieved,
            anmerkung=raw["anmerkung"],
        )
    except DataError:
        raise
    except InputError as error:
        raise DataError(error.message, number, error.key) from None


def _check_consistency(rows: list[UsageRow]) -> None:
    """One value per series, platform, measure and year; one population per series."""
    seen: dict[tuple, int] = {}
    population: dict[str, tuple[str, int]] = {}
    for row in rows:
        ident = (row.reihe, row.plattform, row.messung, row.jahr)
        if ident in seen:
            raise DataError(
                f"Doppelter Wert: {row.reihe}, {row.plattform}, {row.messung}, {row.jahr} steht "
                f"schon in Zeile {seen[ident]}.", row.line)
        seen[ident] = row.line
        first = population.setdefault(row.reihe, (row.grundgesamtheit, row.line))
        if first[0] != row.grundgesamtheit:
            raise DataError(
                f"Die Reihe „{row.reihe}“ mischt Grundgesamtheiten: „{row.grundgesamtheit}“ hier, "
                f"„{first[0]}“ in Zeile {first[1]}. Eine andere Grundgesamtheit braucht eine "
                "eigene Reihe.", row.line, "grundgesamtheit")
