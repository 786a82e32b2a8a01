"""Galton–Watson extinction and the SIR final size: fixed-point equations as oracles."""

import math

import pytest
from hypothesis import given, settings, strategies as st

from smm_calc import InputError, expected_total, extinction_probability, final_size

supercritical = st.floats(min_value=1.01, max_value=30)


def poisson_pgf(r):
    return lambda s: math.exp(r * (s - 1))


@settings(max_examples=100, deadline=None)
@given(supercritical)
def test_poisson_q_is_the_smallest_root(r):
    q = extinction_probability(r)
    g = poisson_pgf(r)
    assert 0 <= q < 1
    assert q == pytest.approx(g(q), abs=1e-12)
    # smallest root: G(s) − s > 0 on [0, q) (G convex, G(0) > 0)
    for i in range(50):
        s = q * i / 50
        assert g(s) - s > -1e-15


def test_poisson_r2_via_its_equation():
    """For r = 2 the equation q = e^(2(q−1)) reads q·e^(2(1−q)) = 1; its root below 1 is ≈ 0,2032."""
    q = extinction_probability(2)
    assert q * math.exp(2 * (1 - q)) == pytest.approx(1, abs=1e-12)
    assert 0.2 < q < 0.21


@settings(max_examples=100, deadline=None)
@given(supercritical)
def test_geometric_is_one_over_r(r):
    """G(s) = 1/(1 + r(1−s)) = s ⇔ r·s² − (1+r)·s + 1 = 0 ⇔ s ∈ {1, 1/r}."""
    assert extinction_probability(r, "geometric") == pytest.approx(1 / r, rel=1e-12)
    assert extinction_probability(r, "geometrisch") == pytest.approx(1 / r, rel=1e-12)


@settings(max_examples=60, deadline=None)
@given(supercritical)
def test_negbin_limits(r):
    """Dispersion 1 is the geometric case; dispersion → ∞ approaches Poisson."""
    assert extinction_probability(r, "negbin", 1) == pytest.approx(1 / r, rel=1e-10)
    assert extinction_probability(r, "negbin", 1e6) == pytest.approx(
        extinction_probability(r), abs=1e-4)


@settings(max_examples=100, deadline=None)
@given(supercritical, st.floats(0.01, 100))
def test_negbin_solves_its_equation_and_overdispersion_raises_q(r, d):
    """G(s) = (1 + r(1−s)/d)^(−d). A negative binomial is a Poisson mixture, so by Jensen its
    pgf lies above the Poisson pgf with the same mean – and so does its extinction probability."""
    q = extinction_probability(r, "negbin", d)
    assert q == pytest.approx((1 + r * (1 - q) / d) ** (-d), abs=1e-11)
    assert q >= extinction_probability(r) - 1e-12


@pytest.mark.parametrize("kind", ["poisson", "geometric", "negbin"])
@pytest.mark.parametrize("r", [0, 0.3, 0.99, 1.0])
def test_subcritical_dies_out(kind, r):
    assert extinction_probability(r, kind, 0.5) == 1.0


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 20), st.floats(0, 20), st.sampled_from(["poisson", "geometric", "negbin"]))
def test_q_falls_with_r(a, b, kind):
    lo, hi = sorted((a, b))
    assert extinction_probability(hi, kind, 0.2) <= extinction_probability(lo, kind, 0.2) + 1e-12


def test_errors():
    with pytest.raises(InputError) as info:
        extinction_probability(2, "negbin")
    assert info.value.key == "dispersion"
    with pytest.raises(InputError) as info:
        extinction_probability(-1)
    assert info.value.key == "r"
    with pytest.raises(InputError) as info:
        extinction_probability(2, "normal")
    assert info.value.key == "verteilung"


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 0.95), st.integers(1, 100))
def test_expected_total_is_the_geometric_series(r, seeds):
    """Generation g has seeds·r^g members on average; the total includes the originators (g = 0)."""
    series = 0.0
    term = float(seeds)
    while term > 1e-18 * seeds:
        series += term
        term *= r
    assert expected_total(r, seeds) == pytest.approx(series, rel=1e-12)


def test_expected_total_needs_r_below_one():
    with pytest.raises(InputError):
        expected_total(1)


@settings(max_examples=100, deadline=None)
@given(st.floats(1.001, 50))
def test_final_size_solves_its_equation(r0):
    z = final_size(r0)
    assert 0 < z <= 1  # 1 − z can be below the float resolution near 1 (R0 ≳ 37)
    assert z == pytest.approx(1 - math.exp(-r0 * z), abs=1e-12)
    # the positive root: 1 − z solves the Poisson extinction equation q = e^(R0(q−1))
    assert 1 - z == pytest.approx(extinction_probability(r0), abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 50), st.floats(0, 50))
def test_final_size_grows_with_r0(a, b):
    lo, hi = sorted((a, b))
    assert final_size(lo) <= final_size(hi) + 1e-12


@pytest.mark.parametrize("r0", [0, 0.5, 1])
def test_no_outbreak_at_or_below_one(r0):
    assert final_size(r0) == 0
