"""Tables (Markdown, text, CSV, JSON) and SVG figures: German, reproducible, accessible, lazy."""

import csv
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET


from smm_calc.render.figures import FigureSpec, Guide, Series, draw_svg
from smm_calc.render.tables import Column, Table, to_csv, to_json_obj, to_markdown, to_text

NB = "\u00a0"
TABLE = Table("Beispiel", (
    Column("stufe", "Stufe", "int", (1, 2)),
    Column("reichweite", "Reichweite", "count_band", ((84, 155), (1640, None))),
    Column("anteil", "Anteil", "percent", (0.2032, 0.5)),
    Column("name", "Name", "text", ("a|b", "ä")),
))


def test_markdown():
    md = to_markdown(TABLE)
    lines = md.splitlines()
    assert lines[0] == "**Tabelle:** Beispiel" and lines[1] == ""
    assert lines[2] == "| Stufe | Reichweite | Anteil | Name |"
    assert lines[3] == "| ---: | ---: | ---: | --- |"
    assert lines[4] == f"| 1 | 84–155 | 20,3{NB}% | a\\|b |"
    assert lines[5] == f"| 2 | mindestens 1.640 | 50,0{NB}% | ä |"
    assert not to_markdown(TABLE, caption=False).startswith("**")


def test_text_is_aligned():
    lines = to_text(TABLE).splitlines()
    assert lines[0] == "Beispiel"
    body = lines[2:]
    assert body[1].startswith("-----")
    # numeric columns are right-aligned: "Anteil" values end where the header ends
    end = body[0].index("Anteil") + len("Anteil")
    assert body[2][:end].endswith("20,3" + NB + "%")


def test_csv_for_german_excel():
    rows = list(csv.reader(io.StringIO(to_csv(TABLE)), delimiter=";"))
    assert rows[0] == ["Stufe", "Reichweite (von)", "Reichweite (bis)", "Anteil", "Name"]
    assert rows[1] == ["1", "84", "155", "0,2032", "a|b"]
    assert rows[2] == ["2", "1640", "", "0,5", "ä"]


def test_json_keeps_raw_numbers():
    data = json.loads(json.dumps(to_json_obj(TABLE)))
    assert data["zeilen"][1]["reichweite"] == {"von": 1640, "bis": None}
    assert data["zeilen"][0]["anteil"] == 0.2032


SPEC = FigureSpec(
    name="test-abbildung", title="Reichweite & <Test>", alt="Zwei Linien steigen an.",
    caption="Bildunterschrift", xlabel="Weitererzähl-Stufe", ylabel="Anteil",
    series=(Series("eins", (0, 0.5, 1), (0.1, 0.25, 0.5), (0.2, 0.3, 0.6)),
            Series("zwei", (0, 0.5, 1), (0.05, 0.1, 0.2))),
    guides=(Guide("y", 0.4, "Grenze"),), y_format="percent")


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(re.sub(r"^<\?xml[^>]*>\s*<!DOCTYPE[^>]*>\s*", "", svg))


def test_svg_is_byte_identical_between_renders():
    assert draw_svg(SPEC) == draw_svg(SPEC)


def test_svg_accessibility_and_look():
    svg = draw_svg(SPEC)
    root = _parse(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{ns}title"), root.find(f"{ns}desc")
    assert title.text == "Reichweite & <Test>" and desc.text == "Zwei Linien steigen an."
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert list(root)[:2] == [title, desc]
    assert "fill: #ffffff" in svg  # solid white background
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert "Weitererzähl-Stufe" in svg
    assert ">0,2</text>" in svg  # German decimal comma on the x axis
    assert re.search(r"\d0\s*%", svg)  # percent ticks


def test_svg_parses_as_xml():
    assert _parse(draw_svg(SPEC)).get("id") == "test-abbildung"


def test_log_axis_labels_are_german():
    spec = FigureSpec("log", "Log", "Alt", "Cap", "Stufe", "Personen",
                      (Series("a", (1, 2, 3), (10.0, 1e4, 1e7)),), log_y=True, x_integer=True)
    svg = draw_svg(spec)
    assert "10.000" in svg and "Mio." in svg


CHECK_LAZY = """
import sys
import smm_calc, smm_calc.views, smm_calc.cli
from smm_calc.views import render_view
from smm_calc.render.tables import to_markdown
render_view({"ansicht": "szenarien", "darstellung": "tabelle", "zielgruppe": "1000"})
assert "matplotlib" not in sys.modules, "matplotlib imported"
assert not any(m == "mkdocs" or m.startswith("mkdocs.") for m in sys.modules), "mkdocs imported"
print("ok")
"""


def test_tables_do_not_import_matplotlib():
    out = subprocess.run([sys.executable, "-c", CHECK_LAZY], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_package_never_imports_mkdocs():
    from pathlib import Path

    import smm_calc

    for path in Path(smm_calc.__file__).parent.rglob("*.py"):
        assert not re.search(r"^\s*(import|from)\s+mkdocs", path.read_text(), re.M), path


def _marker_ids_in_order(svg: str) -> str:
    """matplotlib names markers and clip paths by a hash of their style (colour included):
    rename them by first appearance, so drawings can be compared without those names."""
    names: dict[str, str] = {}
    return re.sub(r"\b(m|p)[0-9a-f]{10}\b",
                  lambda m: names.setdefault(m[0], f"{m[1]}{len(names)}"), svg)


def test_recoloured_dark_variant_equals_a_dark_drawing():
    """draw_variants draws each layout once and recolours it for dark; the oracle is drawing
    the dark variant directly (slow path): same SVG up to the names of marker ids."""
    from pathlib import Path

    from smm_calc.params import BY_NAME
    from smm_calc.render.figures import draw_variants
    from smm_calc.usage import parse_usage

    data = Path(__file__).resolve().parents[2] / "docs" / "daten" / "social-media-nutzung.csv"
    usage = parse_usage(data.read_text(encoding="utf-8"))

    def figures(view: str, **raw):
        spec = BY_NAME[view]
        return spec.compute(spec.parse(raw), usage).figures

    # one figure of every report that draws one (lines, bands, guides, log axis, bars)
    specs = [*figures("nutzung")[:1], *figures("szenarien", zielgruppe="100000")[:1],
             *figures("reichweite", k="4-5", faktor="≥10", stufen="3"),
             *figures("verzweigung"), *figures("geruecht"), *figures("bass"),
             *figures("simulation", k="4", laeufe="200"),
             *figures("k-faktor", einladungen="3", konversion="40 %")]
    assert len(specs) == 8
    for spec in specs:
        variants = draw_variants(spec)
        for narrow, dark_name in ((False, "breit-dunkel"), (True, "schmal-dunkel")):
            direct = draw_svg(spec, narrow=narrow, dark=True)
            assert _marker_ids_in_order(variants[dark_name]) == _marker_ids_in_order(direct), \
                (spec.name, dark_name)
