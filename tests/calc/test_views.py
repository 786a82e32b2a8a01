"""Views for the build hook: the contract (names, keys, blocks) and every error path."""

import re

import pytest

from smm_calc import InputError
from smm_calc.usage import parse_usage
from smm_calc.views import KEYS, VIEWS, Figure, Rendered
from smm_calc.views import render_view as _render_view

USAGE = parse_usage(
    "reihe;plattform;jahr;wert;messung;grundgesamtheit;quelle;abgerufen;anmerkung\n"
    "ard-zdf;instagram;2024;37;woechentlich;Bevölkerung ab 14;q-zdf-2024;2026-12-04;\n"
    "ard-zdf;instagram;2025;40;woechentlich;Bevölkerung ab 14;q-tippelt-2025;2026-12-04;\n")


def render_view(options, **kwargs):
    """The views as the hook calls them: „nutzung“ gets a (small) usage data file."""
    return _render_view(options, nutzung=USAGE, **kwargs)

NB = "\u00a0"


def test_contract_names_and_keys():
    assert VIEWS == ("szenarien", "reichweite", "verzweigung", "geruecht", "bass", "nutzung",
                     "simulation", "k-faktor")
    common = {"ansicht", "darstellung"}
    assert {v: set(KEYS[v]) - common for v in VIEWS} == {
        "szenarien": {"stufen", "zielgruppe"},
        "reichweite": {"k", "faktor", "stufen", "zielgruppe", "weitererzaehlquote", "startpersonen"},
        "verzweigung": {"verteilung", "dispersion", "r_max"},
        "geruecht": {"modell", "zielgruppe"},
        "bass": {"p", "q", "jahre"},
        "nutzung": {"reihe", "messung", "plattformen"},
        "simulation": {"k", "stufen", "zielgruppe", "laeufe", "seed", "startpersonen",
                       "weitererzaehlquote"},
        "k-faktor": {"einladungen", "konversion", "generationen"},
    }
    assert all(common <= set(KEYS[v]) for v in VIEWS)
    assert all(isinstance(d, str) and d for keys in KEYS.values() for d in keys.values())


MINIMAL = {"szenarien": {}, "reichweite": {"k": "4-5"}, "verzweigung": {}, "geruecht": {},
           "bass": {}, "nutzung": {}, "simulation": {"k": "4", "laeufe": "500"},
           "k-faktor": {"einladungen": "5", "konversion": "10 %"}}


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_renders_both(view):
    out = render_view({"ansicht": view, **MINIMAL[view]})
    assert isinstance(out, Rendered)
    figures = [b for b in out.blocks if isinstance(b, Figure)]
    texts = [b for b in out.blocks if isinstance(b, str)]
    assert figures and any(t.startswith("**Tabelle:**") for t in texts)
    for f in figures:
        assert re.fullmatch(r"[a-z0-9_-]+", f.name)
        assert f.svg.lstrip().startswith("<?xml") and "<svg" in f.svg and 'role="img"' in f.svg
        assert f.alt and f.caption and f.alt.endswith(".")
        assert f.data_markdown.startswith("| ") and "---" in f.data_markdown
        assert not re.search(r"\b(nan|inf|infinity)\b", f.data_markdown + f.alt, re.I)


@pytest.mark.parametrize("view", VIEWS)
def test_darstellung(view):
    tables = render_view({"ansicht": view, "darstellung": "tabelle", **MINIMAL[view]})
    assert not any(isinstance(b, Figure) for b in tables.blocks)
    assert any(isinstance(b, str) and "| ---" in b for b in tables.blocks)
    figures = render_view({"ansicht": view, "darstellung": "Abbildung", **MINIMAL[view]})
    assert any(isinstance(b, Figure) for b in figures.blocks)
    assert not any(isinstance(b, str) and "| ---" in b for b in figures.blocks)


def test_scenarios_table_shows_the_seed_numbers():
    """Hand arithmetic: 4+16+64 = 84, 5+25+125 = 155, 8+64+512 = 584, 12+144+1728 = 1884,
    40+1600+64000 = 65640, 80+6400+512000 = 518480."""
    out = render_view({"ansicht": "szenarien", "stufen": "3", "darstellung": "tabelle"})
    table = next(b for b in out.blocks if isinstance(b, str) and b.startswith("**Tabelle:**"))
    row3 = next(line for line in table.splitlines() if line.startswith("| 3 |"))
    assert row3 == "| 3 | 84–155 | 584–1.884 | mindestens 65.640 | mindestens 518.480 |"


