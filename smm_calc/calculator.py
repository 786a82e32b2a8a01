"""The interactive reach calculator (Reichweitenrechner) in Python: the reference for its JavaScript.

`calculate(values)` takes the five texts of the calculator's form and returns exactly what
`calculate()` in docs/assets/js/reichweitenrechner.js returns: either {"errors": {field: German
message}} or {"errors": {}, "result": {...}} with the table rows (numbers and the cells as shown),
R, the extinction verdict, the summary and the caption. The JavaScript is a port of this module;
tests/js/vectors.json holds full results computed here, and node checks the port against them.

`js_constants()` is what the page hands the JavaScript (limits and the fields' keys, defaults and
messages) – generated from here, never copied: the build hook hooks/rechner.py writes it into the
page (data-smm-werte), tests/js/generate_vectors.py into the vectors for node.

Conventions of the result (as in JavaScript): keys in camelCase; an open upper end („mindestens
…“) is None; every number is finite; Ranges in `inputs` are Range objects (`as_json` turns them
into {"low", "high"}).
"""

from __future__ import annotations

import math

from . import validate
from .models import expected_reach, extinction_probability, naive_reach, saturating_reach
from .ranges import Range
from .reports.base import k_label
from .render.numbers import (NBSP, fmt_count_band, fmt_decimal, fmt_decimal_band, fmt_number,
                             fmt_percent, fmt_range)
from .validate import MAX_K, MAX_R, MAX_RESULT, MAX_STUFEN, MAX_ZIELGRUPPE, InputError

# The form's fields, in order: query key → key in smm_calc's messages, default text, message for
# an empty field.
FIELDS: dict[str, dict[str, str]] = {
    "k": {"key": "k", "default": "4–5", "empty": "Bitte k angeben, z. B. 4–5."},
    "faktor": {"key": "Der Faktor", "default": "1",
               "empty": "Bitte einen Faktor angeben, z. B. 1 oder ≥10."},
    "stufen": {"key": "Die Zahl der Stufen", "default": "5",
               "empty": f"Bitte die Zahl der Stufen angeben (0 bis {MAX_STUFEN})."},
    "zielgruppe": {"key": "Die Zielgruppe", "default": "100000",
                   "empty": "Bitte die Größe der Zielgruppe angeben."},
    "quote": {"key": "Die Weitererzählquote", "default": "1",
              "empty": "Bitte eine Weitererzählquote von 0 bis 1 angeben."},
}
SEEDS = 1  # the calculator always starts with one person
TINY_Q = 0.0005  # extinction probabilities below this are shown as „unter 0,1 %“
MODEL = "(Verzweigungsprozess mit Poisson-verteilter Weitergabe, eine Startperson)"


def js_constants() -> dict:
    """Everything the JavaScript takes from smm_calc instead of a copy (JSON-able)."""
    return {
        "limits": {"MAX_STUFEN": MAX_STUFEN, "MAX_ZIELGRUPPE": MAX_ZIELGRUPPE, "MAX_K": MAX_K,
                   "MAX_RESULT": MAX_RESULT, "MAX_R": MAX_R},
        "fields": {name: dict(spec) for name, spec in FIELDS.items()},
    }


# --- the validators the fields use (the same as the JavaScript's) ------------------------------

CHECKS = {
    "k": lambda text, key: Range.of(validate.k_value(text, key)),
    "faktor": lambda text, key: Range.of(validate.positive_range(text, key)),
    "stufen": lambda text, key: validate.stufen(text, key),
    "zielgruppe": lambda text, key: validate.zielgruppe(text, 1, key),
    "quote": lambda text, key: validate.retell(text, key),
}


# --- labels and the verdict --------------------------------------------------------------------

def _r_label(low: float, high: float | None) -> str:
    return f"R ≥ {fmt_decimal(low, 2)}" if high is None else f"R = {fmt_decimal_band(low, high, 2)}"


def _percent_band(q_low: float | None, q_high: float) -> str:
    """Extinction probability in words: „2,0 %“, „0,7–2,0 %“, „höchstens 2,0 %“, „unter 0,1 %“."""
    if q_high < TINY_Q:
        return f"unter 0,1{NBSP}%"
    if q_low is None or q_low < TINY_Q:
        return f"höchstens {fmt_percent(q_high)}"
    return fmt_range(fmt_percent(q_low), fmt_percent(q_high))


def _q(r: float) -> float:
    return extinction_probability(min(r, MAX_R))  # q(r) is exactly 0 long before MAX_R


def extinction_verdict(r_low: float, r_high: float | None, expected: str | None = None) -> dict:
    """The branching model's verdict for R = k·faktor·quote (r_high None when open upwards)."""
    if r_high is not None and r_high <= 1:
        text = ("Die Mundpropaganda stirbt von selbst aus: Bei R ≤ 1 bricht jede Kette des "
                f"Weitererzählens mit Sicherheit ab {MODEL}.")
        if expected:
            only = "" if expected.startswith("mindestens") else "nur "
            text += (f" In einer unbegrenzten Zielgruppe erreicht sie im Mittel insgesamt "
                     f"{only}{expected} Personen.")
        return {"diesOut": "sicher", "probabilityLow": 1, "probabilityHigh": 1, "text": text}
    q_high = _q(r_low)  # the largest extinction probability belongs to the smallest R
    q_low = None if r_high is None else _q(r_high)
    if r_low > 1:
        return {"diesOut": "moeglich", "probabilityLow": q_low, "probabilityHigh": q_high,
                "text": ("Die Mundpropaganda kann sich von selbst weiterverbreiten, weil R größer "
                         "als 1 ist. Trotzdem bricht sie mit einer Wahrscheinlichkeit von "
                         f"{_percent_band(q_low, q_high)} früh ab, wenn zufällig niemand "
                         f"weitererzählt {MODEL}.")}
    upper = ("bei größerem R immer seltener" if r_high is None else
             f"bei R = {fmt_decimal(r_high, 2)} nur noch mit einer Wahrscheinlichkeit von "
             f"{_percent_band(q_low, q_low)}")
    return {"diesOut": "unklar", "probabilityLow": q_low, "probabilityHigh": 1,
            "text": ("Ob die Mundpropaganda von selbst ausstirbt, hängt davon ab, wo R im Bereich "
                     f"liegt: Bei R ≤ 1 stirbt sie mit Sicherheit aus, {upper} {MODEL}.")}


