"""Monte Carlo version of the saturation model, vectorised over runs (numpy, no loop over people).

It is the Reed–Frost chain binomial (Abbey 1952): in each Stufe every spreader reaches every
person independently with probability 1 − (1 − 1/N)^k, so a given uninformed person escapes all
T spreaders with probability (1 − 1/N)^(k·T) and, for all runs at once,

    new ~ Binomial(U, 1 − (1 − 1/N)^(k·T)),   spreaders ~ Binomial(new, retell)

(originators always spread). Given U and T the expected new equals the deterministic model's
step exactly. The number of people one spreader reaches is thus random with mean k (close to
Poisson(k) in a large group), which also makes a non-integer k natural. Consequence: a chain can
die out even with retell = 1 – with probability tending to the Galton–Watson extinction
probability for Poisson offspring with mean k·retell. Memory grows with the runs, not with N.
"""

import math
from dataclasses import dataclass

from . import validate

QUANTILES = (10, 50, 90)


@dataclass(frozen=True)
class SimulationResult:
    """Per Stufe 0…stufen (index 0 is 0): statistics of the reach (people told, cumulative)."""

    mean: tuple[float, ...]
    std: tuple[float, ...]
    q10: tuple[float, ...]
    q50: tuple[float, ...]
    q90: tuple[float, ...]
    new_mean: tuple[float, ...]  # mean newly informed per Stufe
    died_out: float  # share of runs in which nobody passes the message on after the last Stufe
    k: float
    zielgruppe: int
    runs: int
    seeds: int
    retell: float
    seed: int | None

    @property
    def stufen(self) -> int:
        return len(self.mean) - 1

    @property
    def quantiles(self) -> dict[int, tuple[float, ...]]:
        return {10: self.q10, 50: self.q50, 90: self.q90}


def simulate_reach(k: float, stufen: int, zielgruppe: int, runs: int, seed: int | None = None,
                   seeds: int = 1, retell: float = 1.0) -> SimulationResult:
    """Simulate `runs` independent chains of retelling; reproducible for a given `seed`.

    `died_out` counts runs whose chain has stopped by the last Stufe (no spreader left) – in a
    small target group that includes chains that stopped because everyone had heard it.
    """
    validate.numbers_only(k=k, stufen=stufen, zielgruppe=zielgruppe, laeufe=runs, seed=seed,
                          startpersonen=seeds, weitererzaehlquote=retell)
    kk = validate.single_k(k)
    n = validate.stufen(stufen)
    n_seeds = validate.seeds(seeds)
    big_n = validate.zielgruppe(zielgruppe, n_seeds)
    n_runs = validate.runs(runs)
    quota = validate.retell(retell)
    seed = validate.rng_seed(seed)
    import numpy as np  # imported on first use: keeps `import smm_calc` and the CLI quick

    rng = np.random.default_rng(seed)

    log_miss = math.log1p(-1.0 / big_n) if big_n > 1 else -math.inf
    uninformed = np.full(n_runs, big_n - n_seeds, dtype=np.int64)
    spreaders = np.full(n_runs, n_seeds, dtype=np.int64)
    reach = np.zeros(n_runs, dtype=np.int64)

    mean, std, new_mean = [0.0], [0.0], [0.0]
    quantiles = {q: [0.0] for q in QUANTILES}
    for _ in range(n):
        contacts = spreaders * kk
        if big_n > 1:
            hit = -np.expm1(contacts * log_miss)
        else:
            hit = (contacts > 0).astype(float)
        new = rng.binomial(uninformed, hit)
        uninformed -= new
        reach += new
        spreaders = new if quota == 1.0 else rng.binomial(new, quota)
        mean.append(float(reach.mean()))
        std.append(float(reach.std()))
        new_mean.append(float(new.mean()))
        for q, value in zip(QUANTILES, np.percentile(reach, QUANTILES)):
            quantiles[q].append(float(value))
    died_out = float(np.mean(spreaders == 0))
    return SimulationResult(tuple(mean), tuple(std), *(tuple(quantiles[q]) for q in QUANTILES),
                            tuple(new_mean), died_out, kk, big_n, n_runs, n_seeds, quota, seed)
