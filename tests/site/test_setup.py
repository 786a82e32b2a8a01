"""The newcomer's contract: README commands, locked dependencies, CI entry point."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_readme_shows_the_two_commands_first():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_commands = re.findall(r"make (\w+)", readme)[:2]
    assert first_commands == ["serve", "test"]


def test_every_locked_dependency_is_pinned_exactly_with_hashes():
    for lock in ("requirements.lock", "requirements-test.lock"):
        text = (REPO / lock).read_text(encoding="utf-8")
        reqs = [l for l in text.splitlines() if l and not l.startswith((" ", "#"))]
        assert reqs, lock
        for line in reqs:
            assert re.match(r"^[A-Za-z0-9_.\-\[\]]+==[^\s]+ \\$", line), f"{lock}: {line}"
        assert "--hash=sha256:" in text


def test_direct_dependencies_are_in_the_lock():
    locked = set()
    for lock in ("requirements.lock", "requirements-test.lock"):
        for line in (REPO / lock).read_text(encoding="utf-8").splitlines():
            if "==" in line and not line.startswith(" "):
                locked.add(line.split("==")[0].lower())
    for source in ("requirements.in", "requirements-test.in"):
        for line in (REPO / source).read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-"):
                name = re.split(r"[<>=!~\[ ]", line)[0].lower()
                assert name in locked, f"{name} aus {source} fehlt in der Lock-Datei"


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