def test_scenarios_with_target_group_add_saturation():
    out = render_view({"ansicht": "szenarien", "zielgruppe": "100.000"})
    figures = [b for b in out.blocks if isinstance(b, Figure)]
    tables = [b for b in out.blocks if isinstance(b, str) and b.startswith("**Tabelle:**")]
    assert len(figures) == 2 and len(tables) == 2
    assert "100.000" in tables[1]


def test_reach_view_with_german_inputs():
    out = render_view({"ansicht": "reichweite", "k": "4,5", "faktor": "≥10", "stufen": "2",
                       "zielgruppe": "1.000.000", "weitererzaehlquote": "50 %",
                       "startpersonen": "2", "darstellung": "tabelle"})
    text = "\n".join(b for b in out.blocks if isinstance(b, str))
    # naive: 2 people × k ≥ 45 → at least 90 in Stufe 1, 2·(45 + 45²) = 4.140 after Stufe 2
    assert "mindestens 90" in text and "mindestens 4.140" in text
    assert "R = k · Quote" in text


def test_figures_are_reproducible():
    a = render_view({"ansicht": "bass", "darstellung": "abbildung"})
    b = render_view({"ansicht": "bass", "darstellung": "abbildung"})
    assert a == b


@pytest.mark.parametrize(("options", "key", "fragment"), [
    ({}, "ansicht", "Es fehlt „ansicht“"),
    ({"ansicht": "tabelle"}, "ansicht", "szenarien, reichweite, verzweigung, geruecht, bass"),
    ({"ansicht": "szenarien", "k": "4"}, "k", "erlaubt sind: ansicht, darstellung, stufen, zielgruppe"),
    ({"ansicht": "szenarien", "darstellung": "bild"}, "darstellung", "tabelle"),
    ({"ansicht": "szenarien", "stufen": "51"}, "stufen", "höchstens 50"),
    ({"ansicht": "szenarien", "stufen": "drei"}, "stufen", "Zahl"),
    ({"ansicht": "szenarien", "zielgruppe": "0"}, "zielgruppe", "mindestens 1"),
    ({"ansicht": "szenarien", "stufen": "0", "darstellung": "abbildung"}, "stufen", "Abbildung"),
    ({"ansicht": "reichweite"}, "k", "fehlt der Schlüssel „k“"),
    ({"ansicht": "reichweite", "k": "-3"}, "k", "k muss eine positive Zahl sein, nicht „-3“."),
    ({"ansicht": "reichweite", "k": ""}, "k", "k muss"),
    ({"ansicht": "reichweite", "k": "5-4"}, "k", "untere Grenze"),
    ({"ansicht": "reichweite", "k": "4", "faktor": "0"}, "faktor", "positive"),
    ({"ansicht": "reichweite", "k": "4", "weitererzaehlquote": "2"}, "weitererzaehlquote", "0 und 1"),
    ({"ansicht": "reichweite", "k": "4", "startpersonen": "0"}, "startpersonen", "mindestens 1"),
    ({"ansicht": "reichweite", "k": "4", "startpersonen": "10", "zielgruppe": "5"}, "zielgruppe",
     "Startpersonen"),
    ({"ansicht": "reichweite", "k": "1e8", "stufen": "50"}, "k", "zu groß"),
    ({"ansicht": "reichweite", "k": "4", "retell": "1"}, "retell", "erlaubt sind"),
    ({"ansicht": "verzweigung", "verteilung": "normal"}, "verteilung", "alle"),
    ({"ansicht": "verzweigung", "dispersion": "0"}, "dispersion", "größer als 0"),
    ({"ansicht": "verzweigung", "r_max": "100"}, "r_max", "höchstens 20"),
    ({"ansicht": "geruecht", "modell": "sir"}, "modell", "maki-thompson"),
    ({"ansicht": "geruecht", "zielgruppe": "1"}, "zielgruppe", "mindestens 2"),
    ({"ansicht": "bass", "p": "0"}, "p", "größer als 0"),
    ({"ansicht": "bass", "q": "-1"}, "q", "mindestens 0"),
    ({"ansicht": "bass", "jahre": "1000"}, "jahre", "höchstens 200"),
    ({"ansicht": "bass", "Jahre": "x"}, "jahre", "Zahl"),
    ({"ansicht": "simulation"}, "k", "fehlt der Schlüssel „k“"),
    ({"ansicht": "simulation", "k": "4-5"}, "k", "einzelne Zahl"),
    ({"ansicht": "simulation", "k": "4", "laeufe": "0"}, "laeufe", "laeufe muss mindestens 1"),
    ({"ansicht": "simulation", "k": "4", "seed": "-1"}, "seed", "seed muss mindestens 0"),
    ({"ansicht": "simulation", "k": "4", "seed": "x"}, "seed", "seed muss eine Zahl sein"),
    ({"ansicht": "k-faktor", "einladungen": "5"}, "konversion", "fehlt der Schlüssel „konversion“"),
    ({"ansicht": "k-faktor", "einladungen": "5", "konversion": "120 %"}, "konversion",
     "konversion muss zwischen 0 und 1"),
    ({"ansicht": "k-faktor", "einladungen": "-1", "konversion": "0,1"}, "einladungen",
     "einladungen muss mindestens 0"),
    ({"ansicht": "k-faktor", "einladungen": "5", "konversion": "0,1", "generationen": "0"},
     "generationen", "generationen muss mindestens 1"),
])
def test_errors_name_the_key(options, key, fragment):
    with pytest.raises(InputError) as info:
        render_view(options)
    assert info.value.key == key
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


