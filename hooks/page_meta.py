"""„Zuletzt aktualisiert“ and „Zitiervorschlag“ for every page (issue 8).

The date is the day of the last git commit that changed the page's source file, in German
(„27. November 2026“, Europe/Berlin). One `git log` call reads the dates of all files at once.
Where git knows no date – a file not committed yet, a copy of the tree without .git, or a shallow
clone whose history starts after the change (git then shows every file as added in the first
commit it has, which is that commit's date) – the fallback is SOURCE_DATE_EPOCH (`make` sets it to
the last commit's date), else the date of the last commit. Never the build time: two builds of
the same commit must be byte-identical.

Why not mkdocs-git-revision-date-localized-plugin: it logs a warning in shallow clones on CI
(which fails `--strict`), and without git or for uncommitted files it falls back to the build
time. This hook needs nothing but git and the standard library.

The template overrides/partials/source-file.html shows both facts; pages opt out of the citation
with `zitiervorschlag: false` in their front matter (Datenschutz, Impressum).
"""

from __future__ import annotations

import os
import posixpath
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin

from pipeline import CITATION, ONLINE_URL, STAND  # page.meta keys later hooks read

MONATE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")
ABRUF_PLATZHALTER = "TT. MM. JJJJ"

try:
    from zoneinfo import ZoneInfo

    _ZONE = ZoneInfo("Europe/Berlin")
except Exception:  # no tz database: UTC is still deterministic
    _ZONE = timezone.utc


@dataclass(frozen=True)
class Stand:
    """The date a page was last changed, for templates: `iso` for <time>, `text` for people."""

    epoch: int

    @property
    def datum(self):
        return datetime.fromtimestamp(self.epoch, tz=_ZONE).date()

    @property
    def iso(self) -> str:
        return self.datum.isoformat()

    @property
    def text(self) -> str:
        return german_date(self.epoch)

    @property
    def jahr(self) -> int:
        return self.datum.year


def german_date(epoch: int) -> str:
    """27. November 2026"""
    day = datetime.fromtimestamp(epoch, tz=_ZONE).date()
    return f"{day.day}. {MONATE[day.month - 1]} {day.year}"


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        proc = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd,
                              capture_output=True, text=True, check=False)
    except OSError:  # git not installed
        return None
    return proc.stdout if proc.returncode == 0 else None


def git_dates(docs_dir: Path) -> tuple[dict[str, int], int | None]:
    """({path relative to docs_dir: epoch of its last commit}, epoch of the last commit)."""
    top = _git(["rev-parse", "--show-toplevel"], docs_dir)
    if top is None:
        return {}, None
    root = Path(top.strip()).resolve()
    try:
        prefix = docs_dir.resolve().relative_to(root).as_posix()
    except ValueError:
        return {}, None
    log = _git(["log", "--format=%x00%ct", "--name-only", "--no-renames", "--", prefix or "."],
               root)
    last = _git(["log", "-1", "--format=%ct"], root)
    dates: dict[str, int] = {}
    for chunk in (log or "").split("\0")[1:]:
        stamp, _, names = chunk.partition("\n")
        for name in names.split("\n"):
            name = name.strip()
            if not name:
                continue
            rel = name[len(prefix) + 1:] if prefix else name
            dates.setdefault(rel, int(stamp))  # newest commit first: keep the first date seen
    return dates, int(last) if last and last.strip() else None


def fallback_epoch(last_commit: int | None) -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    return last_commit


def citation(site_name: str, title: str, url: str, stand: Stand | None) -> str:
    """The suggested citation, in the author-year style of /quellen/."""
    year = f"{stand.jahr}" if stand else "o. J."
    parts = [f"{site_name} ({year}):"]
    if title and title != site_name:
        parts.append(f"{title}.")
    if stand:
        parts.append(f"Stand: {stand.text}.")
    parts.append(f"{url} (abgerufen am {ABRUF_PLATZHALTER}).")
    return " ".join(parts)


def online_url(site_url: str, src_uri: str) -> str:
    """The page's address on the published site (directory URLs), also in the offline build."""
    stem = posixpath.splitext(src_uri)[0]
    head, name = posixpath.split(stem)
    path = head if name in ("index", "README") else stem
    return urljoin(site_url if site_url.endswith("/") else site_url + "/",
                   f"{path}/" if path else "")


# --- MkDocs events ----------------------------------------------------------------------------

_state: dict = {"dates": {}, "fallback": None}


def on_pre_build(config):
    dates, last = git_dates(Path(config.docs_dir))
    _state["dates"], _state["fallback"] = dates, fallback_epoch(last)


def stand_for(src_uri: str) -> Stand | None:
    epoch = _state["dates"].get(src_uri, _state["fallback"])
    return Stand(epoch) if epoch is not None else None


def newest_stand() -> Stand | None:
    """For pages made of all others (the print edition)."""
    epochs = list(_state["dates"].values())
    if _state["fallback"] is not None:
        epochs.append(_state["fallback"])
    return Stand(max(epochs)) if epochs else None


def on_env(env, config, files):
    """After every page is read (titles known), before any is rendered: dates and citations.

    Runs before hooks/gesamtausgabe.py (listed after this hook), which reads the dates."""
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        stand = newest_stand() if file.generated_by else stand_for(file.src_uri)
        page.meta[STAND] = stand
        if not config.site_url:
            continue
        online = online_url(config.site_url, file.src_uri)
        page.meta[ONLINE_URL] = online
        if not config.use_directory_urls:  # offline package: cite and point to the web page
            page.canonical_url = online
        if page.meta.get("zitiervorschlag", True) is not False:
            page.meta[CITATION] = citation(
                config.site_name, page.title or "", online, stand)
    return env
