"""Full strict builds, cold and warm, against the floor: the project's own configuration without
any hook and without mkdocs-jupyter (bench/workspace.py `plain_config`), built without --strict
(without the hooks, some anchors have no target)."""

from __future__ import annotations

from .result import Row, fmt_ratio, fmt_seconds, median
from .workspace import Workspace

COLD_TARGET = 3.0
WARM_TARGET = 1.3
PLAIN = "Material ohne alle Hooks und ohne Notebook (mkdocs-jupyter)"


def _timed(ws: Workspace, config=None, site: str = "site", strict: bool = True
           ) -> tuple[float, float]:
    cpu = ws.build(config, site=site, strict=strict)
    return cpu, ws.builds[-1][2]


def _figure(cpu: list[float], wall: list[float]) -> str:
    return f"{fmt_seconds(median(cpu))} CPU (Wanduhr {fmt_seconds(median(wall))})"


def build_times(ws: Workspace, repeats: int) -> tuple[list[Row], dict]:
    """Interleaved rounds (cold, warm, plain), so load on the machine hits all three alike.

    Leaves `ws` with warm caches and the full site in `ws.root / "site"`."""
    plain_config = ws.write_plain_config()
    ws.build(plain_config, site="site-plain", strict=False)  # warm-up: OS file cache
    runs: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in ("cold", "warm", "plain")}
    for _ in range(repeats):
        ws.clear_caches()
        for key, config in (("cold", None), ("warm", None), ("plain", plain_config)):
            plain = key == "plain"
            cpu, wall = _timed(ws, config, "site-plain" if plain else "site", strict=not plain)
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
