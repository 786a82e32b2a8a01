"""Galton–Watson branching process: will a chain of retelling die out by itself?

Offspring = people a teller gets to pass the message on, with mean r (the reproduction number).
Extinction probability q is the smallest root in [0, 1] of s = G(s), G the offspring pgf
(Harris 1963; Athreya & Ney 1972). Overdispersion ("influencers": a few tell very many) is the
negative binomial with dispersion d (Lloyd-Smith et al. 2005); d = 1 is the geometric case and
d → ∞ the Poisson case.
"""

import math
from collections.abc import Callable

from .. import validate
from ..solvers import bisect


def offspring_pgf(r: float, offspring: str = "poisson", dispersion: float | None = None
                  ) -> Callable[[float], float]:
    """The probability generating function G(s) of the offspring distribution with mean r."""
    validate.numbers_only(r=r, dispersion=dispersion)
    r = validate.rate(r)
    kind = validate.offspring(offspring)
    if kind == "poisson":
        return lambda s: math.exp(r * (s - 1.0))
    if kind == "geometric":
        return lambda s: 1.0 / (1.0 + r * (1.0 - s))
    d = validate.negbin_dispersion(dispersion)
    return lambda s: (1.0 + r * (1.0 - s) / d) ** (-d)


def _turning_point(r: float, kind: str, dispersion: float | None) -> float:
    """Where G'(s) = 1: G(s) − s falls on [0, this point] and is negative there for r > 1."""
    if kind == "poisson":
        return 1.0 - math.log(r) / r
    d = 1.0 if kind == "geometric" else dispersion
    return 1.0 - d * math.expm1(math.log(r) / (d + 1.0)) / r


def extinction_probability(r: float, offspring: str = "poisson",
                           dispersion: float | None = None) -> float:
    """Probability that the retelling chain started by one teller dies out (q = 1 for r ≤ 1).

    offspring: "poisson", "geometric" (also "geometrisch") or "negbin" (needs `dispersion` > 0).
    For several independent starters the probability is q ** seeds.
    """
    validate.numbers_only(r=r, dispersion=dispersion)
    r = validate.rate(r)
    kind = validate.offspring(offspring)
    d = validate.negbin_dispersion(dispersion) if kind == "negbin" else None
    if r <= 1.0:
        return 1.0
    g = offspring_pgf(r, kind, d)
    top = min(max(_turning_point(r, kind, d), 0.0), 1.0)
    if g(top) - top >= 0:  # r so close to 1 that q and 1 cannot be told apart
        return top
    return bisect(lambda s: g(s) - s, 0.0, top)


def expected_total(r: float, seeds: int = 1) -> float:
    """Expected total progeny seeds/(1 − r) for r < 1 – originators INCLUDED.

    This is the classical Galton–Watson total (everyone who ever had the message). The number of
    people told (originators excluded, like reach) is `expected_total(r, seeds) − seeds`
    = seeds·r/(1 − r); see also `expected_reach` for originators who always pass it on.
    """
    validate.numbers_only(r=r, seeds=seeds)
    r = validate.subcritical(validate.rate(r), "r", "Die erwartete Gesamtzahl")
    n_seeds = validate.seeds(seeds)
    return n_seeds / (1.0 - r)
