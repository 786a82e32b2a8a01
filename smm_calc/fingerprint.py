"""One hash of everything the package's results depend on: its own source and the versions of
numpy and matplotlib (numbers and figures). Caches of generated output – the site's figures and
tables, the executed notebook – key on it, so an upgrade of either library re-renders them."""

import hashlib
import importlib.metadata
from functools import cache
from pathlib import Path

SHAPING = ("numpy", "matplotlib")


@cache
def fingerprint() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    for name in SHAPING:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name}: fehlt".encode())
    return digest.hexdigest()
