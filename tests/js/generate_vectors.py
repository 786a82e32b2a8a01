"""Test vectors for the calculator's JavaScript, computed by smm_calc (the reference).

    .venv/bin/python tests/js/generate_vectors.py      # rewrites tests/js/vectors.json

`vectors.json` is committed; tests/js/test_vectors.py regenerates the vectors in memory and
compares them with the file, so the JavaScript is always checked against what smm_calc computes
today. `node --test tests/js/` (calculator.test.mjs) checks the module against the file.

Conventions of the file: JSON has no infinity, so an open upper end („mindestens …“) is `null`;
an expected error is {"error": "<German message>"} instead of a result.

`constants` is smm_calc.calculator.js_constants() – what the page gets from the build hook
(hooks/rechner.py) – and `calculator` holds full results of smm_calc.calculator.calculate() for
the five texts of the form: the cases the tests use plus randomised ones (fixed seed).
"""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "vectors.json"

RANDOM_CASES = 90


def _outcome(fn):
    """fn()'s value, or {"error": message} for an InputError."""
    from smm_calc import InputError

    try:
        return {"value": fn()}
    except InputError as error:
        return {"error": str(error)}


def _num(x):
    return None if x is None or (isinstance(x, float) and math.isinf(x)) else x


def _reach(r) -> dict:
    return {"new": list(r.new), "cumulative": list(r.cumulative)}


def _band_or_reach(result) -> dict:
    from smm_calc import Band
    from smm_calc.render.numbers import fmt_count_band

    if isinstance(result, Band):
        return {"low": _reach(result.low), "high": None if result.high is None else _reach(result.high),
                # the reach column as the build-time tables show it (Stufe 0…n)
                "cells": [fmt_count_band(*result.cumulative(s)) for s in range(len(result.low.new))]}
    return {"single": _reach(result)}


def ranges() -> list[dict]:
    from smm_calc import Range

    texts = ["4-5", "4–5", "8 bis 12", "4,5", "4.5", "≥10", ">=10", "10+", "mindestens 10",
             "Mindestens 10", " 4 – 5 ", "8—12", "ab 3", "min. 2", "> 7", "3 oder mehr",
             "3 und mehr", "0,5-1,5", "0.5 bis 1.5", "1.000", "1.000,5", "100 000", "1e3", "1E3",
             ".5", "+4", "−3", "4 - 5", "≥ 2,5", "12", "1,5e2", "٤–٥", "١٠+", "100\u202f000",
             # errors
             "", "abc", "5-4", "4-", "-", "inf", "nan", "1e400", "≥", "4,5,6", "4 bis", "10++",
             "mindestens", "4–5–6"]
    out = []
    for text in texts:
        res = _outcome(lambda: Range.parse(text, key="k"))
        if "value" in res:
            rng = res["value"]
            out.append({"text": text, "low": rng.low, "high": _num(rng.high), "str": str(rng)})
        else:
            out.append({"text": text, **res})
    return out


def validation() -> list[dict]:
    """The calculator's five fields, validated with smm_calc.validate and the field keys."""
    from smm_calc import Range, validate
    from smm_calc.calculator import FIELDS

    FIELD_KEYS = {name: spec["key"] for name, spec in FIELDS.items()}  # noqa: N806

    def k_field(text):
        value = validate.k_value(text, FIELD_KEYS["k"])
        return [value.low, _num(value.high)] if isinstance(value, Range) else [value, value]

    def faktor_field(text):
        value = validate.positive_range(text, FIELD_KEYS["faktor"])
        return [value.low, _num(value.high)] if isinstance(value, Range) else [value, value]

    checks = {
        "k": (k_field, ["4–5", "0", "-1", "0,001", "1e9", "2e9", "1-2e9", "≥2e9", "≥1e9",
                        "abc", "", "  ", "0-5", "5 bis 4", "1e-400"]),
        "faktor": (faktor_field, ["1", "10", "≥10", "mindestens 10", "0", "x", "-10", "10 – 20"]),
        "stufen": (lambda t: validate.stufen(t, FIELD_KEYS["stufen"]),
                   ["5", "0", "50", "51", "-1", "2,5", "abc", "", "1e1", "5.000", "+3", "05",
                    "1e400", "nan"]),
        "zielgruppe": (lambda t: validate.zielgruppe(t, 1, FIELD_KEYS["zielgruppe"]),
                       ["100000", "100.000", "100 000", "100\u00a0000", "1e10", "1e11", "0", "1",
                        "1,5", "10.000.000.000", "abc", "", "-5", "1.000,5", "2,0"]),
        "quote": (lambda t: validate.retell(t, FIELD_KEYS["quote"]),
                  ["1", "0", "0,1", "0.1", "10 %", "10%", "150 %", "1,5", "-0,1", "abc", "",
                   "100 %", "0,333", "50\u00a0%", "%"]),
    }
    out = []
    for field, (check, texts) in checks.items():
        for text in texts:
            out.append({"field": field, "text": text, **_outcome(lambda: check(text))})
    return out


