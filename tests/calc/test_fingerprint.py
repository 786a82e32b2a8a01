"""The cache fingerprint follows the package source and the versions of numpy and matplotlib."""

import importlib.metadata
import importlib.util
import shutil
import sys
from pathlib import Path

import smm_calc.fingerprint as fp


def load_copy(tmp_path: Path):
    """smm_calc/fingerprint.py from a copy of the package, so the copy's source can change."""
    package = tmp_path / "smm_calc"
    shutil.copytree(Path(fp.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    spec = importlib.util.spec_from_file_location("smm_fp_copy", package / "fingerprint.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["smm_fp_copy"] = module
    spec.loader.exec_module(module)
    return module, package


def test_fingerprint_changes_with_the_source(tmp_path):
    module, package = load_copy(tmp_path)
    before = module.fingerprint()
    assert before == fp.fingerprint()  # same source, same versions
    (package / "models" / "snowball.py").write_text("# changed\n", encoding="utf-8")
    module.fingerprint.cache_clear()
    assert module.fingerprint() != before


def test_fingerprint_changes_with_the_matplotlib_version(tmp_path, monkeypatch):
    module, _ = load_copy(tmp_path)
    before = module.fingerprint()
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version",
                        lambda name: "99.0" if name == "matplotlib" else real(name))
    module.fingerprint.cache_clear()
    assert module.fingerprint() != before
