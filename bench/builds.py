"""Full strict builds, cold and warm, against a plain Material build of the same Markdown."""

from __future__ import annotations

from .result import Row, fmt_ratio, fmt_seconds, median
from .workspace import Workspace

COLD_TARGET = 4.0
WARM_TARGET = 2.0
PLAIN = "Material ohne smm-Hook und Notebook"


def _timed(ws: Workspace, config=None, site: str = "site") -> tuple[float, float]:
    cpu = ws.build(config, site=site)
    return cpu, ws.builds[-1][2]


def _figure(cpu: list[float], wall: list[float]) -> str:
    return f"{fmt_seconds(median(cpu))} CPU (Wanduhr {fmt_seconds(median(wall))})"


def build_times(ws: Workspace, repeats: int) -> tuple[list[Row], dict]:
    """Interleaved rounds (cold, warm, plain), so load on the machine hits all three alike.

    Leaves `ws` with warm caches and the full site in `ws.root / "site"`."""
    plain_config = ws.write_plain_config()
    ws.build(plain_config, site="site-plain")  # warm-up: OS file cache
    runs: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in ("cold", "warm", "plain")}
    for _ in range(repeats):
        ws.clear_caches()
        for key, config in (("cold", None), ("warm", None), ("plain", plain_config)):
            cpu, wall = _timed(ws, config, "site-plain" if key == "plain" else "site")
            runs[key][0].append(cpu)
            runs[key][1].append(wall)
    c, w, p = (median(runs[k][0]) for k in ("cold", "warm", "plain"))
    base = f"{_figure(*runs['plain'])}, {PLAIN}"
    rows = [
        Row("Build kalt (`--strict`, ohne Caches, Notebook wird ausgeführt)",
            _figure(*runs["cold"]), base, c / p, f"≤ {fmt_ratio(COLD_TARGET)}", c / p <= COLD_TARGET),
        Row("Build warm (`--strict`, Caches gefüllt)", _figure(*runs["warm"]), base, w / p,
            f"≤ {fmt_ratio(WARM_TARGET)}", w / p <= WARM_TARGET),
    ]
    return rows, {k: {"cpu": v[0], "wall": v[1]} for k, v in runs.items()}
