"""Naive snowball and saturation: closed forms, limits and the properties from the issue."""

import math

import pytest
from hypothesis import assume, given, settings, strategies as st

from smm_calc import (Band, InputError, Range, expected_reach, final_size, naive_reach,
                      saturating_reach)

ks = st.floats(min_value=0.05, max_value=50, allow_nan=False)
n_stufen = st.integers(0, 12)
seeds_ = st.integers(1, 5)
quotas = st.one_of(st.just(0.0), st.floats(min_value=1e-6, max_value=1))
groups = st.integers(1, 10**9)


def geometric_sum(k, n):
    """k + k² + … + kⁿ in closed form, k·(kⁿ − 1)/(k − 1) (expm1 keeps it exact near k = 1)."""
    return n if k == 1 else k * math.expm1(n * math.log(k)) / (k - 1)


# --- naive snowball -------------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(ks, st.integers(0, 30), seeds_)
def test_naive_matches_closed_form(k, n, seeds):
    r = naive_reach(k, n, seeds)
    assert r.new[0] == 0 and r.cumulative[0] == 0
    assert len(r.new) == len(r.cumulative) == n + 1
    for s in range(1, n + 1):
        assert r.new[s] == pytest.approx(seeds * k**s, rel=1e-12)
        assert r.cumulative[s] == pytest.approx(seeds * geometric_sum(k, s), rel=1e-12)


def test_the_seed_numbers():
    """4–5 and 8–12 people over three Stufen, and 4–5 × ≥10 over two (hand arithmetic)."""
    b = naive_reach(Range.parse("4-5"), 3)
    assert isinstance(b, Band)
    assert (b.low.cumulative[3], b.high.cumulative[3]) == (4 + 16 + 64, 5 + 25 + 125)
    b = naive_reach(Range.parse("8 bis 12"), 3)
    assert (b.low.cumulative[3], b.high.cumulative[3]) == (8 + 64 + 512, 12 + 144 + 1728)
    b = naive_reach(Range(4, 5) * Range.at_least(10), 2)
    assert b.low.cumulative[2] == 40 + 1600 and b.high is None
    assert b.cumulative(2) == (1640, None)


def test_number_gives_reach_range_gives_band():
    assert not isinstance(naive_reach(4, 2), Band)
    assert isinstance(naive_reach(Range.point(4), 2), Band)
    assert isinstance(saturating_reach(Range.parse("4,5"), 2, 1000), Band)


def test_models_take_numbers_not_text():
    """Text is parsed at the edge (Range.parse, the parameter table); a model names the key."""
    for call, key in ((lambda: naive_reach("4-5", 3), "k"),
                      (lambda: saturating_reach(4, "3", 1000), "stufen")):
        with pytest.raises(InputError) as info:
            call()
        assert info.value.key == key and "Range.parse" in str(info.value)


def test_overflow_is_a_german_input_error():
    with pytest.raises(InputError) as info:
        naive_reach(1e7, 50)
    assert info.value.key == "k" and "zu groß" in str(info.value)
    with pytest.raises(InputError) as info:
        naive_reach(1e6, 1000)
    assert info.value.key == "stufen"


@pytest.mark.parametrize(("kwargs", "key"), [
    (dict(k=-3, stufen=3), "k"), (dict(k=float("nan"), stufen=3), "k"),
    (dict(k="abc", stufen=3), "k"), (dict(k=4, stufen=-1), "stufen"),
    (dict(k=4, stufen=3, seeds=0), "startpersonen"),
])
def test_naive_validates(kwargs, key):
    with pytest.raises(InputError) as info:
        naive_reach(**kwargs)
    assert info.value.key == key


@pytest.mark.parametrize(("kwargs", "key"), [
    (dict(zielgruppe=0), "zielgruppe"), (dict(zielgruppe=3, seeds=5), "zielgruppe"),
    (dict(retell=1.5), "weitererzaehlquote"), (dict(retell=-0.1), "weitererzaehlquote"),
    (dict(zielgruppe=10**11), "zielgruppe"),
])
def test_saturating_validates(kwargs, key):
    args = dict(k=4, stufen=3, zielgruppe=1000) | kwargs
    with pytest.raises(InputError) as info:
        saturating_reach(**args)
    assert info.value.key == key


# --- saturation -----------------------------------------------------------------------------------

def recursion(k, n, big_n, seeds=1, retell=1.0):
    """The issue's definition, written out directly: U_{s+1} = U_s·(1 − 1/N)^(k·T_s)."""
    u = [big_n - seeds]
    t = [seeds]
    for s in range(n):
        u.append(u[-1] * (1 - 1 / big_n) ** (k * t[-1]))
        t.append(retell * (u[-2] - u[-1]))
    return [0.0] + [u[s - 1] - u[s] for s in range(1, n + 1)]


@settings(max_examples=80, deadline=None)
@given(st.floats(0.1, 20), st.integers(0, 15), st.integers(2, 10**6), seeds_, quotas)
def test_saturation_follows_its_definition(k, n, big_n, seeds, retell):
    assume(big_n >= seeds)
    r = saturating_reach(k, n, big_n, seeds, retell)
    expected = recursion(k, n, big_n, seeds, retell)
    for s in range(n + 1):
        assert r.new[s] == pytest.approx(expected[s], rel=1e-9, abs=1e-6)
    assert r.cumulative[n] == pytest.approx(sum(expected), rel=1e-9, abs=1e-6)