# --- variants for a phone and the dark scheme ---------------------------------------------------

PHONE_COLUMN_PX = 328  # content column of Material at a 360 px viewport


def _lum(colour: str) -> float:
    c = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    c = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_lum(a), _lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _svg_facts(svg: str):
    """viewBox width, font sizes, background fill, text fills and <desc> of a matplotlib SVG."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(re.sub(r"^<\?xml[^>]*>\s*<!DOCTYPE[^>]*>\s*", "", svg))
    ns = "{http://www.w3.org/2000/svg}"
    width = float(root.get("viewBox").split()[2])
    texts = [t for t in root.iter(f"{ns}text")]
    sizes = [float(re.search(r"font(?:-size)?:[^;]*?([0-9.]+)px", t.get("style"))[1]) for t in texts]
    fills = {(re.search(r"fill:\s*(#[0-9a-fA-F]{6})", t.get("style") or "") or [None, "#000000"])[1]
             for t in texts}
    background = re.search(r"fill:\s*(#[0-9a-fA-F]{6})", root.find(f".//{ns}g[@id='patch_1']/{ns}path")
                           .get("style"))[1]
    return width, sizes, background, fills, root.find(f"{ns}desc").text, root.find(f"{ns}title").text


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_yields_all_variants_with_the_same_alt_text(view):
    from smm_calc.render.figures import VARIANTS

    out = render_view({"ansicht": view, "darstellung": "abbildung", **MINIMAL[view]})
    for f in (b for b in out.blocks if isinstance(b, Figure)):
        variants = dict(f.variants)
        assert set(variants) == {name for name, _, _ in VARIANTS}
        assert variants["breit-hell"] == f.svg and len(set(variants.values())) == 4
        facts = {name: _svg_facts(svg) for name, svg in variants.items()}
        assert {facts[n][4] for n in facts} == {f.alt}  # same text alternative (<desc>) …
        assert len({facts[n][5] for n in facts}) == 1  # … and title
        for name, (width, sizes, background, fills, _, _) in facts.items():
            if name.startswith("schmal"):  # legible on a phone: ≥ 11 CSS px in a 328 px column
                assert min(sizes) * PHONE_COLUMN_PX / width >= 11, (f.name, name, width)
            if name.endswith("dunkel"):  # a dark plate with light ink, like Material's slate
                assert _lum(background) < 0.05, (f.name, background)
            else:
                assert background.lower() == "#ffffff"
            assert all(_contrast(ink, background) >= 4.5 for ink in fills), (name, fills)
        html = f.html(lambda variant: f"{variant}.svg")
        alts = re.findall(r'\salt="([^"]*)"', html)
        assert len(alts) == 2 and len(set(alts)) == 1 and alts[0]
        assert html.count('loading="lazy"') == 2 and html.count("<source ") == 2


def test_dark_palette_keeps_its_contrast():
    from smm_calc.render.figures import DARK, LIGHT

    for palette in (LIGHT, DARK):
        assert _contrast(palette.text, palette.paper) >= 4.5
    # lines and markers on the dark plate: ≥ 3:1 (WCAG 1.4.11), and six different colours
    assert all(_contrast(c, DARK.paper) >= 3 for c in DARK.colours)
    assert len(set(DARK.colours)) == len(DARK.colours) == len(LIGHT.colours)
