"""Fail loudly when the theme changes under us: the partials in overrides/ are copies of
Material's, each made from one version (named in its header comment). A Material upgrade must
re-check every copy against the new original, so a different installed version fails here."""

import importlib.metadata
import re
from pathlib import Path

from helpers import REPO

MATERIAL = Path(__import__("material").__file__).parent / "templates"


def copies() -> dict[Path, str]:
    found = {}
    for path in sorted((REPO / "overrides").rglob("*.html")):
        match = re.search(r"(?:Copy of|Replaces) Material (\d+\.\d+\.\d+)'s (partials/[\w.-]+\.html)",
                          path.read_text(encoding="utf-8"))
        if match:
            found[path] = match.group(1)
    return found


def test_every_copied_partial_names_its_material_version():
    for path in sorted((REPO / "overrides" / "partials").glob("*.html")):
        assert path in copies(), f"{path.relative_to(REPO)}: Kopfkommentar „Copy of (oder Replaces) Material X.Y.Z's partials/…“ fehlt"


def test_installed_material_is_the_version_the_partials_were_copied_from():
    installed = importlib.metadata.version("mkdocs-material")
    stale = [f"{p.relative_to(REPO)} (kopiert aus {v})" for p, v in copies().items() if v != installed]
    assert not stale, (
        f"Material {installed} ist installiert, aber diese Vorlagen wurden aus einer anderen Version "
        "kopiert – jede mit dem neuen Original vergleichen (Änderungen sind mit „smm:“ markiert), "
        "übernehmen und die Versionsangabe im Kopfkommentar anpassen:\n" + "\n".join(stale))


def test_each_original_still_exists_in_the_installed_theme():
    for path in copies():
        name = re.search(r"'s (partials/[\w.-]+\.html)", path.read_text(encoding="utf-8")).group(1)
        assert (MATERIAL / name).exists(), f"Material hat {name} nicht mehr"
