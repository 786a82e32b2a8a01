"""The plan data file and what a plan takes from a page (hooks/lehrplan.py, no MkDocs)."""

import pytest

from hookmodules import load

lehrplan = load("lehrplan")
themenbaum = load("themenbaum")

GOOD = """\
kurs:
  - anker: sitzung-01
    titel: Eins
    seiten:
      - a.md
    vorbereitung: Lesen.
"""


@pytest.mark.parametrize("text, line, needle", [
    (GOOD.replace("    titel: Eins\n", "    titel: Eins\n    dauer: 90\n"), 4, "Unbekannter Schlüssel „dauer“"),
    (GOOD.replace("    vorbereitung: Lesen.\n", ""), 2, "fehlt „vorbereitung“"),
    (GOOD.replace("sitzung-01", "Sitzung 1"), 2, "Anker „Sitzung 1“"),
    (GOOD + GOOD.replace("kurs:\n", ""), 7, "schon die Sitzung in Zeile 2"),
    (GOOD.replace("    seiten:\n      - a.md\n", "    seiten: a.md\n"), 4, "keine Liste von Seiten"),
    ("kurs: [\n", 2, "kein gültiges YAML"),
])
def test_mistakes_in_the_data_file_name_their_line(text, line, needle):
    with pytest.raises(lehrplan.PlanError) as error:
        lehrplan.parse_plans(text)
    assert error.value.line == line and needle in error.value.message


def test_a_missing_page_is_reported_at_its_line_with_a_hint():
    plans = lehrplan.parse_plans(GOOD.replace("      - a.md", "      - b/a.md"))
    with pytest.raises(lehrplan.PlanError) as error:
        lehrplan.check_pages(plans, {"a.md"}, lambda src: "")
    assert error.value.line == 5
    assert "„b/a.md“ gibt es nicht" in error.value.message and "„a.md“" in error.value.message


def test_learning_objectives_as_the_page_states_them():
    source = ('---\ndescription: x\n---\n\n# Titel\n\n!!! abstract "Lernziele"\n\n'
              "    Nach dieser Seite können Sie …\n\n    - … eins erklären,\n    - … zwei über\n"
              "      zwei Zeilen [anwenden](b.md#x).\n\nText.\n\n## Fallaufgabe { #fall }\n\n"
              "```\n## Kontrollfragen\n```\n")
    info = lehrplan.page_info("s/a.md", source)
    assert info.title == "Titel"
    assert info.lernziele.intro == "Nach dieser Seite können Sie …"
    assert info.lernziele.items == ["… eins erklären,", "… zwei über zwei Zeilen [anwenden](b.md#x)."]
    assert info.anchors == {"Fallaufgabe": "fall"}  # the heading in a code block does not count
    assert lehrplan._rebase(info.lernziele.items[1], "s/a.md", "") == \
        "… zwei über zwei Zeilen [anwenden](s/b.md#x)."


def test_a_page_without_learning_objectives_cannot_be_in_a_session():
    plans = lehrplan.parse_plans(GOOD)
    with pytest.raises(lehrplan.PlanError) as error:
        lehrplan.check_pages(plans, {"a.md"}, lambda src: "# A\n\nText.\n")
    assert error.value.line == 5 and "keinen Kasten „Lernziele“" in error.value.message


def test_an_ambiguous_branch_asks_for_the_path():
    Node = themenbaum.Node
    tree = [Node("A", children=[Node("Grundlagen", children=[Node("x", url="x/")])]),
            Node("B", children=[Node("Grundlagen", children=[Node("y", url="y/")])])]
    with pytest.raises(themenbaum.MarkerError) as error:
        themenbaum.find_branch(tree, "Grundlagen", 3)
    assert "„A / Grundlagen“, „B / Grundlagen“" in error.value.message
    path, node = themenbaum.find_branch(tree, "B / Grundlagen", 3)
    assert path == ("B", "Grundlagen") and node.children[0].title == "y"
