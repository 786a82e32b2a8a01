"""Links: every internal link, image and anchor in the built site resolves; external links are
listed in a report (never fetched – tests have no network)."""

from pathlib import Path

import pytest
from quality.links import SiteLinks
from quality.tools import REPO

REPORT = REPO / ".cache" / "quality" / "externe-links.md"


def site_url_from_config() -> str:
    import os
    import re

    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    default = re.search(r'^site_url:.*?"(https?://[^"]+)"', config, re.M)
    return os.environ.get("SITE_URL") or (default[1] if default else "")


def test_every_internal_link_and_anchor_resolves(site_dir):
    report = SiteLinks(site_dir, site_url_from_config()).check()
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(report.external_markdown(), encoding="utf-8")
    print(f"\n{report.checked} Verweise geprüft; {len(report.external)} externe Links "
          f"(nicht abgerufen) stehen in {REPORT}")
    assert report.checked > 100
    if report.problems:
        pytest.fail(f"{len(report.problems)} kaputte interne Verweise (Link in der genannten Seite "
                    "korrigieren oder das Ziel anlegen):\n" + "\n".join(report.problems),
                    pytrace=False)


def test_link_check_finds_broken_links(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="da">x</h2><a href="../b/">fehlt</a><a href="#weg">Anker fehlt</a>'
        '<a href="#da">ok</a><img src="bild.svg"><a href="https://example.org/x">extern</a>'
        '<a href="../a">ohne Schrägstrich</a><a href="../index.html#da">ok?</a>',
        encoding="utf-8")
    (tmp_path / "index.html").write_text('<p id="da"><a href="a/#da">ok</a></p>', encoding="utf-8")
    report = SiteLinks(tmp_path, "https://example.com/").check()
    found = "\n".join(report.problems)
    assert "../b/" in found and "#weg" in found and "bild.svg" in found and "../a " in found
    assert "a/#da" not in found and "../index.html#da" not in found, found
    assert list(report.external) == ["https://example.org/x"]
