"""The command line: German output in four formats; every mistake → exit 2, one German line."""

import csv
import io
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from smm_calc import cli

ERRORS = [  # (arguments, a fragment of the message)
    (["reichweite", "--k", "-3"], "k muss eine positive Zahl sein, nicht „-3“."),
    (["reichweite", "--k=-3"], "k muss eine positive Zahl sein"),
    (["reichweite", "--k", "abc"], "k muss eine Zahl oder ein Bereich"),
    (["reichweite", "--k", "nan"], "„nan“"),
    (["reichweite", "--k", "NaN", "--stufen", "3"], "„NaN“"),
    (["reichweite", "--k", "0"], "positive Zahl"),
    (["reichweite", "--k", "5-4"], "untere Grenze"),
    (["reichweite", "--k", "4", "--stufen", "-1"], "stufen muss mindestens 0 sein"),
    (["reichweite", "--k", "4", "--stufen", "1000"], "stufen darf höchstens 50 sein"),
    (["reichweite", "--k", "4", "--stufen", "2,5"], "ganze Zahl"),
    (["reichweite", "--k", "4", "--zielgruppe", "0"], "zielgruppe muss mindestens 1 sein"),
    (["reichweite", "--k", "4", "--startpersonen", "5", "--zielgruppe", "3"], "Startpersonen"),
    (["reichweite", "--k", "4", "--zielgruppe", "1e11"], "höchstens 10.000.000.000"),
    (["reichweite", "--k", "4", "--weitererzaehlquote", "1,5"], "zwischen 0 und 1"),
    (["reichweite", "--k", "4", "--retell", "-0.1"], "zwischen 0 und 1"),
    (["reichweite", "--k", "4", "--faktor", "abc"], "faktor muss"),
    (["reichweite", "--k", "1e7", "--stufen", "50"], "zu groß"),
    (["reichweite", "--k", "1e6", "--stufen", "1000"], "höchstens 50"),
    (["reichweite", "--k", "1e6", "--faktor", "1e6"], "k × faktor darf höchstens 1.000.000.000"),
    (["reichweite"], "Folgende Angaben fehlen: --k"),
    (["reichweite", "--k"], "Angabe --k: hier fehlt ein Wert"),
    (["reichweite", "--k", "4", "--unbekannt", "1"], "unbekannte Angaben: --unbekannt 1"),
    ([], "Folgende Angaben fehlen: BEFEHL"),
    (["gibtsnicht"], "ungültige Auswahl „gibtsnicht“ (möglich: szenarien, reichweite,"),
    (["--format", "xml", "szenarien"], "ungültige Auswahl „xml“"),
    (["szenarien", "--stufen", "51"], "höchstens 50"),
    (["szenarien", "--zielgruppe", "abc"], "zielgruppe muss eine Zahl sein"),
    (["verzweigung", "--verteilung", "normal"], "„alle“"),
    (["verzweigung", "--dispersion", "-1"], "dispersion muss größer als 0"),
    (["verzweigung", "--r-max", "0"], "r_max muss größer als 0"),
    (["simulation", "--k", "4-5"], "einzelne Zahl"),
    (["simulation", "--k", "4", "--laeufe", "0"], "laeufe muss mindestens 1 sein"),
    (["simulation", "--k", "4", "--seed", "x"], "seed muss eine Zahl sein"),
    (["geruecht", "--modell", "sir"], "maki-thompson"),
    (["geruecht", "--zielgruppe", "1"], "mindestens 2"),
    (["bass", "--p", "0"], "p muss größer als 0"),
    (["bass", "--q", "11"], "höchstens 10"),
    (["bass", "--jahre", "0"], "mindestens 1"),
    (["k-faktor", "--einladungen", "3"], "Folgende Angaben fehlen: --konversion"),
    (["k-faktor", "--einladungen", "3", "--konversion", "120 %"], "zwischen 0 und 1"),
    (["k-faktor", "--einladungen", "-1", "--konversion", "0,1"], "einladungen muss"),
]


