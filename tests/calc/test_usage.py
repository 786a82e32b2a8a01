"""The usage data file and the view „nutzung“: parser checks, table values, alt text, SVG."""

import csv
import re

import pytest

from conftest import REPO
from smm_calc import InputError
from smm_calc.usage import DataError, parse_usage
from smm_calc.views import Figure, render_view

DATA = REPO / "docs" / "daten" / "social-media-nutzung.csv"
HEADER = "reihe;plattform;jahr;wert;messung;grundgesamtheit;quelle;abgerufen;anmerkung\n"
GOOD = "ard-zdf;instagram;2025;40;woechentlich;Bevölkerung ab 14;q-tippelt-2025;2026-12-04;\n"
NB = "\u00a0"


def oracle() -> list[dict]:
    """The data file read independently of smm_calc (plain csv module)."""
    with DATA.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


@pytest.fixture(scope="module")
def data():
    return parse_usage(DATA.read_text(encoding="utf-8"))


def test_the_data_file_parses_and_every_row_counts(data):
    assert len(data.rows) == len(oracle())


# (bad row, a word the message names)
BAD_ROWS = [
    ("ard-zdf;instagram;2025;40;woechentlich;Bevölkerung ab 14;;2026-12-04;", "Quelle"),
    ("ard-zdf;myspace;2025;40;woechentlich;Bevölkerung ab 14;q-x-2025;2026-12-04;", "myspace"),
    ("ard-zdf;instagram;2025;140;woechentlich;Bevölkerung ab 14;q-x-2025;2026-12-04;", "100"),
    ("ard-zdf;instagram;2025;-1;woechentlich;Bevölkerung ab 14;q-x-2025;2026-12-04;", "100"),
    ("ard-zdf;instagram;1885;40;woechentlich;Bevölkerung ab 14;q-x-2025;2026-12-04;", "1885"),
    ("ard-zdf;instagram;2027;40;woechentlich;Bevölkerung ab 14;q-x-2025;2026-12-04;", "2027"),
    ("ard-zdf;instagram;2025;40;monatlich;Bevölkerung ab 14;q-x-2025;2026-12-04;", "monatlich"),
    ("ard-zdf;instagram;2025;40;woechentlich;Bevölkerung ab 14;Tippelt 2025;2026-12-04;", "Tippelt"),
    ("ard-zdf;instagram;2025;40;woechentlich;Bevölkerung ab 14;q-x-2025;4. 12. 2026;", "JJJJ"),
    ("ard-zdf;instagram;2025;viel;woechentlich;Bevölkerung ab 14;q-x-2025;2026-12-04;", "viel"),
    ("ard-zdf;instagram;2025;40", "Felder"),
    ("ard-zdf;instagram;2025;41;woechentlich;Bevölkerung ab 14;q-x-2025;2026-12-04;", "Doppelter"),
    ("ard-zdf;facebook;2025;31;woechentlich;Internetnutzende;q-x-2025;2026-12-04;", "Grundgesamtheit"),
]


@pytest.mark.parametrize(("row", "mentions"), BAD_ROWS)
def test_a_bad_row_names_its_line(row, mentions):
    text = HEADER + GOOD + row + "\n"
    with pytest.raises(DataError) as error:
        parse_usage(text)
    assert error.value.line == 3
    assert mentions.lower() in str(error.value).lower()
    assert isinstance(error.value, InputError)


def test_unknown_source_key_is_reported_when_the_bibliography_is_known():
    with pytest.raises(DataError) as error:
        parse_usage(HEADER + GOOD, known_sources={"q-koch-2023"})
    assert error.value.line == 2 and "q-tippelt-2025" in str(error.value)
    assert parse_usage(HEADER + GOOD, known_sources={"q-tippelt-2025"}).rows


def test_header_and_empty_file():
    with pytest.raises(DataError) as error:
        parse_usage("plattform;jahr\n" + GOOD)
    assert error.value.line == 1
    with pytest.raises(DataError):
        parse_usage(HEADER)


def _table_cells(markdown: str) -> tuple[list[str], list[list[str]]]:
    lines = [l for l in markdown.splitlines() if l.startswith("| ")]
    split = [[c.strip() for c in l.strip("|").split("|")] for l in lines]
    return split[0], [r for r in split[2:]]


@pytest.mark.parametrize(("reihe", "messung"), sorted({(r["reihe"], r["messung"])
                                                     for r in oracle()}))
def test_table_values_match_the_data_file(data, reihe, messung):
    from smm_calc.validate import USAGE_PLATFORMS

    out = render_view({"ansicht": "nutzung", "reihe": reihe, "messung": messung,
                       "darstellung": "tabelle"}, nutzung=data)
    table = next(b for b in out.blocks if isinstance(b, str) and b.startswith("**Tabelle:**"))
    header, rows = _table_cells(table)
    expected = {(USAGE_PLATFORMS[r["plattform"]], r["jahr"]): r["wert"] for r in oracle()
                if r["reihe"] == reihe and r["messung"] == messung}
    shown = {}
    for row in rows:
        for name, cell in zip(header[1:], row[1:]):
            if cell != "–":
                shown[name, row[0]] = cell.replace(f"{NB}%", "").replace(",", ".")
    assert shown == {k: str(float(v.replace(",", "."))).removesuffix(".0")
                     for k, v in expected.items()}
    sources = {r["quelle"] for r in oracle() if r["reihe"] == reihe and r["messung"] == messung}
    quellen = next(b for b in out.blocks if isinstance(b, str) and b.startswith("Quellen:"))
    assert set(re.findall(r"quellen\.md#(q-[a-z0-9-]+)", quellen)) == sources


def test_figure_has_alt_text_caption_data_and_is_deterministic(data):
    options = {"ansicht": "nutzung", "darstellung": "abbildung"}
    first = render_view(options, nutzung=data)
    second = render_view(options, nutzung=data)
    figures = [b for b in first.blocks if isinstance(b, Figure)]
    assert len(figures) == 1
    f = figures[0]
    assert f.alt.startswith("Liniendiagramm") and f.alt.endswith(".") and "Instagram" in f.alt
    assert f.caption and "Stand: Erhebung" in f.caption
    assert f"<desc id=\"{f.name}-beschreibung\">" in f.svg and 'role="img"' in f.svg
    assert f.data_markdown.startswith("| Jahr")
    assert f.svg == [b for b in second.blocks if isinstance(b, Figure)][0].svg
    assert ">2.025<" not in f.svg  # years are not grouped like numbers


def test_options_are_checked(data):
    with pytest.raises(InputError) as error:
        render_view({"ansicht": "nutzung", "reihe": "gibtsnicht"}, nutzung=data)
    assert error.value.key == "reihe"
    with pytest.raises(InputError) as error:
        render_view({"ansicht": "nutzung", "plattformen": "myspace"}, nutzung=data)
    assert error.value.key == "plattformen"
    with pytest.raises(InputError) as error:
        render_view({"ansicht": "nutzung", "reihe": "pew", "messung": "taeglich"}, nutzung=data)
    assert error.value.key == "messung"
    with pytest.raises(InputError) as error:
        render_view({"ansicht": "nutzung"})
    assert error.value.key == "ansicht"


def test_platform_selection_keeps_the_order_of_the_list(data):
    out = render_view({"ansicht": "nutzung", "plattformen": "tiktok, instagram",
                       "darstellung": "tabelle"}, nutzung=data)
    table = next(b for b in out.blocks if isinstance(b, str) and b.startswith("**Tabelle:**"))
    assert _table_cells(table)[0] == ["Jahr", "TikTok", "Instagram"]
