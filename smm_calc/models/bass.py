"""Bass diffusion model (Bass 1969): adoption through innovation (p) and imitation (q).

F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)) is the share of the market that has adopted
by time t (in years for the usual p, q). Average coefficients p ≈ 0,03 and q ≈ 0,38 are from the
meta-analysis of Sultan, Farley & Lehmann (1990). numpy is imported on first use (quick CLI start).
"""

import math

from .. import validate


def _out(t, values):
    import numpy as np

    return float(values) if np.ndim(t) == 0 else values


def bass_adoption(t, p: float, q: float):
    """Cumulative share F(t) (a float for a number t, an array for an array)."""
    validate.numbers_only(p=p, q=q)
    p, q = validate.bass_p(p), validate.bass_q(q)
    import numpy as np

    arr = validate.times(t)
    e = np.exp(-(p + q) * arr)
    return _out(t, -np.expm1(-(p + q) * arr) / (1.0 + (q / p) * e))


def bass_rate(t, p: float, q: float):
    """Adoption rate f(t) = dF/dt (share of the market per unit of time)."""
    validate.numbers_only(p=p, q=q)
    p, q = validate.bass_p(p), validate.bass_q(q)
    import numpy as np

    arr = validate.times(t)
    e = np.exp(-(p + q) * arr)
    return _out(t, (p + q) ** 2 / p * e / (1.0 + (q / p) * e) ** 2)


def bass_peak(p: float, q: float) -> tuple[float, float]:
    """(t*, F(t*)): when new adoptions peak and the share adopted by then.

    t* = ln(q/p)/(p + q) for q > p; for q ≤ p adoptions fall from the start and (0, 0) is returned.
    """
    validate.numbers_only(p=p, q=q)
    p, q = validate.bass_p(p), validate.bass_q(q)
    if q <= p:
        return 0.0, 0.0
    t_star = math.log(q / p) / (p + q)
    return t_star, bass_adoption(t_star, p, q)
