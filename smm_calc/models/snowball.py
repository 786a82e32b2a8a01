"""Word of mouth Stufe by Stufe: the naive snowball and saturation in a finite target group.

Conventions (as on the site): Stufe 0 are the originators (`seeds`); Stufe s ≥ 1 are the people
told by those newly informed in Stufe s−1. Sequences are indexed by Stufe 0…stufen and index 0 is
0, because reach counts the people told – the originators are not counted.
"""

import math
from dataclasses import dataclass

from .. import validate
from ..ranges import Range


@dataclass(frozen=True)
class Reach:
    """Expected newly informed people per Stufe (`new`) and reach after each Stufe (`cumulative`)."""

    new: tuple[float, ...]
    cumulative: tuple[float, ...]
    k: float
    seeds: int
    zielgruppe: int | None = None  # None for the naive snowball (no target group)
    retell: float = 1.0

    @property
    def stufen(self) -> int:
        return len(self.new) - 1

    @property
    def total(self) -> float:
        """Reach after the last Stufe."""
        return self.cumulative[-1]


@dataclass(frozen=True)
class Band:
    """Results at the two ends of a Range for k; `high` is None when k is open upwards.

    All models here are monotone in k for the *cumulative* reach, so the band
    low.cumulative[s] … high.cumulative[s] contains every k in the range. Under saturation the
    newly informed per Stufe are not monotone in k (a large k uses up the target group early):
    `new` of the two ends is not a band for the k in between.
    """

    low: Reach
    high: Reach | None
    k: Range

    def cumulative(self, stufe: int) -> tuple[float, float | None]:
        return self.low.cumulative[stufe], None if self.high is None else self.high.cumulative[stufe]

    def new(self, stufe: int) -> tuple[float, float | None]:
        return self.low.new[stufe], None if self.high is None else self.high.new[stufe]


def _band(k: Range, compute) -> Band:
    return Band(compute(k.low), None if k.is_open else compute(k.high), k)


def naive_reach(k: "float | Range", stufen: int, seeds: int = 1) -> "Reach | Band":
    """Naive snowball: every newly informed person tells k new people, new in Stufe s = seeds·kˢ.

    A Range for k (e.g. `Range.parse("4–5")`) gives a Band.
    """
    validate.numbers_only(k=k, stufen=stufen, startpersonen=seeds)
    k = validate.k_value(k)
    n = validate.stufen(stufen)
    n_seeds = validate.seeds(seeds)

    def compute(kk: float) -> Reach:
        new, cumulative = [0.0], [0.0]
        current = float(n_seeds)
        for _ in range(n):
            current *= kk
            new.append(current)
            cumulative.append(cumulative[-1] + current)
        validate.check_finite(cumulative, "k", "naiver Schneeball")
        return Reach(tuple(new), tuple(cumulative), kk, n_seeds)

    return _band(k, compute) if isinstance(k, Range) else compute(k)


def saturating_reach(k: "float | Range", stufen: int, zielgruppe: int, seeds: int = 1,
                     retell: float = 1.0) -> "Reach | Band":
    """Expected reach when every spreader makes k contacts drawn at random from all N people.

    U₀ = N − seeds, T₀ = seeds, U_{s+1} = U_s·(1 − 1/N)^(k·T_s), T_s = retell·(U_{s−1} − U_s);
    new[s] = U_{s−1} − U_s. Originators are part of N and always pass the message on.
    """
    validate.numbers_only(k=k, stufen=stufen, zielgruppe=zielgruppe, startpersonen=seeds,
                          weitererzaehlquote=retell)
    k = validate.k_value(k)
    n = validate.stufen(stufen)
    n_seeds = validate.seeds(seeds)
    big_n = validate.zielgruppe(zielgruppe, n_seeds)
    quota = validate.retell(retell)
    log_miss = math.log1p(-1.0 / big_n) if big_n > 1 else -math.inf

    def compute(kk: float) -> Reach:
        new, cumulative = [0.0], [0.0]
        uninformed, spreaders = float(big_n - n_seeds), float(n_seeds)
        for _ in range(n):
            if uninformed > 0 and spreaders > 0:
                informed = uninformed * -math.expm1(kk * spreaders * log_miss)
            else:
                informed = 0.0
            uninformed = max(uninformed - informed, 0.0)
            spreaders = quota * informed
            new.append(informed)
            cumulative.append(cumulative[-1] + informed)
        return Reach(tuple(new), tuple(cumulative), kk, n_seeds, big_n, quota)

    return _band(k, compute) if isinstance(k, Range) else compute(k)


def expected_reach(k: float, retell: float = 1.0, seeds: int = 1) -> float:
    """Expected number of people told in an unlimited target group when k·retell < 1.

    Originators tell k people each; of everyone told a share `retell` tells k more, so the
    effective rate is R = k·retell and the reach sums to seeds·k/(1 − R) (originators excluded).
    """
    validate.numbers_only(k=k, weitererzaehlquote=retell, startpersonen=seeds)
    kk = validate.single_k(k)
    quota = validate.retell(retell)
    n_seeds = validate.seeds(seeds)
    r = validate.subcritical(kk * quota, "weitererzaehlquote", "Die erwartete Reichweite",
                             "k · weitererzaehlquote")
    return n_seeds * kk / (1.0 - r)
