"""Reproducible: two clean builds of the same tree are byte-identical, file by file.

The tree (tracked and new, not ignored files) is copied twice into fresh folders, so the builds
share no cache (`.cache/` is relative to the build's working directory) and run from different
paths. Both get SOURCE_DATE_EPOCH from the last commit, as `make build` does, and run in
parallel (2 cores).
"""

import difflib
import gzip
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from quality.tools import REPO, last_commit_epoch


def tree_files() -> list[str]:
    proc = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                          cwd=REPO, capture_output=True, check=True)
    return [f for f in proc.stdout.decode().split("\0") if f and (REPO / f).is_file()]


def copy_tree(files: list[str], dest: Path):
    for rel in files:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / rel, target)


def digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def explain(a: Path, b: Path) -> str:
    """A short, readable hint at where two versions of a file differ."""
    data_a, data_b = a.read_bytes(), b.read_bytes()
    if a.suffix == ".gz":
        if data_a[4:8] != data_b[4:8]:
            return "    gzip-Kopf: unterschiedliche Zeitstempel (mtime)"
        data_a, data_b = gzip.decompress(data_a), gzip.decompress(data_b)
    try:
        lines_a = data_a.decode().splitlines()
        lines_b = data_b.decode().splitlines()
    except UnicodeDecodeError:
        return f"    binär, {len(data_a)} gegen {len(data_b)} Bytes"
    if len(lines_a) <= 2 and len(lines_b) <= 2:  # one long line (JSON, minified): show the spot
        text_a, text_b = "\n".join(lines_a), "\n".join(lines_b)
        i = next((i for i, (x, y) in enumerate(zip(text_a, text_b)) if x != y),
                 min(len(text_a), len(text_b)))
        start = max(0, i - 60)
        return (f"    1. Bau: …{text_a[start:i + 60]}…\n"
                f"    2. Bau: …{text_b[start:i + 60]}…")
    diff = list(difflib.unified_diff(lines_a, lines_b, "1. Bau", "2. Bau", n=0, lineterm=""))
    return "\n".join("    " + line[:160] for line in diff[2:12])


def start_build(src: Path, out: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=src, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.mark.slow
def test_two_clean_builds_are_byte_identical(tmp_path):
    files = tree_files()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": last_commit_epoch(),
           "PYTHONDONTWRITEBYTECODE": "1"}
    sites = []
    procs = []
    for n in (1, 2):
        src = tmp_path / f"baum{n}"
        copy_tree(files, src)
        assert not (src / ".cache").exists()
        sites.append(tmp_path / f"site{n}")
        procs.append(start_build(src, sites[-1], env))
    for proc in procs:
        output, _ = proc.communicate(timeout=600)
        assert proc.returncode == 0, f"Build fehlgeschlagen:\n{output}"
    first, second = digests(sites[0]), digests(sites[1])
    problems = [f"nur im {1 if name in first else 2}. Bau: {name}"
                for name in sorted(set(first) ^ set(second))]
    for name in sorted(set(first) & set(second)):
        if first[name] != second[name]:
            problems.append(f"{name} unterscheidet sich:\n"
                            + explain(sites[0] / name, sites[1] / name))
    if problems:
        pytest.fail(f"{len(problems)} Dateien sind nicht reproduzierbar (Zufall, Uhrzeit, "
                    "Pfade oder Reihenfolge in der Ausgabe – Quelle finden und festlegen):\n"
                    + "\n".join(problems), pytrace=False)


def test_explain_shows_where_files_differ(tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    a.write_text("<p>gleich</p>\n<p id='x-1'>\n<p>gleich</p>\n", encoding="utf-8")
    b.write_text("<p>gleich</p>\n<p id='x-2'>\n<p>gleich</p>\n", encoding="utf-8")
    hint = explain(a, b)
    assert "x-1" in hint and "x-2" in hint
    ga, gb = tmp_path / "a.gz", tmp_path / "b.gz"
    ga.write_bytes(gzip.compress(b"x", mtime=1))
    gb.write_bytes(gzip.compress(b"x", mtime=2))
    assert "mtime" in explain(ga, gb)
