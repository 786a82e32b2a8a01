"""`make seite`: a new page from the template – right paths for its depth, in nav and in the
published URLs, placeholders named until filled in, then it passes the content rules and the
strict build (scripts/new_page.py, issue 22)."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, build_site, load_script

rules = load_script("content_rules")
new_page = load_script("new_page")
published_urls = load_script("published_urls")
SMM = "promotion/kommunikationsinstrumente/social-media-marketing"


@pytest.fixture
def project(tmp_path) -> Path:
    for name in ("docs", "hooks", "overrides", "tests"):
        shutil.copytree(REPO / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def make_seite(project: Path, *args: str) -> subprocess.CompletedProcess:
    # the script works on the project it sits in: run a copy inside the temporary project
    (project / "scripts").mkdir(exist_ok=True)
    for name in ("new_page.py", "content_rules.py", "published_urls.py"):
        shutil.copy(REPO / "scripts" / name, project / "scripts" / name)
    return subprocess.run([sys.executable, str(project / "scripts" / "new_page.py"), *args],
                          capture_output=True, text=True)


def fill(text: str) -> str:
    filler = " ".join(["Ein sachlicher Satz über Kommunikation in sozialen Medien."] * 30)
    text = re.sub(r"⟨[^⟩]*⟩", lambda m: filler if "Text" in m.group(0) or "Einleitung" in m.group(0)
                  else "Ein ausgefüllter Text mit mehreren Wörtern", text)
    return text.replace("(../../../quellen.md)", "(../../../quellen.md#q-east-2007)")


def test_new_page_has_the_right_paths_nav_entry_and_urls(project):
    proc = make_seite(project, f"{SMM}/test-seite", "Employer Branding in sozialen Medien")
    assert proc.returncode == 0, proc.stderr
    assert "Angelegt: docs/" in proc.stdout
    page = project / "docs" / SMM / "test-seite.md"
    text = page.read_text(encoding="utf-8")
    assert "# Employer Branding in sozialen Medien" in text
    assert "[Quellenverzeichnis](../../../quellen.md)" in text  # three levels deep
    assert f"{SMM}/test-seite.md" in rules.nav_files(project / "mkdocs.yml")
    nav = rules.nav_files(project / "mkdocs.yml")
    assert nav.index(f"{SMM}/test-seite.md") == nav.index(f"{SMM}/recht.md") + 1 or \
        nav.index(f"{SMM}/test-seite.md") > nav.index(f"{SMM}/index.md")
    entries = published_urls.read_list(project / "tests" / "published-urls.txt")
    assert f"/{SMM}/test-seite/" in entries and f"/{SMM}/test-seite/#kontrollfragen" in entries
    # placeholders are named by line until they are filled in
    problems = [str(p) for p in rules.check_site(project)]
    assert f"docs/{SMM}/test-seite.md:2: Platzhalter ⟨…⟩ noch nicht ausgefüllt" in problems
    assert any(p.startswith(f"docs/{SMM}/test-seite.md:") and "Platzhalter" in p for p in problems)
    page.write_text(fill(text), encoding="utf-8")
    assert [str(p) for p in rules.check_site(project)] == []


def test_a_page_one_level_up_links_the_sources_with_fewer_steps(project):
    proc = make_seite(project, "promotion/kommunikationsinstrumente/guerilla-marketing.md", "Guerilla-Marketing")
    assert proc.returncode == 0, proc.stderr
    text = (project / "docs/promotion/kommunikationsinstrumente/guerilla-marketing.md").read_text()
    assert "[Quellenverzeichnis](../../quellen.md)" in text


@pytest.mark.parametrize("args, message", [
    (("promotion/Grüne Seite", "Titel"), "ist ungültig"),
    ((f"{SMM}/recht", "Recht"), "gibt es schon"),
    (("gibtsnicht/seite", "Titel"), "gibt es nicht"),
    ((f"{SMM}/neu", ""), "TITEL fehlt"),
])
def test_bad_input_exits_2_in_german_and_writes_nothing(project, args, message):
    before = (project / "mkdocs.yml").read_text()
    proc = make_seite(project, *args)
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert (project / "mkdocs.yml").read_text() == before


@pytest.mark.slow
def test_a_filled_in_new_page_builds_strictly(project, tmp_path):
    shutil.copytree(REPO / ".cache", project / ".cache", dirs_exist_ok=True) \
        if (REPO / ".cache").exists() else None
    make_seite(project, f"{SMM}/test-seite", "Testseite")
    page = project / "docs" / SMM / "test-seite.md"
    page.write_text(fill(page.read_text(encoding="utf-8")), encoding="utf-8")
    build_site(project / "mkdocs.yml", tmp_path / "out")
    assert (tmp_path / "out" / SMM / "test-seite" / "index.html").exists()
