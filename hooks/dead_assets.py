"""Files Material copies into every site that this site never loads are not shipped (issue 7).

* Search languages: Material ships lunr stemmers for 30 languages (≈ 300 KB) and the Japanese
  and Thai word splitters (≈ 700 KB). The search worker loads only `lunr.stemmer.support`, one
  `lunr.<lang>` per configured language except English, `lunr.multi` when there are several,
  `tinyseg.js` for Japanese and `wordcut.js` for Hindi and Thai (Material 9.x,
  src/…/search/worker/main). Everything else goes; for `lang: de` two files stay.
* Source maps (≈ 1.3 MB): browsers fetch them only with the developer tools open, and they map
  to Material's sources, not ours. The maps go and so does the `sourceMappingURL` comment that
  points to them, so no tool asks for a missing file.

tests/site/test_performance_budget.py checks that nothing unused is shipped;
tests/quality/test_privacy.py (and the browser tests) use the German search on the built site.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.dead_assets")

_SOURCE_MAP_COMMENT = re.compile(
    rb"\n?(?://# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^*]*\*/)\s*$")


def search_languages(config) -> list[str]:
    """The languages the search worker is configured with (as in search/search_index.json)."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    langs = None
    if plugin is not None:
        langs = plugin.config.get("lang")
    if not langs:
        langs = [config.theme.get("language") or "en"]
    if isinstance(langs, str):
        langs = [langs]
    return [str(lang) for lang in langs]


def needed_lunr_files(langs: list[str]) -> set[str]:
    """Names under assets/javascripts/lunr/ that the search worker imports for `langs`."""
    needed: set[str] = set()
    for lang in langs:
        if lang == "ja":
            needed.add("tinyseg.js")
        if lang in ("hi", "th"):
            needed.add("wordcut.js")
        if lang != "en":
            needed.add(f"min/lunr.{lang}.min.js")
    if len(langs) > 1:
        needed.add("min/lunr.multi.min.js")
    if needed:
        needed.add("min/lunr.stemmer.support.min.js")
    return needed


def prune_lunr(site_dir: Path, langs: list[str]) -> list[Path]:
    lunr = site_dir / "assets" / "javascripts" / "lunr"
    if not lunr.is_dir():
        return []
    needed = needed_lunr_files(langs)
    removed = []
    for path in sorted(lunr.rglob("*.js")):
        if path.relative_to(lunr).as_posix() not in needed:
            path.unlink()
            removed.append(path)
    for directory in sorted((d for d in lunr.rglob("*") if d.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            directory.rmdir()
    if not any(lunr.iterdir()):
        lunr.rmdir()
    return removed


def prune_source_maps(site_dir: Path) -> list[Path]:
    assets = site_dir / "assets"
    removed = []
    for path in sorted(assets.rglob("*.map")) if assets.is_dir() else []:
        path.unlink()
        removed.append(path)
        target = path.with_suffix("")  # main.xxxx.min.css.map → main.xxxx.min.css
        if target.is_file():
            data = target.read_bytes()
            stripped = _SOURCE_MAP_COMMENT.sub(b"\n", data)
            if stripped != data:
                target.write_bytes(stripped)
    return removed


def on_post_build(config):
    site_dir = Path(config.site_dir)
    removed = prune_lunr(site_dir, search_languages(config)) + prune_source_maps(site_dir)
    if removed:
        log.debug("Nicht ausgeliefert: %s", ", ".join(p.relative_to(site_dir).as_posix()
                                                     for p in removed))
