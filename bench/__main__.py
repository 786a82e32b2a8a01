"""`python -m bench` (make bench): one Markdown table of performance figures, also written to
bench/RESULTS.md.

Every figure is the median of several runs; where a floor exists it is measured in the same run
(a plain Material build of the same Markdown) and the table shows the ratio, the target and
whether it is met. Builds happen in a temporary copy of the repository, never in site/ or docs/.

Environment:
  BENCH_QUICK=1          fewer repetitions (about a third of the time)
  BENCH_ONLY=a,b         only these benchmarks (names below); RESULTS.md is then not written
"""

from __future__ import annotations

import datetime
import importlib.metadata
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import numpy

from smm_calc.render.numbers import fmt_count, fmt_number

from .result import Row, fmt_ratio
from .simulation import simulation_throughput
from .workspace import REPO, Workspace

RESULTS = Path(__file__).with_name("RESULTS.md")


@dataclass
class Context:
    quick: bool
    repeats: int  # builds
    scaling_repeats: int
    edits: int  # saved pages per `mkdocs serve` session
    lighthouse_runs: int
    _ws: Workspace | None = None
    raw: dict = field(default_factory=dict)
    cleanup: list = field(default_factory=list)

    def workspace(self) -> Workspace:
        if self._ws is None:
            self._ws = Workspace.create()
            self.cleanup.append(self._ws)
        return self._ws

    def built_site(self) -> Path:
        """The full site, warm, in the workspace (built by `builds` or now)."""
        ws = self.workspace()
        site = ws.root / "site"
        if not (site / "index.html").exists():
            ws.build(site="site")
        return site


# --- the benchmarks: each takes the context and returns rows of the table ---------------------

def builds(ctx: Context) -> list[Row]:
    from .builds import build_times
    from .result import median
    from .shares import measure, share_rows

    rows, ctx.raw["builds"] = build_times(ctx.workspace(), ctx.repeats)
    ctx.raw["shares"] = measure(ctx.workspace())  # the caches are warm after build_times
    return rows + share_rows(ctx.raw["shares"], median(ctx.raw["builds"]["plain"]["cpu"]))


def serve(ctx: Context) -> list[Row]:
    from .serve import serve_rows

    ctx.built_site()  # warm caches, as after a first `make serve`
    rows, ctx.raw["serve"] = serve_rows(ctx.workspace(), ctx.edits)
    return rows


def scaling(ctx: Context) -> list[Row]:
    from .scaling import build_scaling

    ctx.built_site()
    ws = ctx.workspace().clone(with_cache=True)
    ctx.cleanup.append(ws)
    rows, ctx.raw["scaling"] = build_scaling(ws, ctx.scaling_repeats)
    return rows


def weights(ctx: Context) -> list[Row]:
    from .weight import weight_rows

    rows, ctx.raw["weights"] = weight_rows(ctx.built_site())
    return rows


def lighthouse(ctx: Context) -> list[Row]:
    from . import lighthouse as lh
    from .weight import PAGE_TYPES

    reason = lh.missing()
    if reason:
        return [Row(f"Lighthouse-Leistung {name} (mobil)", f"nicht gemessen: {reason}",
                    target="≥ 95") for name in PAGE_TYPES]
    results = lh.lighthouse_scores(ctx.built_site(), PAGE_TYPES, ctx.lighthouse_runs)
    ctx.raw["lighthouse"] = results
    return lh.lighthouse_rows(results)


def simulation(ctx: Context) -> list[Row]:
    r = simulation_throughput(repeats=3)
    ctx.raw["simulation"] = r
    return [Row(f"{r['name']}: {r['parameter']}",
                f"{fmt_number(r['sekunden_median'], 3)} s je Lauf; "
                f"{fmt_count(r['durchsatz'])} {r['einheit']}")]


# Each benchmark: a function taking the Context and returning table rows (bench.result.Row).
def suche(ctx: Context) -> list[Row]:
    from . import search

    reason = search.missing()
    if reason:
        return [Row("Suche", f"nicht gemessen: {reason}")]
    ctx.built_site()
    ws = ctx.workspace().clone(with_cache=True)
    ctx.cleanup.append(ws)
    rows, ctx.raw["suche"] = search.search_scaling(
        ws, queries=search.QUERIES[:3] if ctx.quick else search.QUERIES)
    return rows


BENCHMARKS = [builds, serve, scaling, weights, lighthouse, suche, simulation]


