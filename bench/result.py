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


@dataclass
class Row:
    """One line of the table `make bench` prints (German text; numbers already formatted)."""
    name: str  # Messung
    value: str  # Ergebnis
    base: str = "–"  # Vergleich aus demselben Lauf
    ratio: float | None = None  # Ergebnis ÷ Vergleich
    target: str = "–"  # Ziel
    passed: bool | None = None  # None: no target
    note: str = ""

    @property
    def mark(self) -> str:
        return {True: "✅", False: "❌", None: "–"}[self.passed]


def median(values) -> float:
    return statistics.median(values)


def fmt_seconds(seconds: float) -> str:
    from smm_calc.render.numbers import fmt_number

    return f"{fmt_number(seconds, 2)} s" if seconds < 100 else f"{fmt_number(seconds, 0)} s"


def fmt_ratio(ratio: float | None) -> str:
    from smm_calc.render.numbers import fmt_number

    return "–" if ratio is None else f"{fmt_number(ratio, 2)}×"


def fmt_kb(size: int) -> str:
    from smm_calc.render.numbers import fmt_number

    return f"{fmt_number(size / 1000, 0 if size >= 10_000 else 1)} KB"


def fmt_ms(seconds: float) -> str:
    from smm_calc.render.numbers import fmt_number

    ms = seconds * 1000
    return f"{fmt_number(ms, 1 if ms < 100 else 0)} ms"
