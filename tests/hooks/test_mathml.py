"""Formulas as MathML at build time (hooks/mathml.py with pymdownx.arithmatex in mkdocs.yml).

The oracle is MathML's own structure – a power is <msup> with base and exponent, a fraction
<mfrac> with numerator and denominator, a sum an <mo>∑</mo> with its limits – read back with an
XML parser, not strings copied from latex2mathml's output.
"""

import xml.etree.ElementTree as ET

import markdown
import pytest
import yaml

from helpers import REPO
from hookmodules import load

mathml = load("mathml")
NS = ""  # written without xmlns: in HTML, <math> is in the MathML namespace by itself


def tree(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def text(element: ET.Element) -> str:
    return "".join(element.itertext())


def find(element: ET.Element, tag: str) -> list[ET.Element]:
    return list(element.iter(NS + tag))


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the arithmatex settings of mkdocs.yml (and footnotes/abbr as there)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    extensions, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name in ("pymdownx.arithmatex", "admonition", "pymdownx.details", "attr_list"):
            extensions.append(name)
            if options:
                configs[name] = options
    assert "pymdownx.arithmatex" in extensions, "mkdocs.yml: pymdownx.arithmatex fehlt"
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def render(source: str) -> str:
    return mathml.replace_formulas(site_markdown().convert(source))


def test_power_is_msup_with_base_and_exponent():
    math = tree(mathml.to_mathml("k^{s}"))
    assert math.tag == "math" and math.get("display") == "inline"
    (power,) = find(math, "msup")
    base, exponent = list(power)
    assert text(base) == "k" and text(exponent) == "s"


def test_fraction_has_numerator_and_denominator():
    (fraction,) = find(tree(mathml.to_mathml(r"\frac{1}{1 - K}")), "mfrac")
    numerator, denominator = list(fraction)
    assert text(numerator) == "1"
    assert [e.text for e in denominator.iter() if e.tag in (NS + "mi", NS + "mn")] == ["1", "K"]
    assert "\u2212" in text(denominator)  # a real minus sign, not a hyphen


def test_sum_in_a_block_has_its_limits_under_and_over():
    math = tree(mathml.to_mathml(r"\sum_{s=1}^{n} k^{s}", "block"))
    assert math.get("display") == "block"
    (sum_,) = find(math, "munderover")
    operator, lower, upper = list(sum_)
    assert operator.text == "\u2211" and text(lower) == "s=1" and text(upper) == "n"


def test_subscripts_and_markdown_do_not_mix():
    html = render(r"Es gilt $U_{s+1} = U_s \cdot q$ und *kursiv* bleibt kursiv.")
    assert "<em>kursiv</em>" in html
    start, end = html.index("<math"), html.index("</math>") + len("</math>")
    math = tree(html[start:end])
    subscripts = find(math, "msub")
    assert [text(s) for s in subscripts] == ["Us+1", "Us"]
    assert "<em>" not in html[start:end] and "$" not in html and "arithmatex" not in html


def test_block_formula_between_double_dollars():
    html = render("Die Gleichung\n\n$$\nz = 1 - e^{-R_0 z}\n$$\n\nfolgt.")
    (block,) = [m for m in find(tree(f"<div>{html}</div>"), "math")]
    assert block.get("display") == "block"
    assert [text(e) for e in find(block, "msub")] == ["R0"]


def test_symbols_are_characters_and_markup_characters_stay_escaped():
    markup = mathml.to_mathml(r"R < 1 \leq \text{a<b}")
    assert "&#x" not in markup and "\u2264" in markup
    math = tree(markup)  # parses: every < in the text is escaped
    assert [e.text for e in math.iter() if e.tag == "mo"][0] == "<"
    assert [e.text for e in math.iter() if e.tag == "mtext"] == ["a<b"]


def test_a_single_dollar_sign_stays_text():
    html = render("Google kaufte YouTube für $1.65 Milliarden.")
    assert "<math" not in html and "$1.65" in html


@pytest.mark.parametrize(("tex", "hint"), [(r"\frac{1}{", "Klammern"), (r"\foo x", r"\foo")])
def test_unreadable_formula_is_a_german_error_naming_it(tex, hint):
    with pytest.raises(mathml.FormulaError) as error:
        mathml.to_mathml(tex)
    assert tex in str(error.value) and hint in str(error.value)
    assert error.value.source == tex


def test_error_points_to_the_source_line():
    source = "# Titel\n\nText\n\nMit $\\foo x$ kaputt.\n"
    assert mathml.source_line(source, r"\foo x") == 5


@pytest.mark.slow
def test_a_bad_formula_fails_the_build_naming_file_and_line(tmp_path):
    """What a contributor sees: the strict build stops with `docs/<file>:<line>: …` in German."""
    import textwrap

    from helpers import build_site

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Start\n\nGut: $k^{s}$\n", encoding="utf-8")
    (docs / "seite.md").write_text("# Seite\n\nText\n\nMit $\\foo x$ kaputt.\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(textwrap.dedent(f"""\
        site_name: Test
        hooks: [{REPO / 'hooks' / 'mathml.py'}]
        markdown_extensions:
          - pymdownx.arithmatex:
              generic: true
              inline_syntax: [dollar]
              block_syntax: [dollar]
        """), encoding="utf-8")
    proc = build_site(config, tmp_path / "site", check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert "docs/seite.md:5: Formel „\\foo x“: unbekannter Befehl \\foo" in output, output
    (docs / "seite.md").write_text("# Seite\n\nMit $x_{1}$ heil.\n", encoding="utf-8")
    build_site(config, tmp_path / "site")
    built = (tmp_path / "site" / "seite" / "index.html").read_text(encoding="utf-8")
    assert "<math" in built and "<msub>" in built and "arithmatex" not in built
