"""Paths and small helpers shared by the quality gates and by `make bench`."""

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
MARKDOWNLINT = NODE_MODULES / ".bin" / "markdownlint-cli2"
CHROMIUM = Path("/usr/bin/chromium")


def last_commit_epoch() -> str:
    """SOURCE_DATE_EPOCH as the Makefile sets it: the last commit's date (or a fixed date)."""
    proc = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO,
                          capture_output=True, text=True)
    return proc.stdout.strip() or "1767225600"
