"""Rumour models, Bass diffusion and the K-factor against their defining equations."""

import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from smm_calc import (InputError, bass_adoption, bass_peak, bass_rate, rumor_never_heard,
                      rumor_trajectory, viral_coefficient)


def root_by_newton(f, df, x):
    for _ in range(100):
        x -= f(x) / df(x)
    return x


def test_never_heard_solves_x_e_2_1_minus_x():
    """Daley–Kendall / Maki–Thompson limit: the root of x·e^(2(1−x)) = 1 in (0, 1) (x ≠ 1)."""
    f = lambda x: math.log(x) + 2 * (1 - x)  # log of x·e^(2(1−x)), zero at the root
    df = lambda x: 1 / x - 2
    x = root_by_newton(f, df, 0.1)
    assert 0 < x < 0.5 and abs(f(x)) < 1e-14
    assert rumor_never_heard() == pytest.approx(x, rel=1e-12)


def test_never_heard_for_finite_groups_tends_to_the_limit():
    values = [rumor_never_heard(n) for n in (10, 100, 10**4, 10**8)]
    limit = rumor_never_heard()
    gaps = [abs(v - limit) for v in values]
    assert gaps == sorted(gaps, reverse=True)
    assert gaps[-1] < 1e-6


@pytest.mark.parametrize("model", ["daley-kendall", "maki-thompson"])
@pytest.mark.parametrize("n", [100, 10**4, 10**8])
def test_trajectory_keeps_the_invariant(model, n):
    """dy/dx = −(2x − 1)/x ⇒ y + 2x − ln x is constant along the mean-field trajectory."""
    tr = rumor_trajectory(model, n)
    c0 = tr.spreader[0] + 2 * tr.ignorant[0] - math.log(tr.ignorant[0])
    for x, y, z in zip(tr.ignorant, tr.spreader, tr.stifler):
        assert x + y + z == pytest.approx(1, abs=1e-9)
        assert min(x, y, z) >= 0
        assert y + 2 * x - math.log(x) == pytest.approx(c0, abs=1e-7)
    assert list(tr.ignorant) == sorted(tr.ignorant, reverse=True)
    # stops once spreaders < 0,1 %; along the invariant, dx = dy/(1/x − 2) ≤ y/3 near x ≈ 0,2
    assert tr.spreader[-1] < 1e-3
    assert tr.ignorant[-1] - tr.never_heard < 1e-3 / 3 + 1e-9
    assert tr.never_heard == pytest.approx(rumor_never_heard(n))


def test_both_models_agree_in_the_mean_field():
    a = rumor_trajectory("daley-kendall", 5000)
    b = rumor_trajectory("maki-thompson", 5000)
    assert a.t == b.t
    assert np.allclose(a.spreader, b.spreader, atol=1e-12)


def test_rumor_errors():
    with pytest.raises(InputError) as info:
        rumor_trajectory("sir")
    assert info.value.key == "modell"
    with pytest.raises(InputError) as info:
        rumor_trajectory("daley-kendall", 1)
    assert info.value.key == "zielgruppe"


pq = st.tuples(st.floats(0.001, 0.5), st.floats(0, 2))


@settings(max_examples=100, deadline=None)
@given(pq)
def test_bass_satisfies_its_differential_equation(params):
    """Bass (1969): f = dF/dt = (p + q·F)·(1 − F), F(0) = 0."""
    p, q = params
    t = np.linspace(0, 60, 241)
    big_f, f = bass_adoption(t, p, q), bass_rate(t, p, q)
    assert big_f[0] == 0
    assert np.allclose(f, (p + q * big_f) * (1 - big_f), rtol=1e-9, atol=1e-13)
    assert np.all(np.diff(big_f) >= -1e-15) and np.all(big_f <= 1)


@settings(max_examples=100, deadline=None)
@given(pq)
def test_bass_peak(params):
    """The peak of f found numerically (golden-section search) and F there = (q − p)/(2q)."""
    p, q = params
    t_star, f_star = bass_peak(p, q)
    if q <= p:
        assert (t_star, f_star) == (0.0, 0.0)
        assert bass_rate(0.0, p, q) >= bass_rate(1.0, p, q)
        return
    lo, hi = 0.0, 20.0 / (p + q) + 50
    g = (math.sqrt(5) - 1) / 2
    for _ in range(200):
        a, b = hi - g * (hi - lo), lo + g * (hi - lo)
        if bass_rate(a, p, q) > bass_rate(b, p, q):
            hi = b
        else:
            lo = a
    assert t_star == pytest.approx((lo + hi) / 2, abs=1e-5 * max(1, t_star))
    assert f_star == pytest.approx((q - p) / (2 * q), rel=1e-9)


def test_bass_scalar_and_errors():
    assert isinstance(bass_adoption(3, 0.03, 0.38), float)
    with pytest.raises(InputError):
        bass_adoption(-1, 0.03, 0.38)
    with pytest.raises(InputError) as info:
        bass_peak(0, 0.38)
    assert info.value.key == "p"


def test_viral_coefficient():
    assert viral_coefficient(5, 0.1) == pytest.approx(0.5)
    with pytest.raises(InputError) as info:
        viral_coefficient(5, 1.2)
    assert info.value.key == "konversion"
