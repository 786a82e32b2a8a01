"""Editions (Fassungen, issue 17): freeze, change, freeze again – the first edition keeps its text.

The slow test works in a temporary git repository made from the project's tracked files: it
creates two editions with scripts/fassung.py around a committed change and checks banners,
citations, canonical links, the living site's links to earlier editions, refusals that leave the
branch unchanged, the stored offline package, and the same link and HTML checks as the site."""

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from io import BytesIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import REPO, build_site, load_script, require
from hookmodules import load

fassung = load_script("fassung")
SITE = "https://smm-wissen.example.org/"
NEW_SENTENCE = "Dieser Satz kam nach der ersten Fassung hinzu."


@pytest.mark.parametrize("name, ok", [("2026-ws", True), ("2027-ss", True), ("2026-WS", False),
                                      ("2026-wise", False), ("26-ws", False), ("1999-ss", False),
                                      ("", False), ("2026-ws/../x", False)])
def test_names_are_semesters(name, ok):
    if ok:
        assert fassung.check_name(name) == name
    else:
        with pytest.raises(fassung.UsageError, match="kein gültiger Name"):
            fassung.check_name(name)


def test_semester_labels():
    hooks = load("fassungen")
    assert hooks.label("2026-ws") == "Wintersemester 2026/27"
    assert hooks.label("2099-ws") == "Wintersemester 2099/00"
    assert hooks.label("2027-ss") == "Sommersemester 2027"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          check=True).stdout


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(repo / "scripts" / "fassung.py"), *args], cwd=repo,
                          capture_output=True, text=True,
                          env={**os.environ, "SITE_URL": SITE})


def branch_files(repo: Path, target: Path) -> Path:
    data = subprocess.run(["git", "archive", "fassungen"], cwd=repo, capture_output=True,
                          check=True).stdout
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    with tarfile.open(fileobj=BytesIO(data)) as archive:
        archive.extractall(target, filter="data")
    return target


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The project's tracked files as a fresh repository with one commit."""
    repo = tmp_path_factory.mktemp("projekt")
    for rel in git(REPO, "ls-files").splitlines():
        source = REPO / rel
        if source.is_file():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / rel)
    if (REPO / ".cache").is_dir():  # the executed notebook: saves a kernel start per build
        shutil.copytree(REPO / ".cache", repo / ".cache", dirs_exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Test", "-c", "user.email=t@example.invalid", "commit", "-qm", "Stand A")
    return repo


@pytest.fixture(scope="module")
def two_editions(project, tmp_path_factory) -> Path:
    first = run(project, "anlegen", "2026-ws")
    assert first.returncode == 0, first.stderr
    page = project / "docs" / "promotion" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\n## ", f"\n{NEW_SENTENCE}\n\n## ", 1), encoding="utf-8")
    git(project, "-c", "user.name=Test", "-c", "user.email=t@example.invalid", "commit", "-qam",
        "Stand B")
    second = run(project, "anlegen", "2027-ss")
    assert second.returncode == 0, second.stderr
    return branch_files(project, tmp_path_factory.mktemp("zweig"))


@pytest.mark.slow
def test_first_edition_keeps_its_text_and_the_second_has_the_new(two_editions, project):
    old = (two_editions / "2026-ws" / "promotion" / "index.html").read_text(encoding="utf-8")
    new = (two_editions / "2027-ss" / "promotion" / "index.html").read_text(encoding="utf-8")
    assert NEW_SENTENCE not in old and NEW_SENTENCE in new
    listing = json.loads((two_editions / "fassungen.json").read_text(encoding="utf-8"))
    assert [e["name"] for e in listing] == ["2026-ws", "2027-ss"]
    commits = git(project, "log", "--format=%H", "main").split()
    assert [e["commit"] for e in listing] == [commits[1], commits[0]]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["datum"]) for e in listing)


