"""The content rules hold for every page in nav, and each mistake is named by file and line in
German (scripts/content_rules.py). Works on the Markdown sources: no build, fast tier."""

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from helpers import REPO, heading_text, load_script

rules = load_script("content_rules")

SMM_DIR = "docs/promotion/kommunikationsinstrumente/social-media-marketing"
GOOD_PAGE = textwrap.dedent("""\
    ---
    description: Eine Testseite.
    ---

    # Employer Branding in sozialen Medien

    !!! abstract "Lernziele"

        Nach dieser Seite können Sie …

        - … etwas erklären.

    {body}

    Ein Satz mit Beleg.[^beleg]

    ## Das Wichtigste in Kürze

    - Ein Punkt.

    ## Fallaufgabe

    Ein Fall.

    ??? tip "Lösungshinweis"

        Eine Lösung.

    ## Kontrollfragen

    ??? question "1. Erste Frage?"

        Eine Musterantwort mit genug Wörtern darin.

    ??? question "2. Zweite Frage?"

        Eine Musterantwort mit genug Wörtern darin.

    ??? question "3. Dritte Frage?"

        Eine Musterantwort mit genug Wörtern darin.

    [^beleg]: Muster (2020), S. 1. – [Quellenverzeichnis](../../../quellen.md#q-east-2007)
    """)
FILLER = " ".join(["Ein sachlicher Satz über Kommunikation im Netz."] * 60)


def test_every_page_in_nav_follows_the_rules():
    problems = rules.check_site(REPO)
    assert not problems, "\n".join(map(str, problems))


def test_content_pages_are_derived_from_nav_with_explicit_exemptions():
    nav = rules.nav_files()
    content = rules.content_files()
    assert "promotion/kommunikationsinstrumente/social-media-marketing/mundpropaganda.md" in content
    assert all(f in rules.EXEMPT or f in content or f.endswith(".ipynb") for f in nav)
    for file, reason in rules.EXEMPT.items():
        assert file in nav, f"Ausnahme {file} steht nicht in der Navigation"
        assert len(reason) > 10


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project's docs/ and mkdocs.yml: each test makes one mistake in it."""
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def add_page(project: Path, text: str, name: str = "neue-seite.md") -> str:
    page = project / SMM_DIR / name
    page.write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    # Insert the page right after recht.md, at recht.md's own indentation, so it stays in the same
    # nav list whatever follows recht.md there.
    source = config.read_text(encoding="utf-8")
    anchor = re.search(r"^( *)- promotion/kommunikationsinstrumente/social-media-marketing/recht\.md\n",
                       source, re.M)
    assert anchor
    entry = f"{anchor.group(1)}- promotion/kommunikationsinstrumente/social-media-marketing/{name}\n"
    config.write_text(source[:anchor.end()] + entry + source[anchor.end():], encoding="utf-8")
    return f"{SMM_DIR}/{name}"


def run(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "scripts" / "content_rules.py"),
                           "--repo", str(project)], capture_output=True, text=True)


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if needle in line)


def test_a_complete_new_page_passes(project):
    add_page(project, GOOD_PAGE.format(body=FILLER))
    proc = run(project)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("mistake, needle, message", [
    ('!!! abstract "Lernziele"', "# Employer", "Lernziele fehlen"),
    ("## Kontrollfragen", None, "Kontrollfragen fehlen"),
    ("[^beleg]: Muster (2020), S. 1. – [Quellenverzeichnis](../../../quellen.md#q-east-2007)",
     None, "keine Quellen"),
])
def test_a_new_page_without_a_learning_aid_fails_with_file_and_line(project, mistake, needle, message):
    text = GOOD_PAGE.format(body=FILLER)
    if mistake.startswith("[^"):
        text = text.replace(mistake, "[^beleg]: Muster (2020), S. 1.")
    elif mistake.startswith("##"):
        text = text.replace(mistake, "## Fragen")
    else:
        text = text.replace(mistake, '!!! note "Hinweis"')
    rel = add_page(project, text)
    proc = run(project)
    assert proc.returncode == 1
    assert f"{rel}:" in proc.stderr and message in proc.stderr, proc.stderr
    if needle:
        assert f"{rel}:{line_of(project / rel, needle)}: {message}" in proc.stderr, proc.stderr


