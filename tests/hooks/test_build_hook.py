"""The smm hook inside real MkDocs builds of small fixture sites."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import REPO, build_site

HOOK = REPO / "hooks" / "smm_directives.py"


def make_site(root: Path, page: str, *, strict_config: bool = True) -> Path:
    """A one-page site in `root` that uses the project's hook; returns its mkdocs.yml."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "seite.md").write_text(textwrap.dedent(page), encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(textwrap.dedent(f"""\
        site_name: Test
        strict: {str(strict_config).lower()}
        markdown_extensions: [attr_list, md_in_html, admonition, pymdownx.details, pymdownx.superfences, tables]
        hooks: [{HOOK}]
        """), encoding="utf-8")
    return config


# (block body, line of the mistake counted from the opening fence = 0, a word the message names)
BAD = [
    ("ansicht: unbekannt", 1, "„unbekannt“"),
    ("ansicht: reichweite\nstufen: 3", 0, "„k“"),
    ("ansicht: reichweite\nk: -3", 2, "„-3“"),
    ("ansicht: szenarien\nfarbe: blau", 2, "„farbe“"),
    ("ansicht: szenarien\nstufen: viele", 2, "„viele“"),
    ("ansicht: szenarien\nstufen", 2, "schlüssel: wert"),
]


@pytest.mark.parametrize(("body", "line", "mentions"), BAD)
@pytest.mark.parametrize("strict", [True, False])
def test_bad_directive_fails_the_build_naming_file_and_line(tmp_path, body, line, mentions, strict):
    page = "# Seite\n\nText\n\n```smm\n" + body + "\n```\n"
    config = make_site(tmp_path, page, strict_config=strict)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-q"],
                          cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    expected_line = 5 + line  # the opening fence is page line 5
    assert f"docs/seite.md:{expected_line}:" in output, output
    assert mentions.lower() in output.lower(), output
    assert "Traceback" not in output


def test_unclosed_block_names_its_opening_line(tmp_path):
    config = make_site(tmp_path, "# Seite\n\n```smm\nansicht: bass\n")
    proc = build_site(config, tmp_path / "out", check=False)
    assert proc.returncode != 0
    assert "docs/seite.md:3:" in proc.stdout + proc.stderr
