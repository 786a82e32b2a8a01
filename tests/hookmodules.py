"""Load the MkDocs hook files as modules (they are not a package; MkDocs loads them by path)."""

import importlib.util
import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[1] / "hooks"


def load(name: str):
    if name in sys.modules:
        return sys.modules[name]
    sys.path.insert(0, str(HOOKS))
    try:
        spec = importlib.util.spec_from_file_location(name, HOOKS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(HOOKS))
    return module
