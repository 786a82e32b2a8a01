"""The parameter table (smm_calc.params): site views and CLI offer the same views, keys and
defaults; CONTRIBUTING's key tables are generated from it; the package's layers have no cycle."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import smm_calc
from smm_calc import cli, params
from smm_calc.usage import parse_usage
from smm_calc.views import KEYS, VIEWS, Figure, render_view

REPO = Path(__file__).resolve().parents[2]
PACKAGE = Path(smm_calc.__file__).resolve().parent

USAGE_CSV = (
    "reihe;plattform;jahr;wert;messung;grundgesamtheit;quelle;abgerufen;anmerkung\n"
    "ard-zdf;instagram;2024;37;woechentlich;Bevölkerung ab 14;q-zdf-2024;2026-12-04;\n"
    "ard-zdf;facebook;2024;30;woechentlich;Bevölkerung ab 14;q-zdf-2024;2026-12-04;\n"
    "ard-zdf;instagram;2025;40;woechentlich;Bevölkerung ab 14;q-tippelt-2025;2026-12-04;\n"
    "ard-zdf;instagram;2025;20;taeglich;Bevölkerung ab 14;q-tippelt-2025;2026-12-04;\n"
    "pew;instagram;2024;50;woechentlich;Erwachsene in den USA;q-pew-2024;2026-12-04;\n")

# Values each view needs, and for every key a valid value other than its default (a new key in
# the table fails `test_every_key_has_an_example` until it gets one here).
REQUIRED = {"reichweite": {"k": "4-5"}, "simulation": {"k": "4", "laeufe": "300"},
            "k-faktor": {"einladungen": "5", "konversion": "10 %"}}
OTHER = {
    "szenarien": {"stufen": "3", "zielgruppe": "50.000"},
    "reichweite": {"k": "8 bis 12", "faktor": "≥10", "stufen": "3", "zielgruppe": "1.000.000",
                   "weitererzaehlquote": "30 %", "startpersonen": "10"},
    "verzweigung": {"verteilung": "negbin", "dispersion": "0,5", "r_max": "4"},
    "geruecht": {"modell": "maki-thompson", "zielgruppe": "500"},
    "bass": {"p": "0,01", "q": "0,5", "jahre": "12"},
    "nutzung": {"reihe": "pew", "messung": "taeglich", "plattformen": "instagram"},
    "simulation": {"k": "2,5", "stufen": "3", "zielgruppe": "5000", "laeufe": "200",
                   "seed": "11", "startpersonen": "3", "weitererzaehlquote": "0,5"},
    "k-faktor": {"einladungen": "12", "konversion": "0,1", "generationen": "4"},
}


@pytest.fixture(scope="module")
def usage_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("daten") / "nutzung.csv"
    path.write_text(USAGE_CSV, encoding="utf-8")
    return path


def _cli_markdown(capsys, view: str, options: dict[str, str], usage_file) -> str:
    argv = ["-f", "markdown", view]
    for key, value in options.items():
        argv += [f"--{key}", value]
    if view == "nutzung":
        argv += ["--datei", str(usage_file)]
    code = cli.main(argv)
    out = capsys.readouterr()
    assert code == 0, out.err
    heading, _, body = out.out.partition("\n\n")
    assert heading.startswith("## ")
    return body


def _site_markdown(view: str, options: dict[str, str]) -> str:
    usage = parse_usage(USAGE_CSV, "nutzung.csv")
    blocks = render_view({"ansicht": view, "darstellung": "tabelle", **options}, nutzung=usage).blocks
    assert not any(isinstance(b, Figure) for b in blocks)
    return "\n\n".join(blocks) + "\n"


def test_site_and_cli_offer_the_same_views():
    commands = cli.build_parser()._subparsers._group_actions[0].choices
    assert set(commands) == set(VIEWS) == {v.name for v in params.VIEWS}
    assert {"simulation", "k-faktor", "nutzung"} <= set(VIEWS)


def test_every_key_has_an_example():
    assert {v.name: {p.key for p in v.params} for v in params.VIEWS} == \
        {view: set(values) for view, values in OTHER.items()}


@pytest.mark.parametrize("view", VIEWS)
def test_cli_and_view_agree_on_defaults(capsys, usage_file, view):
    """Only the required keys: both sides fill in the same defaults, so the tables match."""
    options = REQUIRED.get(view, {})
    assert _cli_markdown(capsys, view, options, usage_file) == _site_markdown(view, options)


@pytest.mark.parametrize(("view", "key"), [(v, k) for v, keys in OTHER.items() for k in keys])
def test_every_key_works_on_site_and_cli(capsys, usage_file, view, key):
    """Each key, set to a value other than its default, changes the output the same way."""
    options = {**REQUIRED.get(view, {}), key: OTHER[view][key]}
    cli_out = _cli_markdown(capsys, view, options, usage_file)
    assert cli_out == _site_markdown(view, options)
    if key not in REQUIRED.get(view, {}) or view == "simulation":
        assert cli_out != _site_markdown(view, REQUIRED.get(view, {})), "the value had no effect"


@pytest.mark.parametrize("view", params.VIEWS, ids=lambda v: v.name)
def test_explicit_defaults_change_nothing(view):
    defaults = {p.key: p.default for p in view.params if p.default is not None}
    required = REQUIRED.get(view.name, {})
    assert _site_markdown(view.name, {**defaults, **required}) == _site_markdown(view.name, required)


def test_site_keys_and_cli_options_differ_only_where_intended():
    assert all("format" not in keys and "datei" not in keys for keys in KEYS.values())
    parser_help = subprocess.run([sys.executable, "-m", "smm_calc", "reichweite", "--help"],
                                 capture_output=True, text=True).stdout
    assert "--darstellung" not in parser_help and "--ansicht" not in parser_help


def test_old_cli_spellings_still_work(capsys):
    for argv, other in ((["reichweite", "--k", "4", "--retell", "0,5"],
                         ["reichweite", "--k", "4", "--weitererzaehlquote", "50 %"]),
                        (["verzweigung", "--r-max", "5"], ["verzweigung", "--r_max", "5"])):
        assert cli.main(argv) == 0
        first = capsys.readouterr().out
        assert cli.main(other) == 0
        assert capsys.readouterr().out == first


def test_nutzung_on_the_command_line(tmp_path):
    missing = tmp_path / "fehlt.csv"
    proc = subprocess.run([sys.executable, "-m", "smm_calc", "nutzung", "--datei", str(missing)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == (f"smm-calc: Fehler: Die Datendatei „{missing}“ fehlt; bitte mit --datei "
                           "angeben (im Repository: docs/daten/social-media-nutzung.csv).\n")
    # without --datei: the repository's data file, relative to where smm-calc runs
    proc = subprocess.run([sys.executable, "-m", "smm_calc", "nutzung", "-f", "csv"],
                          capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Jahr;")
    bad = tmp_path / "kaputt.csv"
    bad.write_text(USAGE_CSV + "ard-zdf;myspace;2025;1;woechentlich;Bevölkerung ab 14;q-a-1;"
                   "2026-12-04;\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "smm_calc", "nutzung", "--datei", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"smm-calc: Fehler: {bad}:7: Unbekannte Plattform „myspace“")


@pytest.mark.parametrize("view", ["simulation", "k-faktor"])
def test_new_site_views_render_table_and_figure(view):
    out = render_view({"ansicht": view, **REQUIRED[view]})
    figures = [b for b in out.blocks if isinstance(b, Figure)]
    tables = [b for b in out.blocks if isinstance(b, str) and b.startswith("**Tabelle:**")]
    assert figures and tables
    assert render_view({"ansicht": view, **REQUIRED[view]}) == out  # same numbers every build


def test_k_factor_growth_is_the_geometric_series():
    """K = 12 × 10 % = 1,2: after 3 generations 1 + 1,2 + 1,44 + 1,728 = 5,368 users."""
    out = render_view({"ansicht": "k-faktor", "einladungen": "12", "konversion": "10 %",
                       "generationen": "3", "darstellung": "tabelle"})
    growth = next(b for b in out.blocks if isinstance(b, str) and "Einladungsgeneration" in b)
    assert growth.splitlines()[-1] == "| 3 | 1,7 | 5,4 |"


def test_simulation_site_default_seed_is_fixed():
    """The site's builds must not differ: the default seed is fixed and named in the note."""
    view = params.BY_NAME["simulation"]
    assert view.param("seed").default is not None
    out = render_view({"ansicht": "simulation", "k": "3", "laeufe": "200", "darstellung": "tabelle"})
    assert f"Zufallsstartwert (seed): {view.param('seed').default} –" in "\n".join(out.blocks)


