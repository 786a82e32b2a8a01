"""Tiny MkDocs sites that use the project's smm hook, for tests of the hook."""

import textwrap
from pathlib import Path

from helpers import REPO

HOOK = REPO / "hooks" / "smm_directives.py"
BUILD_ERRORS = REPO / "hooks" / "build_errors.py"
HTML_ALLOWLIST = REPO / "hooks" / "html_allowlist.py"
CSP = REPO / "hooks" / "csp.py"
EXTENSIONS = "[attr_list, md_in_html, admonition, pymdownx.details, pymdownx.superfences, tables]"


def make_site(root: Path, page: str, *, strict_config: bool = True,
              files: dict[str, str] | None = None, hooks: tuple[Path, ...] = (HOOK,),
              extensions: str = EXTENSIONS, extra_config: str = "") -> Path:
    """A one-page site in `root` that uses the project's hook; returns its mkdocs.yml.

    `files` adds further files under docs/ (path → text), e.g. a usage data file;
    `extensions` replaces the list of Markdown extensions (YAML), `extra_config` adds settings.
    """
    (root / "docs").mkdir(parents=True, exist_ok=True)
    for name, text in (files or {}).items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "docs" / "seite.md").write_text(textwrap.dedent(page), encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(textwrap.dedent(f"""\
        site_name: Test
        strict: {str(strict_config).lower()}
        markdown_extensions: {extensions}
        hooks: [{", ".join(str(h) for h in hooks)}]
        """) + textwrap.dedent(extra_config), encoding="utf-8")
    return config


FIGURE_PAGE = """\
# Seite

```smm
ansicht: reichweite
k: 4–5
faktor: 2
stufen: 4
zielgruppe: 5000
```
"""


USAGE_HEADER = "reihe;plattform;jahr;wert;messung;grundgesamtheit;quelle;abgerufen;anmerkung\n"
USAGE_ROW = "ard-zdf;{platform};{year};{value};woechentlich;Bevölkerung ab 14;{source};2026-12-04;\n"
BIBLIOGRAPHY = """\
# Quellen

Tippelt, Florian (2025): Social Media zwischen Wachstum und Sättigung.
{ #q-tippelt-2025 }

Koch, Wolfgang (2023): Soziale Medien werden 30 Minuten am Tag genutzt.
{ #q-koch-2023 }
"""
USAGE_PAGE = """\
# Seite

```smm
ansicht: nutzung
plattformen: instagram
```
"""


def usage_files(*rows: str) -> dict[str, str]:
    """A bibliography and a usage data file with `rows` (each a full CSV line)."""
    return {"quellen.md": BIBLIOGRAPHY,
            "daten/social-media-nutzung.csv": USAGE_HEADER + "".join(rows)}
