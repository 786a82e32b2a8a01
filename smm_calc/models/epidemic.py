"""SIR final size (Kermack & McKendrick 1927): the share z reached in the end, z = 1 − e^(−R0·z)."""

import math

from .. import validate
from ..solvers import bisect


def final_size(r0: float) -> float:
    """Positive root of z = 1 − exp(−R0·z) for R0 > 1; 0 for R0 ≤ 1 (large population limit)."""
    validate.numbers_only(r0=r0)
    r0 = validate.rate(r0, "r0")
    if r0 <= 1.0:
        return 0.0
    lo = math.log(r0) / r0  # maximum of 1 − e^(−R0·z) − z, positive there
    return bisect(lambda z: -math.expm1(-r0 * z) - z, lo, 1.0)