def test_contributing_key_tables_are_current():
    proc = subprocess.run([sys.executable, "scripts/contributing_keys.py", "--pruefen"],
                          capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr  # says: python scripts/contributing_keys.py


def test_contributing_check_notices_a_stale_table(tmp_path, monkeypatch):
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import contributing_keys
    finally:
        sys.path.pop(0)
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    stale = text.replace("| `stufen` | Zahl der Weitererzähl-Stufen, 0 bis 50 (Standard: 5) |",
                         "| `stufen` | Zahl der Stufen |", 1)
    assert stale != text
    assert contributing_keys.rewrite(stale) == text
    copy = tmp_path / "CONTRIBUTING.md"
    copy.write_text(stale, encoding="utf-8")
    monkeypatch.setattr(contributing_keys, "CONTRIBUTING", copy)
    assert contributing_keys.main(["--pruefen"]) == 1
    assert contributing_keys.main([]) == 0 and copy.read_text(encoding="utf-8") == text


# --- layering: no import cycle, validate free of render ------------------------------------------

def _module_imports() -> dict[str, set[str]]:
    """smm_calc module → the smm_calc modules it imports (at any depth of the file)."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        name = ".".join(parts)
        package = parts if rel.name == "__init__" else parts[:-1]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("smm_calc")}
            elif isinstance(node, ast.ImportFrom):
                base = package[:len(package) - node.level + 1] if node.level else []
                module = ".".join(base + ([node.module] if node.module else []))
                if not module.startswith("smm_calc"):
                    continue
                for alias in node.names:  # `from . import validate` imports a module
                    sub = f"{module}.{alias.name}"
                    found.add(sub if (PACKAGE.parent / Path(*sub.split("."))).with_suffix(".py")
                              .exists() or (PACKAGE.parent / Path(*sub.split("."))).is_dir()
                              else module)
        graph[name] = found - {name}
    return graph


def test_validate_imports_nothing_from_render():
    graph = _module_imports()
    assert not {m for m in graph["smm_calc.validate"] if m.startswith("smm_calc.render")}
    assert graph["smm_calc.ranges"] <= {"smm_calc.errors", "smm_calc.numtext"}


def test_modules_have_no_import_cycle():
    graph = _module_imports()
    # packages import their modules and may be imported by them only through those modules;
    # a cycle through a package's __init__ counts too (Python would run into it)
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                pytest.fail("Importzyklus: " + " → ".join(path[path.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert "smm_calc.validate" in graph and "smm_calc.params" in graph