# --- the calculator ----------------------------------------------------------------------------

def _validated(values: dict[str, str]) -> tuple[dict, dict[str, str]]:
    checked, errors = {}, {}
    for name, spec in FIELDS.items():
        text = values.get(name)
        text = "" if text is None else str(text)
        if not text.strip():
            errors[name] = spec["empty"]
            continue
        try:
            checked[name] = CHECKS[name](text, spec["key"])
        except InputError as error:
            errors[name] = str(error)
    if "k" in checked and "faktor" in checked:
        k_eff = checked["k"] * checked["faktor"]
        checked["kEff"] = k_eff
        if k_eff.low > MAX_K or (not k_eff.is_open and k_eff.high > MAX_K):
            errors["faktor"] = f"k × Faktor darf höchstens {fmt_number(MAX_K)} sein, nicht „{k_eff}“."
    return checked, errors


def calculate(values: dict[str, str]) -> dict:
    """Validate the five texts and compute everything the calculator shows.

    Returns {"errors": {field: message}} when any field is unusable, else {"errors": {}, "result":
    {...}} – the structure of the JavaScript's calculate() (see the module docstring).
    """
    checked, errors = _validated(values)
    if errors:
        return {"errors": errors}
    k_in, factor, k_eff = checked["k"], checked["faktor"], checked["kEff"]
    n, big_n, quota = checked["stufen"], checked["zielgruppe"], checked["quote"]
    try:
        naive = naive_reach(k_eff, n, SEEDS)
    except InputError as error:  # too large to compute
        return {"errors": {"k": str(error)}}
    sat = saturating_reach(k_eff, n, big_n, SEEDS, quota)

    def row(s: int) -> dict:
        cells = {"naivNeu": naive.new(s), "naiv": naive.cumulative(s),
                 "saettigung": sat.cumulative(s)}
        return {"stufe": s, **{name: list(band) for name, band in cells.items()},
                "text": {name: fmt_count_band(*band) for name, band in cells.items()}}

    rows = [row(s) for s in (range(1, n + 1) if n > 0 else [0])]

    k_text = (k_label(k_in) if factor == Range.point(1) else
              f"{k_label(k_in)}, {k_label(factor, 'Faktor')}, zusammen {k_label(k_eff)}")
    setting = (f"{k_text}, {fmt_number(SEEDS)} Startperson, Zielgruppe {fmt_number(big_n)}, "
               f"Weitererzählquote {fmt_percent(quota, 1, strip=True)}")

    # R = k · faktor · quote; with quote 0 nobody retells, whatever k is
    r_low = k_eff.low * quota
    r_high = 0.0 if quota == 0 else None if k_eff.is_open else k_eff.high * quota
    expected = None
    if r_high is not None and r_high < 1:
        low = expected_reach(k_eff.low, quota)
        high = None if k_eff.is_open else expected_reach(k_eff.high, quota)
        expected = fmt_count_band(low, high)

    last = rows[-1]
    summary = ("Mit 0 Stufen gibt es noch keine Reichweite." if n == 0 else
               f"Nach Stufe {n} erreicht die Nachricht ohne Sättigung {last['text']['naiv']} "
               f"Personen, mit Sättigung in einer Zielgruppe von {fmt_number(big_n)} Personen "
               f"{last['text']['saettigung']}.")
    result = {
        "inputs": {"k": k_in, "faktor": factor, "kEff": k_eff, "stufen": n, "zielgruppe": big_n,
                   "quote": quota},
        "caption": f"Reichweite nach Weitererzähl-Stufe ({setting}; Personen)",
        "summary": summary,
        "rows": rows,
        "r": {"low": r_low, "high": r_high, "label": _r_label(r_low, r_high)},
        "verdict": extinction_verdict(r_low, r_high, expected),
        "openNote": ("„mindestens“: k ist nur nach unten begrenzt, deshalb hat die Reichweite "
                     "keine obere Grenze.") if k_eff.is_open else None,
    }
    _assert_finite(result)
    return {"errors": {}, "result": result}


def _assert_finite(value, path: str = "result") -> None:
    """Defence in depth: no nan or ±inf may ever reach the page."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{path} is not finite: {value}")
    if isinstance(value, dict):
        for key, item in value.items():
            _assert_finite(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _assert_finite(item, f"{path}[{i}]")


def as_json(value):
    """The result with Ranges as {"low", "high"} (high None when open) – as JSON.stringify would
    give the JavaScript's result, except that an open end is null instead of Infinity."""
    if isinstance(value, Range):
        return {"low": value.low, "high": value.upper}
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_json(item) for item in value]
    return value