def _run(args):
    return subprocess.run([sys.executable, "-m", "smm_calc", *args], capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def error_runs():
    """All error cases as real processes, run in parallel to keep the suite fast."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(zip((tuple(a) for a, _ in ERRORS), pool.map(_run, (a for a, _ in ERRORS))))


@pytest.mark.parametrize(("args", "fragment"), ERRORS, ids=[" ".join(a) or "leer" for a, _ in ERRORS])
def test_error_exit_2_one_german_line(error_runs, args, fragment):
    proc = error_runs[tuple(args)]
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and proc.stderr.endswith("\n")
    assert proc.stderr.startswith("smm-calc: Fehler: ")
    assert fragment in proc.stderr
    assert not any(w in proc.stderr for w in ("error:", "usage:", "invalid", "required"))


COMMANDS = [
    ["reichweite", "--k", "4-5", "--faktor", "≥10", "--stufen", "3"],
    ["szenarien", "--stufen", "3", "--zielgruppe", "100.000"],
    ["verzweigung"],
    ["simulation", "--k", "4", "--laeufe", "500", "--seed", "1"],
    ["geruecht", "--modell", "maki-thompson"],
    ["bass", "--jahre", "10"],
    ["k-faktor", "--einladungen", "5", "--konversion", "10 %"],
]


@pytest.fixture(scope="module")
def command_runs():
    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(zip((tuple(a) for a in COMMANDS), pool.map(_run, COMMANDS)))


@pytest.mark.parametrize("args", COMMANDS, ids=[a[0] for a in COMMANDS])
def test_every_command_as_a_process(command_runs, args):
    proc = command_runs[tuple(args)]
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.strip()
    assert "nan" not in proc.stdout.lower().split() and "inf" not in proc.stdout.lower().split()


def test_help_is_german():
    proc = _run(["--help"])
    assert proc.returncode == 0
    assert proc.stdout.startswith("Aufruf: smm-calc")
    assert "Optionen:" in proc.stdout and "diese Hilfe anzeigen und beenden" in proc.stdout
    assert "usage" not in proc.stdout and "show this help" not in proc.stdout


def _main(capsys, *args):
    code = cli.main(list(args))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def test_text_format(capsys):
    out = _main(capsys, "reichweite", "--k", "4-5", "--stufen", "3", "--zielgruppe", "1000000")
    lines = out.splitlines()
    row = next(line for line in lines if line.lstrip().startswith("3 "))
    assert "84–155" in row
    assert "Stufe" in out and "Reichweite mit Sättigung" in out


def test_markdown_format(capsys):
    out = _main(capsys, "-f", "markdown", "szenarien", "--stufen", "3")
    assert "| 3 | 84–155 | 584–1.884 | mindestens 65.640 | mindestens 518.480 |" in out


def test_json_format_has_raw_numbers(capsys):
    out = _main(capsys, "reichweite", "--k", "4-5", "--faktor", "≥10", "--stufen", "2",
                "--format", "json")
    data = json.loads(out)
    rows = data["tabellen"][0]["zeilen"]
    assert rows[1]["naiv_reichweite"] == {"von": 1640, "bis": None}
    assert rows[0]["stufe"] == 1


def test_csv_format_for_german_excel(capsys):
    out = _main(capsys, "reichweite", "--k", "4,5", "--stufen", "2", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out), delimiter=";"))
    assert rows[0][0] == "Stufe" and rows[0][1] == "neu informiert (naiv) (von)"
    assert rows[2][:3] == ["2", "20,25", "20,25"]  # 4,5² with a decimal comma


def test_k_factor_output(capsys):
    out = _main(capsys, "k-faktor", "--einladungen", "4", "--konversion", "0,2", "-f", "json")
    data = json.loads(out)
    assert data["tabellen"][0]["zeilen"][0]["k_faktor"] == pytest.approx(0.8)
    assert "K < 1" in data["hinweise"][0]


def test_argparse_stays_english_outside_the_cli():
    import argparse

    cli.main(["k-faktor", "--einladungen", "1", "--konversion", "0,5"])
    assert argparse._("usage: ") == "usage: "
