"""German spell check (Debian hunspell de_DE) over the built text, with a reviewed word list;
errors name the Markdown file and line and offer hunspell's suggestions (scripts/spelling.py)."""

from helpers import REPO, load_script, require

spelling = load_script("spelling")
rules = load_script("content_rules")
HINT = "`make test` installt hunspell und hunspell-de-de als root."


def sources() -> dict[str, object]:
    return {rules.url_of(f): REPO / "docs" / f for f in rules.nav_files() if f.endswith(".md")}


def test_wordlist_is_clean():
    words = [w for w in spelling.WORDLIST.read_text(encoding="utf-8").splitlines() if w.strip()]
    assert len(words) == len(set(words)), "doppelte Einträge in tests/wortliste.txt"
    assert all(w == w.strip() and " " not in w for w in words)


def test_spell_checker_catches_a_typo_and_suggests_the_word():
    require("hunspell", spelling.available(), HINT)
    assert spelling.unknown_words("Die Komunikationspolitik ist ein Instrument.") == ["Komunikationspolitik"]
    assert "Kommunikation" in spelling.suggestions(["Komunikation"])["Komunikation"]


def test_a_misspelling_is_named_by_file_and_line(tmp_path):
    require("hunspell", spelling.available(), HINT)
    page = tmp_path / "index.html"
    page.write_text("<html><body><article><p>Die Komunikation ist gut.</p></article></body></html>",
                    encoding="utf-8")
    source = tmp_path / "docs" / "seite.md"
    source.parent.mkdir()
    source.write_text("# Seite\n\nErster Absatz.\n\nDie Komunikation ist gut.\n", encoding="utf-8")
    found = spelling.check({"/seite/": page}, {"/seite/": source}, repo=tmp_path)
    assert [str(f) for f in found][0].startswith("docs/seite.md:5: unbekanntes Wort „Komunikation“ – Vorschläge: ")
    assert "Kommunikation" in found[0].suggestions


def test_built_pages_have_no_unknown_words(html_pages):
    require("hunspell", spelling.available(), HINT)
    found = spelling.check(html_pages, sources())
    assert not found, ("Unbekannte Wörter – Tippfehler korrigieren oder (wenn korrekt) in "
                       "tests/wortliste.txt aufnehmen:\n" + "\n".join(f"  {f}" for f in found))


def test_a_page_on_one_long_line_is_read_word_by_word():
    """A minified page's text has hardly any line breaks; hunspell reads long lines in pieces."""
    require("hunspell", spelling.available(), HINT)
    text = " ".join(["Die Kommunikationspolitik nutzt Zielgruppen und Quellenverzeichnisse."] * 800)
    assert "\n" not in text and len(text) > 50_000
    assert spelling.unknown_words(text) == []