# --- machine and output -----------------------------------------------------------------------

def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unbekannt"


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "–"


def _tool_versions() -> list[str]:
    out = []
    package = REPO / "node_modules" / "lighthouse" / "package.json"
    if package.exists():
        out.append(f"Lighthouse {json.loads(package.read_text(encoding='utf-8'))['version']}")
    from .lighthouse import chromium

    browser = chromium()
    if browser:
        proc = subprocess.run([browser, "--version"], capture_output=True, text=True)
        if proc.returncode == 0:
            out.append(proc.stdout.strip())
    return out


def machine_info() -> list[tuple[str, str]]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        ("CPU", cpu_model()),
        ("Kerne (nutzbar/gesamt)", f"{usable}/{os.cpu_count()}"),
        ("System", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Python", platform.python_version()),
        ("numpy", numpy.__version__),
    ]


def _load() -> str:
    try:
        return fmt_number(os.getloadavg()[0], 2)
    except OSError:
        return "?"


def render(rows: list[Row], ctx: Context, started: str, load_start: str, load_end: str,
           seconds: float) -> str:
    lines = [
        "| Messung | Ergebnis | Vergleich (gleicher Lauf) | Verhältnis | Ziel | erfüllt |",
        "| --- | --- | --- | ---: | --- | :---: |",
    ]
    for r in rows:
        cells = [r.name, r.value, r.base, fmt_ratio(r.ratio), r.target, r.mark]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    machine = dict(machine_info())
    versions = ", ".join([
        f"mkdocs {_version('mkdocs')}", f"mkdocs-material {_version('mkdocs-material')}",
        f"mkdocs-jupyter {_version('mkdocs-jupyter')}", f"nbconvert {_version('nbconvert')}",
        f"numpy {machine['numpy']}", f"matplotlib {_version('matplotlib')}", *_tool_versions()])
    mode = "BENCH_QUICK=1 (schnell)" if ctx.quick else "vollständig"
    lines += [
        "",
        f"Median aus {ctx.repeats} Läufen je Build, {ctx.scaling_repeats} je Skalierungsstufe, "
        f"{ctx.edits} "
        f"gespeicherten Änderungen je `mkdocs serve`, {ctx.lighthouse_runs} Lighthouse-Läufen je "
        f"Seite und Einstellung; Modus {mode}; Dauer {fmt_number(seconds / 60, 1)} min.",
        f"Rechner: {machine['CPU']}, {machine['Kerne (nutzbar/gesamt)']} Kerne, "
        f"{machine['System']}, Python {machine['Python']}; {versions}.",
        f"Gemessen am {started}; Lastmittel (1 min) beim Start {load_start}, am Ende {load_end} – "
        "laufen parallel andere Builds, dehnt das die Wanduhrzeiten. Build-, serve- und "
        "Skalierungszahlen sind deshalb CPU-Zeiten (Nutzer + System, mit Notebook-Kernel), die "
        "Verhältnisse daraus; beide Seiten eines Vergleichs laufen abwechselnd im selben Lauf.",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    quick = os.environ.get("BENCH_QUICK", "").lower() in {"1", "true", "yes"}
    only = {n.strip() for n in os.environ.get("BENCH_ONLY", "").split(",") if n.strip()}
    ctx = Context(quick=quick, repeats=1 if quick else 3, scaling_repeats=1 if quick else 2,
                  edits=2 if quick else 3, lighthouse_runs=1 if quick else 3)
    started = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    load_start, start = _load(), time.perf_counter()
    rows: list[Row] = []
    failed = False
    try:
        for bench in BENCHMARKS:
            if only and bench.__name__ not in only:
                continue
            print(f"… {bench.__name__}", file=sys.stderr, flush=True)
            try:
                rows.extend(bench(ctx))
            except Exception as error:  # noqa: BLE001 – report and go on with the others
                failed = True
                traceback.print_exc()
                rows.append(Row(bench.__name__, f"Fehler: {str(error).splitlines()[0][:200]}",
                                passed=False))
    finally:
        for ws in ctx.cleanup:
            ws.remove()
    text = render(rows, ctx, started, load_start, _load(), time.perf_counter() - start)
    print(text)
    if not only:
        RESULTS.write_text(
            "# Benchmark-Ergebnisse\n\n"
            "Erzeugt mit `make bench` (`.venv/bin/python -m bench`, Beschreibung in "
            "bench/__main__.py); Ziele aus issue 7.\n\n" + text, encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
