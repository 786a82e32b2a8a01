"""Small, dependency-free root finder used by the closed-form models."""

from collections.abc import Callable


def bisect(f: Callable[[float], float], lo: float, hi: float, *, max_iter: int = 200) -> float:
    """Root of `f` in [lo, hi] where f(lo) and f(hi) have opposite signs (or one is 0).

    Halves the bracket until it cannot shrink any further in floating point.
    """
    f_lo, f_hi = f(lo), f(hi)
    if f_lo == 0:
        return lo
    if f_hi == 0:
        return hi
    if (f_lo > 0) == (f_hi > 0):
        raise ArithmeticError("bisect: the bracket does not change sign")
    for _ in range(max_iter):
        mid = 0.5 * (lo + hi)
        if mid in (lo, hi):
            break
        f_mid = f(mid)
        if f_mid == 0:
            return mid
        if (f_mid > 0) == (f_lo > 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return 0.5 * (lo + hi)
