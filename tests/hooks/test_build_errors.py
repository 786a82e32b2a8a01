"""MkDocs' own warnings get a German hint with file:line; `mkdocs serve` shows a failed build in
the browser and recovers by itself (hooks/build_errors.py, issue 22)."""


import pytest
from fixture_sites import BUILD_ERRORS, HOOK, make_site
from helpers import build_site, fetch, mkdocs_serve, wait_for

BROKEN = "# Seite\n\nErster Absatz.\n\nText mit einem [Link](fehlt.md) ins Leere.\n"


def test_broken_link_gets_a_german_hint_with_file_and_line(tmp_path):
    config = make_site(tmp_path, BROKEN, hooks=(BUILD_ERRORS, HOOK))
    proc = build_site(config, tmp_path / "site", check=False)
    assert proc.returncode != 0
    assert "Hinweis: Die verlinkte Datei gibt es nicht. Pfad in docs/seite.md:5" in proc.stderr, proc.stderr


def test_page_missing_from_nav_gets_a_german_hint(tmp_path):
    config = make_site(tmp_path, "# Seite\n\nText.\n", hooks=(BUILD_ERRORS, HOOK))
    config.write_text(config.read_text() + "nav: [index.md]\nvalidation: {nav: {omitted_files: warn}}\n")
    proc = build_site(config, tmp_path / "site", check=False)
    assert proc.returncode != 0
    assert "Hinweis: Jede Seite muss in mkdocs.yml unter nav: stehen" in proc.stderr, proc.stderr


@pytest.mark.slow
def test_serve_shows_a_failed_build_in_the_browser_and_recovers(tmp_path):
    config = make_site(tmp_path, "# Seite\n\nErster Absatz.\n", hooks=(BUILD_ERRORS, HOOK))
    with mkdocs_serve(config, tmp_path / "serve.log") as base:
        url = f"{base}/seite/"
        wait_for(lambda: "Erster Absatz" in fetch(url), 180, "erster Build")
        page = tmp_path / "docs" / "seite.md"
        page.write_text(BROKEN, encoding="utf-8")
        # the request answers (it used to hang) with the German error page and file:line
        wait_for(lambda: "Build fehlgeschlagen" in fetch(url), 180, "Fehlerseite nach kaputtem Build")
        body = fetch(url)
        assert "docs/seite.md:5" in body and "Hinweis:" in body, body
        assert "livereload" in body  # the browser reloads by itself once the build works
        page.write_text("# Seite\n\nRepariert.\n", encoding="utf-8")
        wait_for(lambda: "Repariert" in fetch(url), 180, "Seite nach repariertem Build")