def shown() -> list[dict]:
    from smm_calc import validate

    values = [0.0, 4.5, 1001.0, 1e-7, 1.5e-7, 123456.0, 1e15, 1.2345e20, -2.5, 0.1 + 0.2,
              math.nan, math.inf, -math.inf, 1e-6, 9.999999e-7]
    return [{"value": None if not math.isfinite(v) else v,
             "special": None if math.isfinite(v) else repr(v),
             "shown": validate.shown(v)} for v in values]


def naive() -> list[dict]:
    from smm_calc import naive_reach, validate

    cases = [("4-5", 9, 1), ("8-12", 5, 1), ("≥40", 5, 1), ("≥80", 6, 1), ("0,5", 10, 1),
             ("1", 3, 2), ("2", 50, 1), ("1,5-2,5", 50, 3), ("1e9", 33, 1), ("1e9", 34, 1),
             ("4.5", 0, 1), ("1e8-1e9", 20, 1), ("40-50", 12, 7), ("0,001", 4, 1)]
    return [{"k": k, "stufen": n, "seeds": seeds,
             **_wrap(_outcome(lambda: _band_or_reach(naive_reach(validate.k_value(k), n, seeds))))}
            for k, n, seeds in cases]


def saturating() -> list[dict]:
    from smm_calc import saturating_reach, validate

    cases = [("4-5", 9, 100000, 1, 1.0), ("80-120", 6, 100000, 1, 0.1), ("≥40", 5, 100000, 1, 1.0),
             ("≥80", 6, 100000, 1, 1.0), ("2", 10, 1000, 1, 0.3), ("0,5", 12, 100000, 1, 1.0),
             ("1,5", 20, 10**10, 1, 1.0), ("1e9", 3, 10**10, 1, 1.0), ("3", 50, 10**10, 1, 0.5),
             ("4", 5, 1, 1, 1.0), ("4", 5, 2, 1, 1.0), ("10", 4, 5, 5, 1.0), ("10", 6, 1000, 1, 0.0),
             ("8-12", 8, 100000, 3, 0.25), ("0,001", 5, 100, 1, 1.0), ("40-50", 0, 100, 1, 1.0),
             ("1e9", 4, 10**10, 1, 0.01), ("4-5", 30, 10**10, 1, 0.999), ("≥10", 8, 50, 1, 0.2)]
    return [{"k": k, "stufen": n, "zielgruppe": big_n, "seeds": seeds, "retell": retell,
             **_wrap(_outcome(lambda: _band_or_reach(saturating_reach(validate.k_value(k), n, big_n, seeds, retell))))}
            for k, n, big_n, seeds, retell in cases]


def _wrap(outcome: dict) -> dict:
    if "value" not in outcome:
        return outcome
    value = outcome["value"]
    if isinstance(value, dict) and "cells" in value:
        value = dict(value)
        return {"result": value, "cells": value.pop("cells")}
    return {"result": value}


def extinction() -> list[dict]:
    from smm_calc import extinction_probability

    rates = [0.0, 0.5, 1.0, 1.0001, 1.001, 1.01, 1.05, 1.1, 1.25, 1.5, 2.0, 2.5, 3.0, 4.5, 10.0,
             40.0, 100.0, 745.0, 1000.0, 1000.5, -1.0]
    out = []
    for r in rates:
        for offspring, dispersion in (("poisson", None), ("geometric", None), ("negbin", 0.2),
                                      ("negbin", 5.0)):
            if offspring != "poisson" and r in (745.0, 1000.0):
                continue
            res = _outcome(lambda: extinction_probability(r, offspring, dispersion))
            out.append({"r": r, "offspring": offspring, "dispersion": dispersion, **_wrap(res)})
    out.append({"r": 2.0, "offspring": "negbin", "dispersion": None,
                **_wrap(_outcome(lambda: extinction_probability(2.0, "negbin")))})
    out.append({"r": 2.0, "offspring": "normal", "dispersion": None,
                **_wrap(_outcome(lambda: extinction_probability(2.0, "normal")))})
    return out


