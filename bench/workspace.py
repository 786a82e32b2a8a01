"""A throw-away copy of the repository to build in, and the configurations the benchmarks use.

Benchmarks never build into site/ or docs/ and never touch the repository's .cache/: they copy the
tree (without .venv, node_modules, site, caches) into a temporary directory and work there.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SKIP_TOP = {".venv", "node_modules", "site", ".cache", ".pytest_cache", ".hypothesis", "dist",
            ".ruff_cache", ".mypy_cache"}
PLAIN_CONFIG = "mkdocs.bench-plain.yml"


def build_env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "PYTHONDONTWRITEBYTECODE": "1"}
    if "SOURCE_DATE_EPOCH" not in env:
        proc = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO,
                              capture_output=True, text=True)
        env["SOURCE_DATE_EPOCH"] = proc.stdout.strip() or "1767225600"
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class BuildFailed(RuntimeError):
    pass


def load_config(path: Path) -> dict:
    """mkdocs.yml as a dict (!ENV resolved the way MkDocs does)."""
    from mkdocs.utils import yaml as mkdocs_yaml

    with open(path, encoding="utf-8") as f:
        return mkdocs_yaml.yaml_load(f)


def write_config(config: dict, path: Path) -> Path:
    import yaml

    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")
    return path


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _without_notebooks(nav):
    if isinstance(nav, list):
        return [item for item in (_without_notebooks(i) for i in nav) if item is not None]
    if isinstance(nav, dict):
        out = {}
        for key, value in nav.items():
            value = _without_notebooks(value)
            if value is not None and value != []:
                out[key] = value
        return out or None
    if isinstance(nav, str) and nav.endswith(".ipynb"):
        return None
    return nav


def plain_config(config: dict) -> dict:
    """The floor: the project's own configuration – the same Markdown, extensions, theme and
    Material plugins – without EVERY hook and without the mkdocs-jupyter plugin (and the
    notebook's nav entry: the .ipynb is then copied as a plain file, ```smm blocks are rendered
    as code, the print edition is an empty page). What the hooks and the notebook cost is then
    the difference to this floor, not hidden in it."""
    plain = dict(config)
    plain["plugins"] = [p for p in config.get("plugins", []) if _plugin_name(p) != "mkdocs-jupyter"]
    plain.pop("hooks", None)
    # Without the hooks some links and anchors have no target (the print edition, the slugs of
    # hooks/slugs.py): MkDocs still validates and warns, but the floor must not stop there.
    plain["strict"] = False
    if "nav" in config:
        plain["nav"] = _without_notebooks(config["nav"])
    return plain


@dataclass
class Workspace:
    root: Path
    owned: bool = True
    builds: list[tuple[str, float, float]] = field(default_factory=list)  # config, cpu, wall

    @classmethod
    def create(cls, source: Path = REPO, prefix: str = "smm-bench-") -> "Workspace":
        root = Path(tempfile.mkdtemp(prefix=prefix)) / "repo"

        def ignore(directory, names):
            skip = {n for n in names if n == "__pycache__"}
            if Path(directory).resolve() == source.resolve():
                skip |= SKIP_TOP & set(names)
            return skip

        shutil.copytree(source, root, ignore=ignore, symlinks=True)
        return cls(root)

    def clone(self, with_cache: bool = True) -> "Workspace":
        """A second copy (with the caches of this one, so it starts warm)."""
        other = Workspace.create(self.root)
        if with_cache and (self.root / ".cache").is_dir():
            shutil.copytree(self.root / ".cache", other.root / ".cache")
        return other

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    def write_plain_config(self) -> Path:
        return write_config(plain_config(load_config(self.config)), self.root / PLAIN_CONFIG)

    def clear_caches(self):
        shutil.rmtree(self.root / ".cache", ignore_errors=True)

    def build(self, config: Path | None = None, site: str = "site", strict: bool = True) -> float:
        """CPU time (user + system, with the notebook kernel) of one `mkdocs build` in a new
        process, as `make build` runs it. CPU time, not wall time: this machine is shared, and
        other people's builds stretch wall time by a factor that changes from minute to minute.
        The wall time is kept in `self.builds`."""
        config = config or self.config
        cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
               "-d", str(self.root / site)]
        if strict:
            cmd.append("--strict")
        before = _children_cpu()
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=self.root, env=build_env(), capture_output=True, text=True)
        wall = time.perf_counter() - start
        cpu = _children_cpu() - before
        if proc.returncode != 0:
            raise BuildFailed(f"{' '.join(cmd)} (in {self.root}):\n{proc.stdout[-3000:]}\n"
                              f"{proc.stderr[-3000:]}")
        self.builds.append((config.name, cpu, wall))
        return cpu

    def remove(self):
        if self.owned:
            shutil.rmtree(self.root.parent, ignore_errors=True)
