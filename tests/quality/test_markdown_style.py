"""Markdown style of docs/: markdownlint (rules in .markdownlint-cli2.yaml) and a check of
Material's indented blocks, which markdownlint cannot see (it reads them as code).

One markdownlint run covers docs/ and a deliberately broken file, so the test also shows that
the linter really reports problems.
"""

import re
import subprocess
from pathlib import Path

import pytest
from quality.tools import REPO

BROKEN_MD = """# Titel

### Sprung über eine Ebene

Text mit Leerzeichen am Ende   



Siehe https://example.org

- Punkt
  - mit 2 statt 4 Leerzeichen eingerückt
"""
_FINDING = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+)(?::\d+)? (?:error |warning )?"
                      r"(?P<rule>MD\d+)/(?P<name>\S+) (?P<text>.*)$")


@pytest.fixture(scope="module")
def lint_findings(markdownlint_bin, tmp_path_factory) -> dict[str, list[str]]:
    broken = tmp_path_factory.mktemp("markdown") / "kaputt.md"
    broken.write_text(BROKEN_MD, encoding="utf-8")
    proc = subprocess.run([str(markdownlint_bin), str(broken)], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    findings: dict[str, list[str]] = {"docs": [], "kaputt": []}
    for line in (proc.stdout + proc.stderr).splitlines():
        match = _FINDING.match(line.strip())
        if match:
            key = "kaputt" if match["file"].endswith("kaputt.md") else "docs"
            findings[key].append(f"{match['file']}:{match['line']}: {match['rule']} "
                                 f"({match['name']}) {match['text']}")
    if proc.returncode not in (0, 1) or not findings["kaputt"]:
        pytest.fail(f"markdownlint-cli2 lief nicht wie erwartet:\n{proc.stdout}\n{proc.stderr}")
    return findings


def test_docs_follow_the_markdown_style(lint_findings):
    if lint_findings["docs"]:
        pytest.fail(f"markdownlint: {len(lint_findings['docs'])} Stilprobleme in docs/ "
                    "(Regeln erklärt unter https://github.com/DavidAnson/markdownlint/blob/main/"
                    "doc/Rules.md; Leerzeichen behebt "
                    "`node_modules/.bin/markdownlint-cli2 --fix`):\n"
                    + "\n".join(lint_findings["docs"]), pytrace=False)


def test_markdownlint_reports_a_broken_file(lint_findings):
    rules = {f.split(": ")[1].split()[0] for f in lint_findings["kaputt"]}
    assert {"MD001", "MD009", "MD012", "MD034", "MD007"} <= rules, lint_findings["kaputt"]


# --- Material's indented blocks -----------------------------------------------------------------
# `!!! note`, `??? question "…"`, `???+ …` and `=== "Tab"` own the lines indented 4 spaces
# deeper than themselves. Content indented by 1–3 spaces or a tab silently falls out of the box.
_BLOCK = re.compile(r"^(?P<indent> *)(?P<marker>!!!|\?\?\?\+?|===)\s+\S")
_FENCE = re.compile(r"^\s*(```|~~~)")


def block_problems(path: Path, text: str) -> list[str]:
    problems = []
    lines = text.split("\n")
    in_fence = None
    for i, line in enumerate(lines):
        fence = _FENCE.match(line)
        if in_fence:
            if fence and fence[1] == in_fence:
                in_fence = None
            continue
        if fence:
            in_fence = fence[1]
            continue
        match = _BLOCK.match(line)
        if not match:
            continue
        indent = len(match["indent"])
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        where = f"{path}:{i + 1}: „{line.strip()[:50]}“"
        if j >= len(lines):
            problems.append(f"{where} hat keinen Inhalt")
            continue
        body = lines[j]
        body_indent = len(body) - len(body.lstrip(" "))
        if "\t" in body[:body_indent + 1]:
            problems.append(f"{where}: Inhalt mit Tabulator eingerückt – 4 Leerzeichen nehmen")
        elif indent < body_indent < indent + 4:
            problems.append(f"{where}: Inhalt (Zeile {j + 1}) ist {body_indent - indent} statt 4 "
                            "Leerzeichen eingerückt und fällt aus dem Kasten")
        elif body_indent <= indent:
            problems.append(f"{where}: Zeile {j + 1} ist nicht eingerückt, der Kasten bliebe leer "
                            "(Inhalt 4 Leerzeichen tiefer einrücken)")
    return problems


def test_material_blocks_are_indented_by_four_spaces():
    problems = []
    for path in sorted((REPO / "docs").rglob("*.md")):
        problems += block_problems(path.relative_to(REPO), path.read_text(encoding="utf-8"))
    if problems:
        pytest.fail("Admonitions/Tabs mit falsch eingerücktem Inhalt:\n" + "\n".join(problems),
                    pytrace=False)


def test_block_check_finds_misindented_content():
    good = '!!! note "Gut"\n\n    Inhalt\n\n??? question "Frage"\n    Antwort\n'
    bad = '!!! note\n\n  zu wenig\n\n??? info\n\nText daneben\n\n=== "Tab"\n\n\tmit Tab\n'
    assert block_problems(Path("gut.md"), good) == []
    found = block_problems(Path("kaputt.md"), bad)
    assert len(found) == 3, found
