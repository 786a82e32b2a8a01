"""Contributors (issue 8): CONTRIBUTING.md, CI workflows, the pull-request template, and the
mistakes a contributor can make – each must produce a message that says what to fix where."""

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from helpers import REPO, build_site
from hookmodules import load

smm_directives = load("smm_directives")
CONTRIBUTING = REPO / "CONTRIBUTING.md"
WORKFLOWS = REPO / ".github" / "workflows"
_OUTER = re.compile(r"^````markdown\n(.*?)^````$", re.M | re.S)


def examples() -> list[dict[str, str]]:
    """The options of every ```smm block shown inside a ````markdown fence of CONTRIBUTING.md."""
    found = []
    for block in _OUTER.findall(CONTRIBUTING.read_text(encoding="utf-8")):
        found += [d.options for d in smm_directives.parse_directives(block)]
    return found


def test_contributing_shows_every_view_and_every_key():
    from smm_calc.views import KEYS

    shown: dict[str, set[str]] = {}
    for options in examples():
        shown.setdefault(options["ansicht"], set()).update(options)
    missing = [f"{view}: {key}" for view, keys in KEYS.items() for key in keys
               if key not in shown.get(view, set())]
    assert not missing, f"CONTRIBUTING.md zeigt diese Ansichten/Schlüssel in keinem Beispiel: {missing}"
    text = CONTRIBUTING.read_text(encoding="utf-8")
    for view, keys in KEYS.items():
        for key in keys:
            assert f"`{key}`" in text, f"CONTRIBUTING.md erklärt `{key}` ({view}) nicht"


@pytest.mark.parametrize("options", examples(), ids=lambda o: "-".join(o.values()))
def test_contributing_example_renders(options):
    """Each example renders exactly as the build renders it (hook → smm_calc.views.render_view)."""
    from smm_calc import InputError

    try:
        blocks = smm_directives.render(options)
    except InputError as error:
        pytest.fail(f"Beispiel in CONTRIBUTING.md ist ungültig: {options}: {error}")
    assert blocks


def test_contributing_covers_what_a_contributor_needs():
    text = CONTRIBUTING.read_text(encoding="utf-8")
    for needed in ("make serve", "make test", "make urls", "nav:", "redirect_maps",
                   "```smm", "Quellenverzeichnis", "tests/wortliste.txt", "nbstripout",
                   "pre-commit", "Was CI prüft", "Seite bearbeiten", "lang=en"):
        assert needed in text, needed


def test_contributing_links_its_own_sections():
    text = CONTRIBUTING.read_text(encoding="utf-8")
    headings = re.findall(r"^#{2,3} (.+)$", text, re.M)

    def github_anchor(heading: str) -> str:  # how GitHub forms heading anchors
        heading = re.sub(r"[^\w\- ]", "", heading.lower().replace("`", ""))
        return heading.replace(" ", "-")

    anchors = {github_anchor(h) for h in headings}
    for target in re.findall(r"\]\(#([^)]+)\)", text):
        assert target in anchors, f"CONTRIBUTING.md: Link auf #{target} – keine solche Überschrift"


def _workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_pull_requests_run_make_test():
    workflow = _workflow("test.yml")
    assert "pull_request" in workflow["on"]
    assert any(step.get("run", "").strip() == "make test" for step in _steps(workflow))


def test_main_is_built_and_deployed_to_pages():
    workflow = _workflow("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    steps = _steps(workflow)
    assert any(step.get("run", "").strip() == "make build" for step in steps)
    uses = [step["uses"] for step in steps if "uses" in step]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"


def test_actions_are_pinned_to_a_major_version():
    for path in WORKFLOWS.glob("*.yml"):
        for step in _steps(_workflow(path.name)):
            if "uses" in step:
                assert re.fullmatch(r"actions/[\w-]+@v\d+", step["uses"]), (path.name, step["uses"])


def test_pull_request_template_has_the_checklist():
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] ", text, re.M)
    assert len(items) >= 6
    for needed in ("make test", "Quelle", "smm", "make urls", "nbstripout"):
        assert needed in text, needed


def test_pre_commit_config_strips_notebooks_and_lints():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert "--keep-id" in hooks["nbstripout"]["args"]
    assert {"trailing-whitespace", "end-of-file-fixer", "markdownlint-cli2"} <= set(hooks)


# --- contributor mistakes and their messages ---------------------------------------------------

def notebooks() -> list[str]:
    proc = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard",
                           "*.ipynb"], cwd=REPO, capture_output=True, text=True, check=True)
    return [line for line in proc.stdout.splitlines() if (REPO / line).exists()]


def notebook_problems(paths: list[str], cwd: Path = REPO) -> list[str]:
    problems = []
    for path in paths:
        proc = subprocess.run([sys.executable, "-m", "nbstripout", "--verify", "--keep-id", path],
                              cwd=cwd, capture_output=True, text=True)
        if proc.returncode != 0:
            problems.append(
                f"{path} enthält Ausgaben oder Laufzeitdaten. Vor dem Commit ausführen: "
                f".venv/bin/nbstripout --keep-id {path} (oder pre-commit einrichten, siehe "
                f"CONTRIBUTING.md); das Notebook wird beim Bauen ohnehin ausgeführt.")
    return problems


def test_committed_notebooks_are_stripped():
    paths = notebooks()
    assert paths, "keine Notebooks gefunden"
    problems = notebook_problems(paths)
    assert not problems, "\n".join(problems)


def test_a_notebook_with_outputs_is_reported_by_name(tmp_path):
    notebook = {"cells": [{"cell_type": "code", "execution_count": 1, "id": "a1", "metadata": {},
                           "outputs": [{"name": "stdout", "output_type": "stream", "text": ["42\n"]}],
                           "source": ["print(42)"]}],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "rechnen.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    problems = notebook_problems(["rechnen.ipynb"], cwd=tmp_path)
    assert len(problems) == 1
    assert problems[0].startswith("rechnen.ipynb enthält Ausgaben")
    assert "nbstripout --keep-id rechnen.ipynb" in problems[0]


@pytest.mark.slow
def test_broken_link_and_anchor_name_page_and_target(tmp_path):
    """MkDocs' strict build (validation: in mkdocs.yml) says which page links where."""
    docs = tmp_path / "docs"
    (docs / "promotion").mkdir(parents=True)
    (docs / "index.md").write_text("# Start\n\n## Da\n", encoding="utf-8")
    (docs / "promotion" / "seite.md").write_text(
        "# Seite\n\n[kaputt](fehlt.md) und [Anker](../index.md#weg)\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(textwrap.dedent("""\
        site_name: Test
        validation:
          links:
            not_found: warn
            anchors: warn
        """), encoding="utf-8")
    proc = build_site(config, tmp_path / "site", check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert "Doc file 'promotion/seite.md' contains a link 'fehlt.md'" in output, output
    assert "'../index.md#weg'" in output and "does not contain an anchor '#weg'" in output, output


def test_project_validation_makes_links_and_anchors_fail_the_build():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert config["strict"] is True
    assert config["validation"]["links"]["not_found"] == "warn"
    assert config["validation"]["links"]["anchors"] == "warn"


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: None)
