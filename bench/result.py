"""The shape every benchmark returns, and timing helpers."""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Result:
    name: str  # German, shown in the table
    parameters: str  # German, e.g. "N = 1.000.000, 100.000 Läufe, 10 Stufen"
    seconds: float  # median wall time of one run
    throughput: float  # work items per second (median)
    unit: str  # what throughput counts, e.g. "Läufe × Stufen je Sekunde"
    times: tuple[float, ...] = field(default=())  # every measured run

    def as_dict(self) -> dict:
        return {"name": self.name, "parameter": self.parameters, "sekunden_median": self.seconds,
                "durchsatz": self.throughput, "einheit": self.unit, "zeiten": list(self.times)}


def median_time(run: Callable[[int], object], repeats: int = 3) -> tuple[float, tuple[float, ...]]:
    """Median wall time of `run(i)` over `repeats` calls (i = 0, 1, …)."""
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        run(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times), tuple(times)