def test_too_few_questions_and_a_question_without_answer(project):
    text = GOOD_PAGE.format(body=FILLER)
    text = text.replace('??? question "3. Dritte Frage?"\n\n    Eine Musterantwort mit genug Wörtern darin.\n', "")
    text = text.replace('??? question "2. Zweite Frage?"\n\n    Eine Musterantwort mit genug Wörtern darin.',
                        '??? question "2. Zweite Frage?"\n')
    rel = add_page(project, text)
    proc = run(project)
    assert f"{rel}:{line_of(project / rel, '## Kontrollfragen')}: nur 2 Kontrollfrage(n)" in proc.stderr
    assert f"{rel}:{line_of(project / rel, '2. Zweite Frage')}: Kontrollfrage ohne Musterantwort" \
        in proc.stderr, proc.stderr


def test_a_short_page_fails(project):
    rel = add_page(project, GOOD_PAGE.format(body="Zu kurz."))
    proc = run(project)
    assert f"{rel}:{line_of(project / rel, '# Employer')}: nur " in proc.stderr, proc.stderr
    assert "Wörter" in proc.stderr


def test_straight_quotes_in_running_text_fail_with_the_line(project):
    body = FILLER + '\n\nDas nennt man "echten" Dialog.\n\nRichtig: „echter“ Dialog, `"code"`, ' \
        '<span lang="en">"quoted"</span>, *"Title"*{ lang=en } und ![Bild](x.svg){ width="3" }.'
    body += '\n\n??? note "Ein <span lang="en">English</span> Titel"\n\n    Inhalt der Box.'
    rel = add_page(project, GOOD_PAGE.format(body=body))
    proc = run(project)
    expected = f"{rel}:{line_of(project / rel, 'echten')}: gerade Anführungszeichen"
    assert expected in proc.stderr, proc.stderr
    assert proc.stderr.count("gerade Anführungszeichen") == 1, proc.stderr


def test_a_footnote_reference_without_definition_fails_with_the_line(project):
    rel = add_page(project, GOOD_PAGE.format(body=FILLER + "\n\nEin Beleg fehlt.[^fehlt]"))
    proc = run(project)
    assert f"{rel}:{line_of(project / rel, '[^fehlt]')}: Fußnote [^fehlt] ohne Definition" \
        in proc.stderr, proc.stderr


def test_a_glossary_term_in_a_title_reads_with_spaces():
    html = markdown.markdown("*[Employer Branding]: Arbeitgebermarke\n\n"
                             "# Employer Branding in sozialen Medien", extensions=["abbr", "toc"])
    h1 = BeautifulSoup(html, "html.parser").h1
    assert h1.abbr is not None  # the case that joined „Brandingin“ before
    assert heading_text(h1) == "Employer Branding in sozialen Medien"


def test_one_terminology_with_file_and_line(project):
    body = (FILLER + "\n\nDie Gefolgschaft wächst, der Tausend-Kontakt-Preis sinkt, der Online-Shop "
            "läuft.\n\nSocial Media Marketing ist ein Instrument.\n\n"
            "Erlaubt: [Social Media Marketing](index.md), die Social Media Marketing – Wissensbasis, "
            "Social-Media-Marketing und „Social Media Marketing Konferenz“.")
    rel = add_page(project, GOOD_PAGE.format(body=body))
    proc = run(project)
    line = line_of(project / rel, "Gefolgschaft")
    for word in ("Gefolgschaft", "Tausend-Kontakt-Preis", "Online-Shop"):
        assert f"{rel}:{line}: Begriff „{word}“" in proc.stderr, proc.stderr
    assert f"{rel}:{line_of(project / rel, 'Social Media Marketing ist')}: Begriff „Social Media Marketing“" \
        in proc.stderr
    assert proc.stderr.count("Begriff „Social Media Marketing“") == 1, proc.stderr


def test_a_page_without_summary_or_case_fails(project):
    text = GOOD_PAGE.format(body=FILLER).replace("## Das Wichtigste in Kürze", "## Zusammenfassung")
    text = text.replace('??? tip "Lösungshinweis"', '??? note "Hinweis"')
    rel = add_page(project, text)
    proc = run(project)
    assert f"{rel}:" in proc.stderr and "„Das Wichtigste in Kürze“ fehlt" in proc.stderr, proc.stderr
    assert f"{rel}:{line_of(project / rel, '## Fallaufgabe')}: Fallaufgabe ohne Lösungshinweis" \
        in proc.stderr, proc.stderr
