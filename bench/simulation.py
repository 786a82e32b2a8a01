"""Throughput of the Monte Carlo simulation (runs × Stufen per second)."""

from smm_calc import simulate_reach
from smm_calc.render.numbers import fmt_decimal, fmt_number, fmt_percent

from .result import Result, median_time


def simulation_throughput(zielgruppe: int = 1_000_000, runs: int = 100_000, stufen: int = 10,
                          k: float = 4.0, retell: float = 1.0, repeats: int = 3) -> dict:
    """Median of `repeats` simulations; returns the figures as a dict (see Result.as_dict)."""
    simulate_reach(k, 1, zielgruppe, 100, seed=0)  # warm-up (imports numpy)
    seconds, times = median_time(
        lambda i: simulate_reach(k, stufen, zielgruppe, runs, seed=i, retell=retell), repeats)
    result = Result(
        name="Simulation (simulate_reach)",
        parameters=(f"N = {fmt_number(zielgruppe)}, {fmt_number(runs)} Läufe, {stufen} Stufen, "
                    f"k = {fmt_decimal(k)}, Weitererzählquote {fmt_percent(retell, 1, strip=True)}"),
        seconds=seconds, throughput=runs * stufen / seconds, unit="Läufe × Stufen je Sekunde",
        times=times)
    return result.as_dict()
