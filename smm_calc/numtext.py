"""Numbers as German text, both ways – the bottom layer of smm_calc (imports only errors).

Formatting (`fmt_*`) is the one place where numbers become text for people; `smm_calc.render.numbers`
re-exports it. Reading (`to_float`, `range_bounds`) is the syntax of what people type: „4,5“,
„1.000“, „4–5“, „≥10“; the input rules (limits, German messages per key) build on it in
`smm_calc.validate`.

Formatting rules (used by tables, figures, notes and error messages alike):

- thousands separator „.“, decimal comma „,“: 1.884; 4,5
- people counts below one million are whole numbers (one decimal below 1.000 when not whole:
  20,3); from one million on three significant digits with „Mio.“, „Mrd.“, „Bio.“; from 10¹⁵ on
  powers of ten: „1,2 · 10¹⁸“
- ranges with an en dash: 84–155 (spaced when an end contains a space: 840.000 – 1,2 Mio.);
  open ranges as „mindestens 1.640“
- shares as percent with a no-break space: 20,3 %
"""

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from numbers import Real

from .errors import InputError

NBSP = "\u00a0"
EN_DASH = "–"
SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
UNITS = ((1e6, "Mio."), (1e9, "Mrd."), (1e12, "Bio."))


def _round_half_up(x: float, decimals: int) -> Decimal:
    """Round like people do (2,25 → 2,3), not like binary floats do."""
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(repr(float(x))).quantize(quantum, rounding=ROUND_HALF_UP)


def _group(digits: str) -> str:
    """Insert German thousands separators into a string of digits."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return ".".join(parts)


def fmt_number(x: float, decimals: int = 0, *, strip: bool = False) -> str:
    """A number with `decimals` decimals, German separators; `strip` drops trailing zeros."""
    if not math.isfinite(x):
        raise ValueError(f"not a finite number: {x!r}")
    d = _round_half_up(x, decimals)
    if d == 0:
        d = abs(d)  # no „-0“
    sign = "-" if d < 0 else ""
    text = f"{abs(d):.{decimals}f}"
    whole, _, frac = text.partition(".")
    if strip:
        frac = frac.rstrip("0")
    return sign + _group(whole) + ("," + frac if frac else "")


def fmt_decimal(x: float, max_decimals: int = 3) -> str:
    """A parameter value such as 4,5 or 0,03 or 1.000 (up to `max_decimals`, no trailing zeros)."""
    return fmt_number(x, max_decimals, strip=True)


def fmt_power_of_ten(x: float, significant: int = 2) -> str:
    """Scientific notation the German way: 1,2 · 10¹⁸."""
    exponent = math.floor(math.log10(abs(x)))
    mantissa = x / 10.0 ** exponent
    if abs(float(_round_half_up(mantissa, significant - 1))) >= 10:
        exponent += 1
        mantissa = x / 10.0 ** exponent
    mantissa_text = fmt_number(mantissa, significant - 1, strip=True)
    return f"{mantissa_text}{NBSP}·{NBSP}10{str(exponent).translate(SUPERSCRIPTS)}"


def fmt_count(x: float) -> str:
    """An (expected) number of people: 4,5 · 1.884 · 1,23 Mio. · 4,56 Mrd. · 1,2 · 10¹⁸."""
    if not math.isfinite(x):
        raise ValueError(f"not a finite number: {x!r}")
    ax = abs(x)
    if ax < 1e6:
        if ax >= 100 or abs(x - round(x)) < 0.05:
            return fmt_number(x, 0)
        return fmt_number(x, 1)
    i = max(j for j, (size, _) in enumerate(UNITS) if ax >= size) if ax < 1e15 else len(UNITS)
    while i < len(UNITS):
        size, unit = UNITS[i]
        scaled = x / size
        decimals = min(2, max(0, 2 - math.floor(math.log10(abs(scaled)))))
        text = fmt_number(scaled, decimals, strip=True)
        if not text.lstrip("-").startswith("1.000"):
            return f"{text}{NBSP}{unit}"
        i += 1  # 999,9996 Mio. rounds to the next unit
    return fmt_power_of_ten(x)


def fmt_percent(share: float, decimals: int = 1, *, strip: bool = False) -> str:
    """A share 0…1 as percent: 0.2032 → 20,3 %; with `strip` 0.5 → 50 % (not 50,0 %)."""
    return f"{fmt_number(100.0 * share, decimals, strip=strip)}{NBSP}%"


def fmt_range(low: str, high: str | None) -> str:
    """Join two formatted ends: 84–155, 1,2–3,4 Mio., „mindestens 1.640“ (high None)."""
    if high is None:
        return f"mindestens {low}"
    if low == high:
        return low
    low_num, _, low_unit = low.partition(NBSP)
    high_num, _, high_unit = high.partition(NBSP)
    if low_unit and low_unit == high_unit and "·" not in low_unit:
        return f"{low_num}{EN_DASH}{high_num}{NBSP}{low_unit}"
    if low_unit or high_unit:
        return f"{low}{NBSP}{EN_DASH} {high}"
    return f"{low}{EN_DASH}{high}"


def fmt_count_band(low: float, high: float | None) -> str:
    """A band of people counts; `high` None means open upwards."""
    return fmt_range(fmt_count(low), None if high is None else fmt_count(high))


def fmt_decimal_band(low: float, high: float | None, max_decimals: int = 3) -> str:
    """A band of parameter values such as k = 4–5 or k ≥ 40 („mindestens 40“)."""
    return fmt_range(fmt_decimal(low, max_decimals),
                     None if high is None or math.isinf(high) else fmt_decimal(high, max_decimals))


def fmt_raw(x: float) -> str:
    """A machine-readable number with a decimal comma and no grouping (for CSV in German Excel)."""
    if isinstance(x, bool):
        return str(int(x))
    if isinstance(x, int):
        return str(x)
    if float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    return f"{x:.12g}".replace(".", ",")


# --- reading what people type -------------------------------------------------------------------

def shown(value) -> str:
    """The value as the user gave it, for „…“ quotes in messages."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) and abs(value) >= 10**15:
        digits = str(abs(value))
        return f"{'-' if value < 0 else ''}{digits[0]},{digits[1:3]}·10^{len(digits) - 1}"
    if isinstance(value, Real):
        x = float(value)
        if math.isnan(x):
            return "NaN"
        if math.isinf(x):
            return "unendlich" if x > 0 else "minus unendlich"
        if abs(x) >= 1e15 or (x != 0 and abs(x) < 1e-6):
            return f"{x:g}".replace(".", ",")
        return fmt_decimal(x, 6)
    return str(value)


