"""The smm hook inside real MkDocs builds of small fixture sites."""

import json
import re
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpers import REPO, build_site
from fixture_sites import FIGURE_PAGE, make_site

# (block body, line of the mistake counted from the opening fence = 0, a word the message names)
BAD = [
    ("ansicht: unbekannt", 1, "„unbekannt“"),
    ("ansicht: reichweite\nstufen: 3", 0, "„k“"),
    ("ansicht: reichweite\nk: -3", 2, "„-3“"),
    ("ansicht: szenarien\nfarbe: blau", 2, "„farbe“"),
    ("ansicht: szenarien\nstufen: viele", 2, "„viele“"),
    ("ansicht: szenarien\nstufen", 2, "schlüssel: wert"),
]


@pytest.mark.parametrize(("body", "line", "mentions"), BAD)
@pytest.mark.parametrize("strict", [True, False])
def test_bad_directive_fails_the_build_naming_file_and_line(tmp_path, body, line, mentions, strict):
    page = "# Seite\n\nText\n\n```smm\n" + body + "\n```\n"
    config = make_site(tmp_path, page, strict_config=strict)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-q"],
                          cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    expected_line = 5 + line  # the opening fence is page line 5
    assert f"docs/seite.md:{expected_line}:" in output, output
    assert mentions.lower() in output.lower(), output
    assert "Traceback" not in output


def test_unclosed_block_names_its_opening_line(tmp_path):
    config = make_site(tmp_path, "# Seite\n\n```smm\nansicht: bass\n")
    proc = build_site(config, tmp_path / "out", check=False)
    assert proc.returncode != 0
    assert "docs/seite.md:3:" in proc.stdout + proc.stderr


def test_two_builds_give_identical_figures(tmp_path):
    outputs = []
    for run in ("a", "b"):  # separate folders, so separate caches: both draw the figure
        config = make_site(tmp_path / run, FIGURE_PAGE)
        build_site(config, tmp_path / run / "site")
        svgs = sorted((tmp_path / run / "site" / "assets" / "generated").glob("*.svg"))
        assert svgs
        outputs.append({p.name: p.read_bytes() for p in svgs})
    assert outputs[0] == outputs[1]


_BUILD_AND_REPORT = """\
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config(sys.argv[1]))
print("matplotlib" in sys.modules, "smm_calc.views" in sys.modules)
"""


def test_warm_build_neither_recomputes_nor_imports_matplotlib(tmp_path):
    config = make_site(tmp_path, FIGURE_PAGE)

    def build_once():
        proc = subprocess.run([sys.executable, "-c", _BUILD_AND_REPORT, str(config)],
                              cwd=tmp_path, capture_output=True, text=True, check=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        return proc.stdout.split()[-2:]

    assert build_once() == ["True", "True"]  # cold: computed and drawn
    assert list((tmp_path / ".cache" / "smm").glob("*.json"))
    assert build_once() == ["False", "False"]  # warm: straight from .cache/


def test_figure_markup_points_at_the_generated_file(tmp_path):
    config = make_site(tmp_path, FIGURE_PAGE)
    build_site(config, tmp_path / "site")
    html = (tmp_path / "site" / "seite" / "index.html").read_text(encoding="utf-8")
    # light and dark <picture>, each an <img> (wide) and a <source> (narrow), all with alt text
    srcs = re.findall(r'<img\b[^>]*\ssrc="([^"]+\.svg)"', html)
    srcsets = re.findall(r'<source\b[^>]*\ssrcset="([^"]+\.svg)"', html)
    assert len(srcs) == len(srcsets) == 2 and len(re.findall(r'<img\b[^>]*\salt="[^"]{20,}"', html)) == 2
    for src in srcs + srcsets:
        assert (tmp_path / "site" / "seite" / src).resolve().exists()
    assert "Daten zur Abbildung" in html


def test_failing_notebook_cell_fails_the_build(tmp_path):
    import nbformat

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Kaputt"),
        nbformat.v4.new_code_cell("raise ValueError('absichtlicher Fehler')"),
    ])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, tmp_path / "docs" / "kaputt.ipynb")
    # the same mkdocs-jupyter options as the project's mkdocs.yml
    project = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    options = re.search(r"  - mkdocs-jupyter:\n((?:      .*\n)+)", project).group(1)
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: Test\nplugins:\n  - mkdocs-jupyter:\n{options}", encoding="utf-8")
    proc = build_site(config, tmp_path / "site", check=False)
    assert proc.returncode != 0
    assert "absichtlicher Fehler" in proc.stdout + proc.stderr


# --- the usage data file (view „nutzung“) --------------------------------------------------------

from fixture_sites import USAGE_PAGE, USAGE_ROW, usage_files  # noqa: E402

GOOD_ROWS = (USAGE_ROW.format(platform="instagram", year=2023, value=35, source="q-koch-2023"),
             USAGE_ROW.format(platform="instagram", year=2025, value=40, source="q-tippelt-2025"))
# (bad row, a word the message names); the bad row is line 4 of the file
BAD_USAGE_ROWS = [
    (USAGE_ROW.format(platform="instagram", year=2024, value=37, source=""), "Quelle"),
    (USAGE_ROW.format(platform="myspace", year=2024, value=37, source="q-koch-2023"), "myspace"),
    (USAGE_ROW.format(platform="instagram", year=2024, value=137, source="q-koch-2023"), "100"),
    (USAGE_ROW.format(platform="instagram", year=1024, value=37, source="q-koch-2023"), "1024"),
    (USAGE_ROW.format(platform="instagram", year=2024, value=37, source="q-fehlt-2024"),
     "q-fehlt-2024"),
]


@pytest.mark.parametrize(("row", "mentions"), BAD_USAGE_ROWS)
def test_bad_data_row_fails_the_build_naming_file_and_line(tmp_path, row, mentions):
    config = make_site(tmp_path, "# Seite\n\nText\n", files=usage_files(*GOOD_ROWS, row))
    proc = build_site(config, tmp_path / "site", check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert "docs/daten/social-media-nutzung.csv:4:" in output, output
    assert mentions.lower() in output.lower(), output
    assert "Traceback" not in output


def test_usage_view_renders_with_links_to_the_bibliography_and_the_file(tmp_path):
    config = make_site(tmp_path, USAGE_PAGE, files=usage_files(*GOOD_ROWS))
    build_site(config, tmp_path / "site")
    html = (tmp_path / "site" / "seite" / "index.html").read_text(encoding="utf-8")
    assert 'href="../quellen/#q-koch-2023"' in html and 'href="../quellen/#q-tippelt-2025"' in html
    assert ">Tippelt (2025)<" in html
    assert 'href="../daten/social-media-nutzung.csv"' in html
    assert (tmp_path / "site" / "daten" / "social-media-nutzung.csv").exists()
    assert "@docs/" not in html
    alts = re.findall(r'<img\b[^>]*\salt="([^"]+)"', html)  # light and dark variant
    assert len(alts) == 2 and alts[0] == alts[1] and alts[0].startswith("Liniendiagramm")


def test_usage_view_without_data_file_names_the_block(tmp_path):
    config = make_site(tmp_path, USAGE_PAGE)
    proc = build_site(config, tmp_path / "site", check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "docs/seite.md:4:" in output and "Nutzungsdaten" in output, output
