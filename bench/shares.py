"""Where a warm build's CPU goes: per hook and plugin, and what loading mkdocs-jupyter costs.

`python -m bench.shares CONFIG SITE OUT.json` runs one `mkdocs build` in this process with
MkDocs' event loop timed per plugin or hook (CPU time of every event method, summed by its
origin), after importing mkdocs-jupyter's plugin module once with a clock around it (MkDocs
then finds it loaded). `share_rows` runs that in a workspace whose caches are warm and turns it
into rows next to the floor of bench/builds.py. The figures say what to work on; the targets
stay with the whole build (builds.py).
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
import time
from pathlib import Path

from .result import Row, fmt_seconds

TOP = 4  # hooks named in the row


def _instrumented_build(config: str, site: str) -> dict:
    import mkdocs.plugins as plugins

    started = time.process_time()
    import mkdocs_jupyter.plugin  # noqa: F401 – timed here; MkDocs reuses the loaded module
    jupyter_import = time.process_time() - started
    spent: collections.Counter = collections.Counter()
    original = plugins.PluginCollection.run_event

    def run_event(self, name, item=None, **kwargs):
        pass_item = item is not None
        for method in self.events[name]:
            self._current_plugin = self._event_origins.get(method, "<unknown>")
            clock = time.process_time()
            result = method(item, **kwargs) if pass_item else method(**kwargs)
            spent[self._current_plugin] += time.process_time() - clock
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    plugins.PluginCollection.run_event = run_event
    try:
        from mkdocs.__main__ import cli

        cli(["build", "-q", "--strict", "-f", config, "-d", site], standalone_mode=False)
    finally:
        plugins.PluginCollection.run_event = original
    return {"jupyter_import": jupyter_import, "events": dict(spent)}


def measure(ws, site: str = "site-shares") -> dict:
    from .workspace import build_env

    out = ws.root / "shares.json"
    subprocess.run([sys.executable, "-m", "bench.shares", str(ws.config), str(ws.root / site),
                    str(out)], cwd=ws.root, env={**build_env(), "PYTHONPATH": str(ws.root)},
                   check=True, capture_output=True, text=True)
    return json.loads(out.read_text(encoding="utf-8"))


def share_rows(data: dict, floor_cpu: float | None) -> list[Row]:
    hooks = {name: s for name, s in data["events"].items() if name.startswith("hooks/")}
    top = sorted(hooks.items(), key=lambda kv: -kv[1])[:TOP]
    named = ", ".join(f"{Path(n).stem} {fmt_seconds(s)}" for n, s in top)
    jupyter = data["jupyter_import"] + data["events"].get("mkdocs-jupyter", 0.0)
    base = "–" if floor_cpu is None else f"Boden {fmt_seconds(floor_cpu)} CPU (bench/builds.py)"

    def ratio(x):
        return None if not floor_cpu else x / floor_cpu

    return [
        Row("Build warm – davon in unseren Hooks (Ereignisse aller hooks/*.py)",
            f"{fmt_seconds(sum(hooks.values()))} CPU ({named})", base, ratio(sum(hooks.values()))),
        Row("Build warm – davon mkdocs-jupyter (Laden des Plugins samt nbconvert und jupytext, "
            "Ereignisse)", f"{fmt_seconds(jupyter)} CPU, davon Laden "
            f"{fmt_seconds(data['jupyter_import'])}", base, ratio(jupyter)),
    ]


if __name__ == "__main__":
    config, site, out = sys.argv[1:4]
    Path(out).write_text(json.dumps(_instrumented_build(config, site)), encoding="utf-8")
