"""`make offline`: the whole site as a ZIP for learning platforms and for reading from disk.

The site is built strictly with SMM_OFFLINE=true, which enables Material's offline plugin
(mkdocs.yml): every link is relative and ends in .html, so the unzipped folder works wherever
it lies – in a deep sub-folder of Moodle or ILIAS or opened from the file system. The ZIP is
reproducible: entries sorted, timestamps from SOURCE_DATE_EPOCH (the last commit), fixed
permissions.

    python scripts/offline.py [--ziel dist/smm-wissen-offline.zip]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "dist" / "smm-wissen-offline.zip"
# Of use only to a web server at the site's root (absolute paths), not in a package
LEFT_OUT = {"404.html", "sitemap.xml", "sitemap.xml.gz"}


def source_date_epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    proc = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True,
                          text=True)
    return int(proc.stdout.strip() or 1767225600)


def build(site_dir: Path) -> None:
    """Strict offline build of the project into `site_dir` (fails with MkDocs' messages)."""
    env = {**os.environ, "SMM_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1",
           "DISABLE_MKDOCS_2_WARNING": "true",
           "SOURCE_DATE_EPOCH": str(source_date_epoch())}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                           "--site-dir", str(site_dir)], cwd=REPO, env=env, text=True,
                          capture_output=True)
    if proc.returncode != 0:
        raise SystemExit(f"Offline-Bau fehlgeschlagen:\n{proc.stdout}{proc.stderr}")


def package(site_dir: Path, target: Path, epoch: int | None = None) -> Path:
    """Zip `site_dir` (its content at the top level of the archive) reproducibly."""
    epoch = source_date_epoch() if epoch is None else epoch
    # ZIP stores local time without zone and cannot go before 1980
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        files = (p for p in site_dir.rglob("*")
                 if p.is_file() and p.relative_to(site_dir).as_posix() not in LEFT_OUT)
        for path in sorted(files):
            info = zipfile.ZipInfo(path.relative_to(site_dir).as_posix(), date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    tmp.replace(target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Offline-Paket der Wissensbasis bauen")
    parser.add_argument("--ziel", type=Path, default=TARGET, help="ZIP-Datei (Standard: %(default)s)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        target = package(site, args.ziel.resolve())
    size = target.stat().st_size / 1e6
    print(f"Offline-Paket: {target} ({size:.1f} MB). Entpacken und index.html öffnen oder als "
          f"Ordner in die Lernplattform hochladen; Hinweise auf der Seite „Für Lehrende“.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
