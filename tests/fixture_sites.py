"""Tiny MkDocs sites that use the project's smm hook, for tests of the hook."""

import textwrap
from pathlib import Path

from helpers import REPO

HOOK = REPO / "hooks" / "smm_directives.py"
BUILD_ERRORS = REPO / "hooks" / "build_errors.py"


def make_site(root: Path, page: str, *, strict_config: bool = True,
              hooks: tuple[Path, ...] = (HOOK,)) -> Path:
    """A one-page site in `root` that uses the project's hook; returns its mkdocs.yml."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "seite.md").write_text(textwrap.dedent(page), encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(textwrap.dedent(f"""\
        site_name: Test
        strict: {str(strict_config).lower()}
        markdown_extensions: [attr_list, md_in_html, admonition, pymdownx.details, pymdownx.superfences, tables]
        hooks: [{", ".join(str(h) for h in hooks)}]
        """), encoding="utf-8")
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