def expected() -> list[dict]:
    from smm_calc import expected_reach

    cases = [(4, 0.1, 1), (8, 0.1, 1), (12, 0.05, 1), (10, 0.0, 1), (2, 0.3, 3), (5, 0.2, 1),
             (0.5, 1.0, 1)]
    return [{"k": k, "retell": w, "seeds": s, **_wrap(_outcome(lambda: expected_reach(k, w, s)))}
            for k, w, s in cases]


def formats() -> dict:
    from smm_calc.render import numbers as nf
    from smm_calc.render.figures import axis_count

    rnd = random.Random(20240601)
    logs = [10 ** rnd.uniform(-3, 300) for _ in range(40)]
    counts = [0.0, 0.04, 0.05, 0.049999, 0.95, 1.0, 4.5, 4.44, 20.25, 20.35, 20.349, 99.95,
              99.94, 100.4, 100.5, 999.5, 1884.0, 12345.5, 999999.4, 999999.5, 1e6, 1234567.0,
              1235000.0, 999994999.0, 999995000.0, 999999999.0, 1e9, 4.56e9, 1e12, 999.9996e12,
              999.994e12, 1e15, 1.23e18, 9.96e20, 9.94e20, 1.05e15, 1.25e15, 1e100, 1e300,
              1.7976931348623157e308, -4.5, -1234567.0, -0.04, 5e-324, 84.0, 155.0, 1640.0,
              840000.0, 1.2e6, 3905.0, 1365.0, 31.0, 99999.99, 100000.0, 2.675, 0.125, 1.005e6]
    decimals = [0.0, 4.5, 0.03, 1000.0, 1e9, 0.0005, 0.00049, 2.25, 1.0005, 12345.6789,
                0.1 + 0.2, 0.45, 1.0 / 3.0, 40.0, 1e10, 2.675, 1.2345e-5, 123456789.0125, -0.0004]
    percents = [(0.2032, 1, False), (0.5, 1, True), (0.5, 1, False), (1.0, 1, True), (0.0004, 1, False),
                (0.00049, 1, False), (0.99995, 1, False), (0.0, 1, True), (0.123456, 2, False),
                (0.1, 1, True), (0.333, 1, True), (0.0005, 1, False), (0.02031, 1, False),
                (0.9999999, 1, False), (0.796812, 1, False)]
    count_bands = [(84.0, 155.0), (840000.0, 1.2e6), (1.2e6, 3.4e6), (1640.0, None), (1e18, 2e18),
                   (5.0, 5.0), (5.0, 5.2), (999999.5, 1e6), (1.2e15, 3.4e18), (0.0, 0.0),
                   (4.4, 4.6), (2.5e9, 1.2e12), (1e300, None), (1e6, 1.004e6)]
    decimal_bands = [(4.0, 5.0, 3), (40.0, None, 3), (0.45, 0.6, 2), (4.0, math.inf, 3),
                     (1.0, 1.0, 3), (0.4, 1.2, 2), (80.0, 120.0, 3), (1.0 / 3.0, 2.0 / 3.0, 2),
                     (0.0, None, 2), (0.8, 1.2000000000000002, 2)]
    return {
        "number": [[x, d, s, nf.fmt_number(x, d, strip=s)]
                   for x, d, s in [(1234567.891, 2, False), (0.5, 0, False), (1.5, 0, False),
                                   (2.5, 0, False), (-0.4, 0, False), (-0.5, 0, False),
                                   (1000.0, 3, True), (1e15, 0, False), (123.456, 1, True),
                                   (0.05, 1, False), (9.995, 2, False), (1e-7, 3, False)]],
        "count": [[x, nf.fmt_count(x)] for x in counts + logs],
        "decimal": [[x, nf.fmt_decimal(x)] for x in decimals]
        + [[x, 2, nf.fmt_decimal(x, 2)] for x in decimals[:8]],
        "percent": [[x, d, s, nf.fmt_percent(x, d, strip=s)] for x, d, s in percents],
        "count_band": [[lo, hi, nf.fmt_count_band(lo, hi)] for lo, hi in count_bands],
        "decimal_band": [[lo, _num(hi), d, nf.fmt_decimal_band(lo, hi, d)] for lo, hi, d in decimal_bands],
        "axis_count": [[x, axis_count(x)] for x in
                       [0.0, 1.0, 2.5, 10.0, 100.0, 1000.0, 20000.0, 1e5, 1e6, 2.5e6, 1e7, 1e9, 2.5e9,
                        1e12, 1e14, 1e15, 1e18, 1e100, 1e300, 3e16, 0.005, 0.001, 1e-5, 0.25, 123.4567,
                        -1e6, 999999.0]],
        "range_str": [[lo, _num(hi), str(_range(lo, hi))] for lo, hi in
                      [(4.0, 5.0), (4.5, 4.5), (10.0, math.inf), (40.0, 60.0), (1e10, 1e10), (0.5, 1.5)]],
    }


