"""Range: parsing the notations people write, German decimals, open ends and products."""

import math

import pytest
from hypothesis import given, settings, strategies as st

from smm_calc import InputError, Range, SCENARIOS


@pytest.mark.parametrize(("text", "low", "high"), [
    ("4-5", 4, 5),
    ("4–5", 4, 5),
    ("4 – 5", 4, 5),
    ("8 bis 12", 8, 12),
    ("4,5", 4.5, 4.5),
    ("4.5", 4.5, 4.5),
    ("7", 7, 7),
    ("≥10", 10, math.inf),
    ("≥ 10", 10, math.inf),
    (">=10", 10, math.inf),
    ("10+", 10, math.inf),
    ("mindestens 10", 10, math.inf),
    ("Mindestens 2,5", 2.5, math.inf),
    ("ab 3", 3, math.inf),
    ("1,5-2,5", 1.5, 2.5),
    ("1e-3", 0.001, 0.001),
])
def test_parse(text, low, high):
    r = Range.parse(text)
    assert (r.low, r.high) == (low, high)
    assert r.is_open == math.isinf(high)
    assert r.upper == (None if math.isinf(high) else high)


@pytest.mark.parametrize("text", ["", "abc", "nan", "inf", "4-", "-", "≥", "4-5-6", "4,5,6",
                                  "5-4", "4 bis", "zehn", "1..2"])
def test_parse_rejects(text):
    with pytest.raises(InputError) as info:
        Range.parse(text, key="k")
    assert info.value.key == "k"
    assert isinstance(info.value, ValueError)


def test_lower_greater_than_upper_names_it():
    with pytest.raises(InputError, match="untere Grenze"):
        Range.parse("12-8")
    with pytest.raises(InputError):
        Range(5, 4)
    with pytest.raises(InputError):
        Range(float("nan"), 1)


def test_product_with_open_factor():
    assert Range(4, 5) * Range.at_least(10) == Range(40, math.inf)
    assert Range(8, 12) * Range.at_least(10) == Range(80, math.inf)
    assert Range(4, 5) * 2 == Range(8, 10)
    assert 2 * Range(4, 5) == Range(8, 10)
    assert Range.point(0) * Range.at_least(10) == Range(0, 0)


def test_german_text():
    assert str(Range(4, 5)) == "4–5"
    assert str(Range.point(4.5)) == "4,5"
    assert str(Range.at_least(40)) == "mindestens 40"


def test_scenarios_are_offline_times_factor():
    ks = {s.id: (s.k.low, s.k.high) for s in SCENARIOS}
    assert ks == {"positiv-offline": (4, 5), "negativ-offline": (8, 12),
                  "positiv-social-media": (40, math.inf), "negativ-social-media": (80, math.inf)}
    assert [s.label for s in SCENARIOS] == [
        "Positive Nachricht, ohne Social Media", "Negative Nachricht, ohne Social Media",
        "Positive Nachricht, mit Social Media", "Negative Nachricht, mit Social Media"]


decimals = st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False).map(float)


@settings(max_examples=60, deadline=None)
@given(decimals, decimals, st.sampled_from(["-", "–", " bis "]), st.booleans())
def test_parse_round_trip(a, b, sep, comma):
    low, high = min(a, b), max(a, b)

    def show(x):
        text = repr(x)
        return text.replace(".", ",") if comma else text

    r = Range.parse(f"{show(low)}{sep}{show(high)}")
    assert (r.low, r.high) == (low, high)
