"""Editions (Fassungen): freeze the current commit as a citable copy of the whole site.

    make fassung NAME=2026-ws           python scripts/fassung.py anlegen 2026-ws
    make offline FASSUNG=2026-ws        python scripts/fassung.py offline 2026-ws

`anlegen` builds the committed state (a clean git worktree of HEAD) twice – as a website under
SITE_URL + `fassungen/<name>/` and as the offline package – and stores both in the branch
`fassungen`: the folder `<name>/` (the website, with `smm-wissen-offline-<name>.zip` inside) and
`fassungen.json`, the list of all editions (name, date, commit). An edition is never rebuilt: a
name that exists is refused and nothing changes. `offline` copies an edition's stored package to
dist/. Names are `JJJJ-ws` (winter semester) or `JJJJ-ss` (summer semester).

Why no mike: mike deploys into a branch under a prefix, but records neither date nor commit of a
version and silently replaces an existing one; the contract here needs both, in ~150 lines.
Bad input exits with status 2 and a German message; errors while building exit with 1.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
BRANCH = "fassungen"
LIST_FILE = "fassungen.json"
NAME = re.compile(r"(\d{4})-(ws|ss)")
DEFAULT_SITE_URL = "https://smm-wissen.example.org/"


class UsageError(Exception):
    """A mistake of the caller: German message, exit status 2, nothing changed."""


def git(repo: Path, *args: str, check: bool = True) -> str:
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {proc.stderr.strip()}")
    return proc.stdout if proc.returncode == 0 else ""


def check_name(name: str) -> str:
    match = NAME.fullmatch(name.strip())
    if not match or not 2000 <= int(match[1]) <= 2099:
        raise UsageError(f"„{name}“ ist kein gültiger Name für eine Fassung: erlaubt sind JJJJ-ws "
                         "(Wintersemester, z. B. 2026-ws für 2026/27) und JJJJ-ss "
                         "(Sommersemester, z. B. 2027-ss).")
    return name.strip()


def editions(repo: Path) -> list[dict]:
    listing = git(repo, "show", f"{BRANCH}:{LIST_FILE}", check=False)
    return json.loads(listing) if listing else []


def site_url(repo: Path) -> str:
    url = os.environ.get("SITE_URL", "").strip()
    if not url:
        match = re.search(r'^site_url: !ENV \[SITE_URL, "([^"]+)"\]', (repo / "mkdocs.yml")
                          .read_text(encoding="utf-8"), re.M)
        url = match[1] if match else DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


def build(source: Path, out: Path, env: dict) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=source, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
             "PYTHONPATH": str(source), **env})
    if proc.returncode != 0:
        raise RuntimeError("Der Bau der Fassung ist fehlgeschlagen:\n" + proc.stdout + proc.stderr)


def create(name: str, repo: Path = REPO, today: dt.date | None = None) -> str:
    """Freeze HEAD as edition `name`; returns the branch's new commit id."""
    name = check_name(name)
    if any(e["name"] == name for e in editions(repo)):
        raise UsageError(f"Die Fassung {name} gibt es schon. Eine Fassung wird nie neu gebaut – "
                         "für einen neuen Stand einen anderen Namen wählen.")
    if git(repo, "status", "--porcelain", "--untracked-files=no").strip():
        raise UsageError("Es gibt nicht eingecheckte Änderungen. Erst committen: Eine Fassung "
                         "entspricht genau einem Commit.")
    commit = git(repo, "rev-parse", "HEAD").strip()
    epoch = git(repo, "log", "-1", "--format=%ct").strip()
    today = today or dt.datetime.now(ZoneInfo("Europe/Berlin")).date()  # as page dates
    base = site_url(repo)
    sys.path.insert(0, str(repo / "scripts"))
    import offline  # noqa: E402 (scripts/offline.py: the reproducible ZIP)

    with tempfile.TemporaryDirectory(prefix="fassung-") as tmp:
        tmp = Path(tmp)
        source = tmp / "quelle"
        git(repo, "worktree", "add", "--detach", str(source), commit)
        try:
            env = {"SOURCE_DATE_EPOCH": epoch, "SITE_URL": f"{base}fassungen/{name}/",
                   "SMM_FASSUNG": name, "SMM_FASSUNG_DATUM": today.isoformat(),
                   "SMM_AKTUELL_URL": base}
            build(source, tmp / "web", env)
            build(source, tmp / "offline", {**env, "SMM_OFFLINE": "true"})
            offline.package(tmp / "offline", tmp / "web" / f"smm-wissen-offline-{name}.zip",
                            int(epoch))
        finally:
            git(repo, "worktree", "remove", "--force", str(source), check=False)
        return store(repo, name, tmp / "web", {"name": name, "datum": today.isoformat(),
                                                "commit": commit})


def store(repo: Path, name: str, web: Path, entry: dict) -> str:
    """Commit `web` as `<name>/` plus the updated list into the branch, via a worktree."""
    with tempfile.TemporaryDirectory(prefix="fassungen-zweig-") as tmp:
        work = Path(tmp) / "zweig"
        exists = bool(git(repo, "rev-parse", "--verify", "--quiet", f"refs/heads/{BRANCH}",
                          check=False).strip())
        if exists:
            git(repo, "worktree", "add", str(work), BRANCH)
        else:
            git(repo, "worktree", "add", "--detach", str(work), "HEAD")
            git(work, "checkout", "--orphan", BRANCH)
            git(work, "rm", "-rf", "--quiet", ".")
        try:
            shutil.copytree(web, work / name)
            listing = work / LIST_FILE
            entries = json.loads(listing.read_text(encoding="utf-8")) if listing.exists() else []
            entries.append(entry)
            listing.write_text(json.dumps(sorted(entries, key=lambda e: e["name"]), indent=2,
                                          ensure_ascii=False) + "\n", encoding="utf-8")
            (work / ".nojekyll").touch()
            git(work, "add", "--all")
            git(work, "-c", "user.name=smm-wissen Fassungen", "-c",
                "user.email=fassungen@smm-wissen.invalid", "commit", "--quiet", "-m",
                f"Fassung {name} aus {entry['commit'][:10]}")
            return git(work, "rev-parse", "HEAD").strip()
        finally:
            git(repo, "worktree", "remove", "--force", str(work), check=False)


def extract_offline(name: str, repo: Path = REPO) -> Path:
    """`make offline FASSUNG=…`: the edition's stored offline package into dist/."""
    name = check_name(name)
    if not any(e["name"] == name for e in editions(repo)):
        known = ", ".join(e["name"] for e in editions(repo)) or "keine"
        raise UsageError(f"Die Fassung {name} gibt es nicht (vorhanden: {known}).")
    data = subprocess.run(["git", "show", f"{BRANCH}:{name}/smm-wissen-offline-{name}.zip"],
                          cwd=repo, capture_output=True, check=True).stdout
    target = repo / "dist" / f"smm-wissen-offline-{name}.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("anlegen", "offline") or not argv[1].strip():
        print("Aufruf: make fassung NAME=2026-ws  oder  make offline FASSUNG=2026-ws",
              file=sys.stderr)
        return 2
    try:
        if argv[0] == "anlegen":
            commit = create(argv[1])
            print(f"Fassung {argv[1]} eingefroren (Zweig {BRANCH}, Commit {commit[:10]}). "
                  f"Veröffentlichen: `git push origin {BRANCH}`.")
        else:
            print(f"Offline-Paket der Fassung {argv[1]}: {extract_offline(argv[1])}")
    except UsageError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 2
    except RuntimeError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