def _range(lo, hi):
    from smm_calc import Range

    return Range(lo, hi)


def products() -> list[dict]:
    """Range × Range as the calculator forms k × faktor (the seed's social-media scenarios)."""
    from smm_calc import Range

    pairs = [("4–5", "1"), ("4–5", "≥10"), ("8–12", "≥10"), ("8–12", "10"), ("4,5", "2–3"),
             ("≥2", "≥3"), ("0,5", "4")]
    out = []
    for a, b in pairs:
        product = Range.parse(a) * Range.parse(b)
        out.append({"a": a, "b": b, "low": product.low, "high": _num(product.high), "str": str(product)})
    return out


# --- the whole calculator: five texts in, everything the page shows out ------------------------

# The cases tests/site/test_calculator.py and calculator.test.mjs use (defaults filled in).
CALCULATOR_CASES = [
    {},  # the defaults
    {"k": "8-12", "faktor": "10", "stufen": "5", "zielgruppe": "100000", "quote": "1"},
    {"k": "4–5", "faktor": "mindestens 10", "stufen": "6"},
    {"k": "8 bis 12", "faktor": "10+", "stufen": "6", "zielgruppe": "100.000", "quote": "0,1"},
    {"k": "2", "faktor": "1", "stufen": "12", "zielgruppe": "1000", "quote": "30 %"},
    {"k": "8-12", "stufen": "8", "quote": "0,1"},
    {"k": "1e9", "stufen": "3", "zielgruppe": "10.000.000.000"},
    {"k": "0,5-1,5", "faktor": "2", "stufen": "50", "zielgruppe": "1e10", "quote": "0,999"},
    {"k": "4,5", "stufen": "0", "zielgruppe": "50", "quote": "0"},
    {"k": "≥10", "stufen": "8", "zielgruppe": "50", "quote": "0"},
    {"k": "4-5", "faktor": "10+", "stufen": "3", "zielgruppe": "1000"},
    {"stufen": "7"}, {"stufen": "7", "k": "8 bis 12"}, {"k": "8 b"},
    {"k": "8–12", "faktor": "mindestens 10", "stufen": "4", "zielgruppe": "250.000", "quote": "25 %"},
    {"k": "8–12", "faktor": "mindestens 10"}, {"k": "2", "faktor": "3", "stufen": "4"},
    {"k": "8-12", "faktor": "≥10", "stufen": "5"}, {"k": "8-12", "faktor": "≥10", "stufen": "6"},
    {"k": "abc", "faktor": "0", "stufen": "99", "zielgruppe": "-5", "quote": "2"},
    {"k": "  "}, {"zielgruppe": ""}, {"k": "1e9", "stufen": "50"}, {"k": "1e5", "faktor": "1e5"},
    {"k": "4", "quote": "0,1"}, {"k": "8-12", "quote": "0,1"}, {"k": "2", "quote": "1"},
    {"k": "≥10", "quote": "0"}, {"k": "1e6"},
    # the fields' bad values of the browser tests
    {"k": "0"}, {"k": "5-4"}, {"k": "2e9"}, {"faktor": "-10"}, {"stufen": "99"}, {"stufen": "2,5"},
    {"zielgruppe": "0"}, {"zielgruppe": "1e11"}, {"quote": "2"}, {"quote": "150 %"},
    {"k": "1e400"},
    # R just at and around 1, a target group of one, a field missing altogether
    {"k": "1", "quote": "1"}, {"k": "0,5–2", "quote": "1"}, {"k": "1,01", "quote": "1"},
    {"zielgruppe": "1"}, {"k": "1", "stufen": "10", "zielgruppe": "1e10"},
    {"k": "≥1e9"}, {"k": "1e9-1e9", "faktor": "1"}, {"k": "0,001", "quote": "50 %"},
    # extinction probabilities around „unter 0,1 %“ (q(7,6) ≈ 0,05 %, q(7,7) ≈ 0,045 %)
    {"k": "7,6"}, {"k": "7,7"}, {"k": "5–7,7"}, {"k": "5-7"}, {"k": "0,8–7,7"}, {"k": "0,8–7,6"},
]


