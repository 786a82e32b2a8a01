"""Topic map and semester plan hooks in small fixture sites: a page added to nav appears on
the map; bad markers and bad plan data fail the build with file:line in German."""

import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import REPO, build_site

pytestmark = pytest.mark.slow
HOOKS = [REPO / "hooks" / name for name in ("slugs.py", "semesterplan.py", "themenkarte.py")]
PAGE = """\
---
description: {description}
---

# {title}

!!! abstract "Lernziele"

    Nach dieser Seite können Sie …

    - … {title} erklären,
    - … {title} anwenden.

Text.

## Kontrollfragen

Fragen.
"""


def write(root: Path, files: dict[str, str], nav: str) -> Path:
    for name, text in files.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Test\nstrict: true\n"
        "markdown_extensions: [attr_list, md_in_html, admonition, toc]\n"
        f"hooks: [{', '.join(str(h) for h in HOOKS)}]\n" + textwrap.dedent(nav), encoding="utf-8")
    return config


def page(title: str, description: str) -> str:
    return PAGE.format(title=title, description=description)


NAV = """\
nav:
  - Start: index.md
  - Teil A:
      - a/index.md
      - a/eins.md
  - Plan: plan.md
"""
PLAN = """\
kurs:
  - anker: sitzung-01
    titel: Erste Sitzung
    seiten:
      - a/eins.md
    vorbereitung: Lesen.
"""


def site(tmp_path, *, nav=NAV, plan=PLAN, start="# Start\n\n<!-- themenkarte -->\n", extra=None):
    files = {"index.md": start,
             "a/index.md": page("Teil A", "Worum es in Teil A geht.") + "\n<!-- themenkarte: Teil A -->\n",
             "a/eins.md": page("Eins", "Die erste Seite."),
             "plan.md": "# Plan\n\n<!-- semesterplan: kurs -->\n",
             "daten/semesterplan.yml": plan, **(extra or {})}
    return write(tmp_path, files, nav)


def map_hrefs(out: Path, url: str) -> dict[str, str]:
    html = BeautifulSoup((out / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = html.select_one("nav.smm-themenkarte")
    return {a["href"]: " ".join(a.find_next_sibling(class_="smm-themenkarte__text").get_text().split())
            if a.find_next_sibling(class_="smm-themenkarte__text") else ""
            for a in nav.select("a[href]")}


def test_a_page_added_to_nav_appears_on_the_map(tmp_path):
    config = site(tmp_path)
    build_site(config, tmp_path / "out1")
    before = map_hrefs(tmp_path / "out1", "")
    assert before == {".": "", "a/": "Worum es in Teil A geht.", "a/eins/": "Die erste Seite.",
                      "plan/": ""}
    assert map_hrefs(tmp_path / "out1", "a") == {"eins/": "Die erste Seite."}

    (tmp_path / "docs" / "a" / "zwei.md").write_text(page("Zwei", "Die neue Seite."), encoding="utf-8")
    text = config.read_text(encoding="utf-8").replace("      - a/eins.md\n",
                                                      "      - a/eins.md\n      - a/zwei.md\n")
    config.write_text(text, encoding="utf-8")
    build_site(config, tmp_path / "out2")
    assert map_hrefs(tmp_path / "out2", "")["a/zwei/"] == "Die neue Seite."
    assert map_hrefs(tmp_path / "out2", "a") == {"eins/": "Die erste Seite.",
                                                 "zwei/": "Die neue Seite."}


@pytest.mark.parametrize("marker, message", [
    ("<!-- themenkarte: Teil B -->", "Einen Abschnitt „Teil B“ gibt es in der Navigation"),
    ("<!-- themenkarte: Plan -->", "„Plan“ ist eine Seite, kein Abschnitt"),
    ("<!-- themenkarte Teil A -->", "„<!-- themenkarte Teil A -->“ ist keine gültige Themenkarte"),
])
def test_a_bad_map_marker_fails_with_file_and_line(tmp_path, marker, message):
    config = site(tmp_path, start=f"# Start\n\nText.\n\n{marker}\n")
    proc = build_site(config, tmp_path / "out", check=False)
    assert proc.returncode != 0
    assert f"docs/index.md:5: {message}" in proc.stderr + proc.stdout


def test_a_marker_in_a_code_block_is_left_alone(tmp_path):
    config = site(tmp_path, start="# Start\n\n```markdown\n<!-- themenkarte: Teil B -->\n```\n")
    build_site(config, tmp_path / "out")


def test_a_session_naming_a_missing_page_fails_with_the_data_file_and_line(tmp_path):
    plan = PLAN.replace("      - a/eins.md\n", "      - a/eins.md\n      - a/drei.md\n")
    config = site(tmp_path, plan=plan)
    proc = build_site(config, tmp_path / "out", check=False)
    assert proc.returncode != 0
    assert "docs/daten/semesterplan.yml:6: Die Seite „a/drei.md“ gibt es nicht" in proc.stderr


def test_a_marker_naming_an_unknown_plan_fails_with_file_and_line(tmp_path):
    config = site(tmp_path, extra={"plan.md": "# Plan\n\nText.\n\n<!-- semesterplan: semester -->\n"})
    proc = build_site(config, tmp_path / "out", check=False)
    assert proc.returncode != 0
    assert "docs/plan.md:5: Einen Plan „semester“ gibt es" in proc.stderr


def test_plan_shows_the_pages_objectives_and_questions(tmp_path):
    config = site(tmp_path)
    build_site(config, tmp_path / "out")
    html = BeautifulSoup((tmp_path / "out" / "plan" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    session = html.find(id="sitzung-01").find_parent("section")
    assert [li.get_text() for li in session.select("ul li")] == ["… Eins erklären,",
                                                                 "… Eins anwenden."]
    assert session.select_one('a[href="../a/eins/#kontrollfragen"]') is not None
    assert session.select_one('a[href$="#fallaufgabe"]') is None  # the page has none
