"""The bibliography docs/quellen.md on its Markdown source (fast tier, no build): every web source
has an access date, no work is listed twice, every footnote link `quellen.md#q-…` in docs/ has
its anchor. Each problem names file and line in German (scripts/bibliography.py). The built-site
counterpart is tests/site/test_content.py::test_every_footnote_points_to_its_bibliography_entry."""

import textwrap

import pytest
from helpers import REPO, load_script

bib = load_script("bibliography")

WHERE = "docs/quellen.md"
ENTRIES = bib.parse((REPO / WHERE).read_text(encoding="utf-8"))


def entries(text: str):
    return bib.parse(textwrap.dedent(text))


# --- the parser and the checks on small hand-made bibliographies -----------------------------

SAMPLE = """\
    # Quellen

    ## Abschnitt

    Muster, Max (2020): Ein Buch. Berlin: Verlag.
    { #q-muster-2020 }

    Web, Wanda (o. J.): Eine Seite.
    <https://example.org/seite> (abgerufen am 4. 12. 2026)
    { #q-web-o-j }

    Ohne, Datum (2019): Noch eine Seite. <https://example.org/andere>
    { #q-ohne-2019 }

    Doi, Dora (2018): Ein Aufsatz. In: *Zeitschrift* 1 (2), S. 3–4. <https://doi.org/10.1000/ABC.1>
    { #q-doi-2018 }

    Stabil, Stella (1987): Ein Aufsatz. In: *Zeitschrift* 51 (1). <https://www.jstor.org/stable/123>
    { #q-stabil-1987 }
    """


def test_parser_finds_each_entry_with_its_first_line_and_aliases():
    found = entries(SAMPLE + """
    <span id="q-alt"></span>Neu, Nora (2021): Zusammengeführt. <https://example.org/neu>
    (abgerufen am 4. 12. 2026)
    { #q-neu-2021 }
    """)
    assert [(e.anchor, e.line) for e in found] == [
        ("q-muster-2020", 5), ("q-web-o-j", 8), ("q-ohne-2019", 12), ("q-doi-2018", 15),
        ("q-stabil-1987", 18), ("q-neu-2021", 21)]
    assert found[-1].anchors == ["q-neu-2021", "q-alt"]
    assert found[3].dois == {"10.1000/abc.1"}


def test_web_source_without_access_date_is_named_with_anchor_and_line():
    problems = bib.missing_access_dates(entries(SAMPLE), WHERE)
    # the book has no address, DOI and JSTOR stable URL are persistent identifiers of published
    # works: only q-ohne-2019 is missing
    assert len(problems) == 1
    assert problems[0].startswith("docs/quellen.md:12: #q-ohne-2019: Webquelle ohne Abrufdatum")


@pytest.mark.parametrize("note", ["(abgerufen am 4. 12. 2026)", "(beide abgerufen am 1. 2. 2025)",
                                  "(abgerufen am 4. 12. 2026; Inhalt nicht erneut geprüft)"])
def test_access_date_wordings_are_accepted(note):
    text = f"A, B (2020): Seite. <https://example.org/x> {note}\n{{ #q-a-2020 }}\n"
    assert bib.missing_access_dates(bib.parse(text), WHERE) == []


def test_same_address_in_two_entries_is_a_duplicate_however_it_is_written():
    found = entries("""\
        Eins (2010): Seite. <http://www.Example.org/pfad/> (abgerufen am 4. 12. 2026)
        { #q-eins-2010 }

        Zwei (o. J.): Seite. <https://example.org/pfad> (abgerufen am 4. 12. 2026)
        { #q-zwei-o-j }

        Drei (o. J.): Andere Seite. <https://example.org/pfad/unten> (abgerufen am 4. 12. 2026)
        { #q-drei-o-j }
        """)
    problems = bib.duplicates(found, WHERE)
    assert len(problems) == 1
    assert problems[0].startswith("docs/quellen.md:4: #q-zwei-o-j nennt dieselbe Adresse wie "
                                  "#q-eins-2010 (docs/quellen.md:1)")


def test_same_doi_in_two_entries_is_a_duplicate_even_as_text():
    found = entries("""\
        Eins (2010): Aufsatz. <https://doi.org/10.1000/xyz>
        { #q-eins-2010 }

        Zwei (2010): Derselbe Aufsatz. DOI: 10.1000/XYZ.
        { #q-zwei-2010 }
        """)
    problems = bib.duplicates(found, WHERE)
    assert len(problems) == 1 and "#q-zwei-2010 nennt dieselbe DOI wie #q-eins-2010" in problems[0]


def test_dangling_footnote_link_is_named_with_file_and_line(tmp_path):
    docs = tmp_path / "docs"
    (docs / "a" / "b").mkdir(parents=True)
    (docs / "a" / "b" / "seite.md").write_text(
        "Text.[^x]\n\n[^x]: Beleg. – [Quellenverzeichnis](../../quellen.md#q-fehlt-2020)\n"
        "[^y]: Beleg. – [Quellenverzeichnis](../../quellen.md#q-da-2020)\n", encoding="utf-8")
    (docs / "oben.md").write_text("[Quellen](quellen.md#q-alt)\n", encoding="utf-8")
    problems = bib.dangling_citations(docs, {"q-da-2020", "q-alt"})
    assert problems == ["docs/a/b/seite.md:3: Verweis auf #q-fehlt-2020 – diesen Anker gibt es im "
                        "Quellenverzeichnis (docs/quellen.md) nicht"]


# --- the real bibliography ------------------------------------------------------------------

def test_bibliography_parses_into_many_entries():
    # guards the checks below against a parser that silently finds nothing
    assert len(ENTRIES) > 250
    assert sum(1 for e in ENTRIES if e.web_urls) > 150


def test_every_web_source_has_an_access_date():
    problems = bib.missing_access_dates(ENTRIES, WHERE)
    assert not problems, "\n".join(problems)


def test_no_work_is_listed_twice():
    problems = bib.duplicates(ENTRIES, WHERE) + bib.duplicate_anchors(ENTRIES, WHERE)
    assert not problems, "\n".join(problems)


def test_every_footnote_link_points_to_an_existing_anchor():
    anchors = {a for e in ENTRIES for a in e.anchors}
    problems = bib.dangling_citations(REPO / "docs", anchors)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("merged, kept", [("q-gabler-tkp", "q-gabler-2010"),
                                          ("q-meta-promotions", "q-facebook-2019")])
def test_merged_entries_keep_their_old_anchor_for_deep_links(merged, kept):
    by_anchor = {a: e for e in ENTRIES for a in e.anchors}
    assert by_anchor[merged] is by_anchor[kept]
    assert by_anchor[kept].anchor == kept