def _number_text(rnd: random.Random, x: float) -> str:
    """x as a person might type it: 4,5 · 4.5 · 1e3 · 100.000 · 100 000."""
    from smm_calc.render.numbers import fmt_decimal

    if x.is_integer() and x >= 1000 and rnd.random() < 0.5:
        return rnd.choice([fmt_decimal(x), f"{int(x):,}".replace(",", " "), f"{x:g}"])
    text = repr(x).removesuffix(".0") if x < 1e16 else f"{x:g}"
    return text.replace(".", ",") if rnd.random() < 0.5 else text


def _range_text(rnd: random.Random, lo: float, hi: float) -> str:
    a, b = _number_text(rnd, lo), _number_text(rnd, hi)
    return rnd.choice([a, f"{a}–{b}", f"{a}-{b}", f"{a} bis {b}", f"≥{a}", f"mindestens {a}",
                       f"{a}+", f"{a} – {b}"])


def random_inputs(count: int, seed: int = 20261205) -> list[dict[str, str]]:
    """Random texts for the five fields, now and then a bad one."""
    rnd = random.Random(seed)
    bad = {"k": ["abc", "0", "5-4", "", "-3"], "faktor": ["0", "x", "≥"],
           "stufen": ["51", "2,5", "-1"], "zielgruppe": ["0", "1e11", "viele"],
           "quote": ["1,5", "150 %", "%"]}
    out = []
    for _ in range(count):
        k = round(10 ** rnd.uniform(-1, 2.3), rnd.choice([0, 1, 2]))
        k = max(k, 0.1)
        factor = rnd.choice([1.0, 1.0, 10.0, round(rnd.uniform(1, 20), 1)])
        values = {
            "k": _range_text(rnd, k, round(k * rnd.uniform(1, 3), 1)),
            "faktor": (_number_text(rnd, factor) if rnd.random() < 0.6
                       else _range_text(rnd, factor, factor * 2)),
            "stufen": str(rnd.randint(0, 12) if rnd.random() < 0.85 else rnd.randint(13, 50)),
            "zielgruppe": _number_text(rnd, float(round(10 ** rnd.uniform(0, 10)))),
            "quote": (f"{rnd.randint(0, 100)} %" if rnd.random() < 0.4
                      else _number_text(rnd, round(rnd.uniform(0, 1), rnd.choice([1, 2, 3])))),
        }
        if rnd.random() < 0.15:
            field = rnd.choice(sorted(bad))
            values[field] = rnd.choice(bad[field])
        out.append(values)
    return out


def calculator() -> list[dict]:
    """Full results of smm_calc.calculator.calculate() – what calculate() in JavaScript must give."""
    from smm_calc.calculator import FIELDS, as_json, calculate

    defaults = {name: spec["default"] for name, spec in FIELDS.items()}
    cases = [{**defaults, **case} for case in CALCULATOR_CASES]
    cases.append({"k": "4–5", "faktor": "1", "quote": "1"})  # two fields missing altogether
    cases += random_inputs(RANDOM_CASES)
    return [{"values": values, "outcome": as_json(calculate(values))} for values in cases]


def build() -> dict:
    """Every vector, as the JSON-able dict that is written to vectors.json."""
    from smm_calc.calculator import js_constants

    return {
        "about": ("Generated by tests/js/generate_vectors.py from smm_calc; do not edit by hand. "
                  "null as an upper end means open („mindestens …“)."),
        "constants": js_constants(),
        "ranges": ranges(),
        "products": products(),
        "validation": validation(),
        "shown": shown(),
        "naive": naive(),
        "saturating": saturating(),
        "extinction": extinction(),
        "expected_reach": expected(),
        "format": formats(),
        "calculator": calculator(),
    }


def dumps(vectors: dict) -> str:
    """Indented JSON; the calculator's cases one per line (they are long and many)."""
    cases = vectors.get("calculator")
    rest = {key: value for key, value in vectors.items() if key != "calculator"}
    text = json.dumps(rest, ensure_ascii=False, indent=1, allow_nan=False)
    if cases is None:
        return text + "\n"
    lines = ",\n".join("  " + json.dumps(case, ensure_ascii=False, separators=(",", ":"),
                                          allow_nan=False) for case in cases)
    return text.removesuffix("\n}") + ',\n "calculator": [\n' + lines + "\n ]\n}\n"


def main() -> int:
    OUT.write_text(dumps(build()), encoding="utf-8")
    print(f"{OUT.relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT} geschrieben")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[1]))
    sys.exit(main())