_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_SPACES = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009](?=\d{3}(?:\D|$))")


def _normalise(text: str) -> str:
    t = text.strip().lower().replace("\u2212", "-")  # typographic minus
    return _SPACES.sub("", t)  # 100 000 → 100000


def to_float(value, key: str | None, *, grouped: bool = False) -> float:
    """A finite real number from a Python number or text ("4,5", "4.5", "1e6", "1.000,5").

    With `grouped`, "100.000" means one hundred thousand (for whole numbers such as zielgruppe).
    """
    if isinstance(value, bool):
        raise InputError(f"{key} muss eine Zahl sein, nicht „{value}“.", key)
    if isinstance(value, Real):
        try:
            x = float(value)
        except OverflowError:
            x = math.inf
    elif isinstance(value, str):
        t = _normalise(value)
        if _GROUPED.fullmatch(t) and (grouped or "," in t):
            t = t.replace(".", "").replace(",", ".")
        elif t.count(",") == 1 and "." not in t:
            t = t.replace(",", ".")
        if not _PLAIN.fullmatch(t):
            raise InputError(f"{key} muss eine Zahl sein, nicht „{shown(value)}“.", key)
        x = float(t)
    else:
        raise InputError(f"{key} muss eine Zahl sein, nicht „{shown(value)}“.", key)
    if not math.isfinite(x):
        raise InputError(f"{key} muss eine endliche Zahl sein, nicht „{shown(value)}“.", key)
    return x


_NUM = r"[+-]?[\d][\d.,]*(?:e[+-]?\d+)?|[+-]?\.\d+"
_OPEN = [
    re.compile(rf"(?:≥|>=|>|mindestens|ab|min\.)\s*(?P<a>{_NUM})"),
    re.compile(rf"(?P<a>{_NUM})\s*(?:\+|oder mehr|und mehr)"),
]
_BETWEEN = re.compile(rf"(?P<a>{_NUM})\s*(?:-|–|—|bis)\s*(?P<b>{_NUM})")


def range_bounds(text, key: str | None = None) -> tuple[float, float]:
    """(low, high) from "4-5", "4–5", "8 bis 12", "4,5", "4.5", "≥10", ">=10", "10+", "mindestens 10".

    `high` is math.inf for an open range; a single number gives low == high.
    """
    name = key or "Der Bereich"
    if isinstance(text, Real) and not isinstance(text, bool):
        x = to_float(text, name)
        return x, x
    if not isinstance(text, str):
        raise InputError(f"{name} muss eine Zahl oder ein Bereich sein, nicht „{shown(text)}“.", key)
    t = _normalise(text)
    if _PLAIN.fullmatch(t.replace(",", ".", 1)) or _GROUPED.fullmatch(t):
        x = to_float(text, name)
        return x, x
    for pattern in _OPEN:
        if m := pattern.fullmatch(t):
            return to_float(m["a"], name), math.inf
    if m := _BETWEEN.fullmatch(t):
        low, high = to_float(m["a"], name), to_float(m["b"], name)
        if low > high:
            raise InputError(
                f"{name}: Bei „{shown(text)}“ ist die untere Grenze größer als die obere.", key)
        return low, high
    raise InputError(
        f"{name} muss eine Zahl oder ein Bereich wie „4–5“, „8 bis 12“ oder „≥10“ sein, "
        f"nicht „{shown(text)}“.", key)