@pytest.mark.slow
def test_edition_pages_have_banner_citation_canonical_and_no_edit_link(two_editions):
    page = (two_editions / "2026-ws" / "promotion" / "index.html").read_text(encoding="utf-8")
    edition_url = f"{SITE}fassungen/2026-ws/promotion/"
    soup = BeautifulSoup(page, "html.parser")  # minified: attributes may be unquoted
    banner = soup.select_one(".smm-fassung")
    assert re.fullmatch(r"Fassung Wintersemester 2026/27 – eingefroren am \d{1,2}\. \d{1,2}\. "
                        r"\d{4} · zur aktuellen Fassung dieser Seite",
                        " ".join(banner.get_text(" ").split())), banner
    assert banner.a["href"] == "https://smm-wissen.example.org/promotion/"
    assert banner.a.get_text() == "zur aktuellen Fassung dieser Seite"
    assert soup.find("link", rel="canonical")["href"] == edition_url
    citation = soup.find(id="zitiervorschlag").find_next("pre").get_text()
    assert "Fassung Wintersemester 2026/27" in citation and edition_url in citation
    assert "Seite bearbeiten" not in page and not soup.find(rel="edit")


@pytest.mark.slow
def test_a_duplicate_or_malformed_name_fails_and_leaves_the_branch_unchanged(two_editions, project):
    before = git(project, "rev-parse", "fassungen")
    duplicate = run(project, "anlegen", "2026-ws")
    assert duplicate.returncode == 2 and "gibt es schon" in duplicate.stderr, duplicate.stderr
    malformed = run(project, "anlegen", "Winter 2026")
    assert malformed.returncode == 2 and "kein gültiger Name" in malformed.stderr
    assert "Traceback" not in duplicate.stderr + malformed.stderr
    assert git(project, "rev-parse", "fassungen") == before


@pytest.mark.slow
def test_offline_package_of_an_edition(two_editions, project):
    proc = run(project, "offline", "2026-ws")  # what `make offline FASSUNG=2026-ws` calls
    assert proc.returncode == 0, proc.stderr + proc.stdout
    extracted = project / "dist" / "smm-wissen-offline-2026-ws.zip"
    assert extracted.read_bytes() == (two_editions / "2026-ws" / extracted.name).read_bytes()
    import zipfile
    with zipfile.ZipFile(extracted) as archive:
        text = archive.read("promotion/index.html").decode("utf-8")
    assert "Fassung Wintersemester 2026/27" in text and NEW_SENTENCE not in text


@pytest.mark.slow
def test_living_site_links_earlier_editions(two_editions, project, tmp_path):
    build_site(project / "mkdocs.yml", tmp_path / "live")
    page = (tmp_path / "live" / "promotion" / "index.html").read_text(encoding="utf-8")
    after = BeautifulSoup(page.split("Frühere Fassungen")[1], "html.parser")
    links = [(a["href"], a.get_text()) for a in after.find_all("a")
             if re.fullmatch(r"\w+semester [\d/]+", a.get_text())]
    assert links == [("../fassungen/2027-ss/promotion/", "Sommersemester 2027"),
                     ("../fassungen/2026-ws/promotion/", "Wintersemester 2026/27")]
    listing = (tmp_path / "live" / "fassungen" / "index.html").read_text(encoding="utf-8")
    hrefs = {a["href"] for a in BeautifulSoup(listing, "html.parser").find_all("a", href=True)}
    assert {"../fassungen/2026-ws/", "../fassungen/2027-ss/"} <= hrefs


@pytest.mark.slow
def test_editions_pass_the_link_and_html_checks(two_editions):
    from quality.links import SiteLinks
    from quality.tools import VNU_JAR as vnu_jar

    for name in ("2026-ws", "2027-ss"):
        report = SiteLinks(two_editions / name, f"{SITE}fassungen/{name}/").check()
        assert report.checked > 1000 and not report.problems, "\n".join(report.problems[:20])
    require("Java", shutil.which("java") is not None, "apt-get install default-jre-headless")
    require("Nu Html Checker", vnu_jar.exists(), "`make test` installiert die npm-Werkzeuge")
    pages = sorted((two_editions / "2026-ws").rglob("index.html"))
    proc = subprocess.run(["java", "-Xss4m", "-jar", str(vnu_jar), "--errors-only", "--format", "text",
                           *map(str, pages)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