@settings(max_examples=80, deadline=None)
@given(st.floats(0.1, 10), st.integers(1, 12), seeds_, quotas)
def test_huge_group_approaches_the_snowball(k, n, seeds, retell):
    """N → ∞: new[s] → seeds·k·(k·retell)^(s−1). Per Stufe the relative shortfall is at most
    (informed so far + seeds)/N (fewer uninformed) + k·T/(2N) (overlap, 1 − e^−x ≥ x − x²/2),
    so over n Stufen at most n·(1 + k)·(total + seeds)/N."""
    big_n = 10**10
    unlimited = [0.0] + [seeds * k * (k * retell) ** (s - 1) for s in range(1, n + 1)]
    total = sum(unlimited)
    assume(total < 1e6)
    r = saturating_reach(k, n, big_n, seeds, retell)
    bound = n * (1 + k) * (total + seeds) / big_n
    for s in range(1, n + 1):
        assert r.new[s] <= unlimited[s] * (1 + 1e-12)
        assert r.new[s] >= unlimited[s] * (1 - bound) - 1e-9


@pytest.mark.parametrize("k", [2.0, 2.5, 3.0, 4.0, 5.0, 8.0])
def test_final_share_is_the_sir_final_size(k):
    """With retell = 1 the cumulative exponent telescopes: U_∞ = U₀·(1 − 1/N)^(k·(seeds + U₀ − U_∞)).
    For N → ∞ with u = U_∞/N this is u = e^(−k(1−u)), i.e. z = 1 − u solves z = 1 − e^(−k·z):
    the SIR final size with R0 = k."""
    big_n = 10**7
    r = saturating_reach(k, 50, big_n)
    assert r.new[-1] < 1e-3  # converged
    assert r.total / big_n == pytest.approx(final_size(k), abs=1e-5)


@settings(max_examples=40, deadline=None)
@given(st.floats(0.2, 10), st.integers(2, 10**6), seeds_, st.floats(0.05, 1))
def test_limit_solves_the_telescoped_equation(k, big_n, seeds, retell):
    """Summing T_s = retell·(U_{s−1} − U_s) gives Σ T = seeds + retell·(U₀ − U_n) for any retell."""
    assume(big_n > seeds)
    r = saturating_reach(k, 50, big_n, seeds, retell)
    assume(r.new[-1] < 1e-9 * big_n)
    u0 = big_n - seeds
    u_end = u0 - r.total
    spreaders_total = seeds + retell * (u0 - u_end)
    assert u_end == pytest.approx(u0 * (1 - 1 / big_n) ** (k * spreaders_total),
                                  rel=1e-6, abs=1e-6 * big_n)


def test_expected_reach_is_the_limit():
    for k, retell in [(2, 0.3), (4, 0.2), (0.5, 1.0), (10, 0.05)]:
        r = saturating_reach(k, 50, 10**10, 1, retell)
        series = sum(k * (k * retell) ** j for j in range(200))
        assert expected_reach(k, retell) == pytest.approx(series, rel=1e-12)
        assert r.total == pytest.approx(series, rel=(k * retell) ** 50 + 1e-6)  # tail after 50
    with pytest.raises(InputError):
        expected_reach(4, 0.5)


# --- properties from the issue ---------------------------------------------------------------------

@settings(max_examples=100, deadline=None)
@given(ks, ks, n_stufen, groups, seeds_, quotas)
def test_monotone_in_k(k1, k2, n, big_n, seeds, retell):
    assume(big_n >= seeds)
    lo, hi = sorted((k1, k2))
    a = saturating_reach(lo, n, big_n, seeds, retell)
    b = saturating_reach(hi, n, big_n, seeds, retell)
    c, d = naive_reach(lo, n, seeds), naive_reach(hi, n, seeds)
    for s in range(n + 1):
        assert a.cumulative[s] <= b.cumulative[s] * (1 + 1e-12) + 1e-9
        assert c.cumulative[s] <= d.cumulative[s]


@settings(max_examples=100, deadline=None)
@given(ks, n_stufen, groups, seeds_, quotas)
def test_saturating_at_most_naive_and_at_most_the_group(k, n, big_n, seeds, retell):
    assume(big_n >= seeds)
    sat = saturating_reach(k, n, big_n, seeds, retell)
    naive = naive_reach(k, n, seeds)
    for s in range(n + 1):
        assert 0 <= sat.new[s]
        assert sat.cumulative[s] <= naive.cumulative[s] * (1 + 1e-12) + 1e-9
        assert sat.cumulative[s] <= (big_n - seeds) * (1 + 1e-12)
    assert math.isclose(sum(sat.new), sat.total, rel_tol=1e-12, abs_tol=1e-9)


@settings(max_examples=100, deadline=None)
@given(ks, ks, n_stufen, groups, st.booleans())
def test_band_low_at_most_high(a, b, n, big_n, open_end):
    k = Range.at_least(min(a, b)) if open_end else Range(min(a, b), max(a, b))
    for band in (naive_reach(k, n), saturating_reach(k, n, big_n)):
        if open_end:
            assert band.high is None
            continue
        for s in range(n + 1):
            assert band.low.cumulative[s] <= band.high.cumulative[s] * (1 + 1e-12) + 1e-9


def test_target_group_of_seeds_only():
    r = saturating_reach(4, 3, 1)
    assert r.cumulative == (0.0, 0.0, 0.0, 0.0)
    r = saturating_reach(4, 3, 2)
    assert r.total <= 1.0
