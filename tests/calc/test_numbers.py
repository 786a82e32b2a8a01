"""German number formatting (the one place numbers become text)."""

import pytest
from hypothesis import given, settings, strategies as st

from smm_calc import validate
from smm_calc.render import numbers as nf

NB = "\u00a0"


@pytest.mark.parametrize(("x", "text"), [
    (0, "0"), (4, "4"), (4.5, "4,5"), (20.25, "20,3"), (155, "155"), (1884, "1.884"),
    (1640, "1.640"), (999_999.4, "999.999"), (1_000_000, f"1{NB}Mio."),
    (1_234_567, f"1,23{NB}Mio."), (105_000_000, f"105{NB}Mio."), (999_999_999, f"1{NB}Mrd."),
    (3.32e9, f"3,32{NB}Mrd."), (1.25e18, f"1,3{NB}·{NB}10¹⁸"),
])
def test_count(x, text):
    assert nf.fmt_count(x) == text


def test_ranges_and_shares():
    assert nf.fmt_count_band(84, 155) == "84–155"
    assert nf.fmt_count_band(584, 1884) == "584–1.884"
    assert nf.fmt_count_band(1640, None) == "mindestens 1.640"
    assert nf.fmt_count_band(5, 5) == "5"
    assert nf.fmt_count_band(1.2e6, 3.4e6) == f"1,2–3,4{NB}Mio."
    assert nf.fmt_count_band(840_000, 1.2e6) == f"840.000{NB}– 1,2{NB}Mio."
    assert nf.fmt_percent(0.2032) == f"20,3{NB}%"
    assert nf.fmt_decimal(0.03) == "0,03"
    assert nf.fmt_number(-0.0001, 2) == "0,00"
    assert nf.fmt_raw(0.5) == "0,5" and nf.fmt_raw(1884.0) == "1884"


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.integers(0, 4))
def test_number_round_trips_through_the_parser(x, decimals):
    text = nf.fmt_number(x, decimals)
    back = validate.to_float(text if "," in text else text.replace(".", ""), "x")
    assert abs(back - x) <= 0.5 * 10.0 ** -decimals * (1 + 1e-9) + abs(x) * 1e-15


def test_non_finite_is_refused():
    with pytest.raises(ValueError):
        nf.fmt_count(float("inf"))
    with pytest.raises(ValueError):
        nf.fmt_number(float("nan"))
