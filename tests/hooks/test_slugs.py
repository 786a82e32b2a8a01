"""German ASCII slugify: anchors lecturers link to must follow this rule forever."""

import pytest
from hypothesis import given, strategies as st

from hookmodules import load

slugs = load("slugs")


@pytest.mark.parametrize(("heading", "anchor"), [
    ("Größe der Übertragungsreichweite", "groesse-der-uebertragungsreichweite"),
    ("Über uns – Fragen & Antworten", "ueber-uns-fragen-antworten"),
    ("Äpfel, Öl und Übermaß", "aepfel-oel-und-uebermass"),
    ("STRASSE ẞ", "strasse-ss"),
    ("Web 2.0", "web-20"),
    ("4–5 oder 8–12 Personen?", "45-oder-812-personen"),
    ("Faktor ≥ 10", "faktor-10"),
    ("  viele   Leerzeichen --- und -- Striche  ", "viele-leerzeichen-und-striche"),
    ("„Zitat“ (mit Klammern)", "zitat-mit-klammern"),
    ("Café & Crème brûlée", "cafe-creme-brulee"),
    ("snake_case bleibt lesbar", "snake-case-bleibt-lesbar"),
    ("§ 5 DDG", "5-ddg"),
])
def test_examples(heading, anchor):
    assert slugs.slugify(heading, "-") == anchor


@given(st.text())
def test_any_text_gives_a_clean_ascii_slug(text):
    slug = slugs.slugify(text, "-")
    assert slug.isascii()
    assert slug == slug.lower()
    assert "--" not in slug
    assert not slug.startswith("-") and not slug.endswith("-")


@given(st.text())
def test_slugify_is_idempotent(text):
    once = slugs.slugify(text, "-")
    assert slugs.slugify(once, "-") == once
