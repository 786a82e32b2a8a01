"""Range: a value known only as an interval („4–5“) or as a lower bound („≥10“)."""

import math
from dataclasses import dataclass
from numbers import Real

from .errors import InputError
from .numtext import fmt_decimal, fmt_decimal_band, range_bounds, shown


@dataclass(frozen=True)
class Range:
    """A closed interval [low, high]; `high` is math.inf when the range is open („mindestens …“)."""

    low: float
    high: float

    def __post_init__(self):
        low, high = float(self.low), float(self.high)
        if math.isnan(low) or math.isnan(high) or math.isinf(low):
            raise InputError("Ein Bereich braucht eine endliche untere Grenze.")
        if low > high:
            raise InputError(
                f"Bei einem Bereich darf die untere Grenze ({shown(low)}) nicht größer "
                f"sein als die obere ({shown(high)}).")
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)

    @classmethod
    def parse(cls, text: str, key: str | None = None) -> "Range":
        """Read "4-5", "4–5", "8 bis 12", "4,5", "4.5", "≥10", ">=10", "10+" or "mindestens 10"."""
        return cls(*range_bounds(text, key))

    @classmethod
    def of(cls, value: "float | Range") -> "Range":
        """A Range as it is, a number as the point range [x, x]."""
        return value if isinstance(value, Range) else cls.point(value)

    @classmethod
    def point(cls, x: float) -> "Range":
        return cls(x, x)

    @classmethod
    def at_least(cls, x: float) -> "Range":
        return cls(x, math.inf)

    @property
    def is_open(self) -> bool:
        """True when there is no upper bound."""
        return math.isinf(self.high)

    @property
    def is_point(self) -> bool:
        return self.low == self.high

    @property
    def upper(self) -> float | None:
        """The upper end, or None when open."""
        return None if self.is_open else self.high

    def __mul__(self, other: "Range | Real") -> "Range":
        """Product of non-negative ranges: (4–5) × (≥10) = ≥40."""
        if isinstance(other, Real):
            other = Range.point(other)
        if not isinstance(other, Range):
            return NotImplemented
        if min(self.low, other.low) < 0:
            raise InputError("Bereiche lassen sich hier nur mit nicht negativen Grenzen multiplizieren.")
        return Range(self.low * other.low, _mul_upper(self.high, other.high))

    __rmul__ = __mul__

    def __str__(self) -> str:
        """German notation: „4–5“, „4,5“, „mindestens 40“."""
        if self.is_point:
            return fmt_decimal(self.low)
        return fmt_decimal_band(self.low, self.upper)


def _mul_upper(a: float, b: float) -> float:
    if a == 0 or b == 0:
        return 0.0
    return a * b
