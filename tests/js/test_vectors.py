"""The calculator's JavaScript is checked against smm_calc: vectors that cannot drift, and node.

- tests/js/vectors.json (committed) must equal what tests/js/generate_vectors.py computes from
  today's smm_calc – strings exactly, floats to 1e-12 (last-bit differences between C libraries).
- `node --test tests/js/` runs calculator.test.mjs, which checks the module against that file.
"""

import importlib.util
import json
import math
import shutil
import subprocess
from pathlib import Path

from helpers import REPO, require

HERE = Path(__file__).resolve().parent
NODE = shutil.which("node") or "/usr/bin/node"


def _generator():
    spec = importlib.util.spec_from_file_location("generate_vectors", HERE / "generate_vectors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def differences(expected, actual, path="") -> list[str]:
    """Where two JSON values differ (floats within a relative 1e-12)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = [f"{path}/{k}: fehlt" for k in expected.keys() - actual.keys()]
        out += [f"{path}/{k}: überzählig" for k in actual.keys() - expected.keys()]
        for k in expected.keys() & actual.keys():
            out += differences(expected[k], actual[k], f"{path}/{k}")
        return out
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{path}: {len(actual)} statt {len(expected)} Einträge"]
        return [d for i, (e, a) in enumerate(zip(expected, actual)) for d in differences(e, a, f"{path}[{i}]")]
    numbers = (int, float)
    if (isinstance(expected, numbers) and isinstance(actual, numbers)
            and not isinstance(expected, bool) and not isinstance(actual, bool)):
        if math.isclose(expected, actual, rel_tol=1e-12, abs_tol=0.0):
            return []
    elif expected == actual and type(expected) is type(actual):
        return []
    return [f"{path}: {actual!r} statt {expected!r}"]


def test_committed_vectors_match_smm_calc():
    generator = _generator()
    fresh = json.loads(generator.dumps(generator.build()))
    committed = json.loads((HERE / "vectors.json").read_text(encoding="utf-8"))
    problems = differences(fresh, committed)
    assert not problems, (
        "tests/js/vectors.json passt nicht mehr zu smm_calc – neu erzeugen mit "
        "`.venv/bin/python tests/js/generate_vectors.py` und die JavaScript-Tests laufen lassen:\n"
        + "\n".join(problems[:40]))


def test_difference_check_sees_changes():
    assert differences({"a": [1.0, "x"]}, {"a": [1.0 + 1e-15, "x"]}) == []
    assert differences({"a": [1.0, "x"]}, {"a": [1.001, "x"]})
    assert differences({"a": "4–5"}, {"a": "4-5"})
    assert differences({"a": None}, {"a": 0})


def test_javascript_module_matches_the_vectors():
    require("Node.js", Path(NODE).exists(), "apt-get install nodejs (Node ≥ 20 für `node --test`).")
    proc = subprocess.run([NODE, "--test", "--test-reporter=tap", "tests/js/"], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    failed = [line for line in proc.stdout.splitlines() if line.startswith("not ok")]
    assert proc.returncode == 0, (
        f"node --test tests/js/ schlägt fehl ({len(failed)} Tests):\n{proc.stdout[-6000:]}\n{proc.stderr[-2000:]}")
    assert "# pass" in proc.stdout and "# fail 0" in proc.stdout, proc.stdout[-2000:]


def test_calculator_vectors_cover_every_branch():
    """The full results node compares cover every verdict, every field's error, open ends and
    Stufe 0 – so a port that gets one branch wrong cannot pass by luck."""
    cases = json.loads((HERE / "vectors.json").read_text(encoding="utf-8"))["calculator"]
    results = [c["outcome"]["result"] for c in cases if "result" in c["outcome"]]
    failed = [c["outcome"]["errors"] for c in cases if c["outcome"]["errors"]]
    assert {r["verdict"]["diesOut"] for r in results} == {"sicher", "moeglich", "unklar"}
    assert {field for errors in failed for field in errors} == {
        "k", "faktor", "stufen", "zielgruppe", "quote"}
    assert any(r["openNote"] for r in results) and any(not r["openNote"] for r in results)
    assert any(r["rows"][0]["stufe"] == 0 for r in results)
    assert len(results) >= 100 and len(failed) >= 20
