"""Monte Carlo: reproducible, and where theory pins the answer down, close to it.

Tolerances come from the theory's own standard deviations (5 σ of the mean over the runs)."""

import math

import pytest
from hypothesis import given, settings, strategies as st

from smm_calc import InputError, final_size, saturating_reach, simulate_reach


def test_reproducible_for_a_seed():
    a = simulate_reach(4, 6, 10**5, 2000, seed=7, retell=0.5)
    b = simulate_reach(4, 6, 10**5, 2000, seed=7, retell=0.5)
    c = simulate_reach(4, 6, 10**5, 2000, seed=8, retell=0.5)
    assert a == b
    assert a.mean != c.mean


def test_first_stufe_is_binomial():
    """Stufe 1: new ~ Binomial(N − seeds, 1 − (1 − 1/N)^(k·seeds)) exactly."""
    k, big_n, seeds, runs = 3.5, 50, 2, 20000
    r = simulate_reach(k, 1, big_n, runs, seed=1, seeds=seeds)
    p = 1 - (1 - 1 / big_n) ** (k * seeds)
    mu, sd = (big_n - seeds) * p, math.sqrt((big_n - seeds) * p * (1 - p))
    assert abs(r.mean[1] - mu) <= 5 * sd / math.sqrt(runs)
    assert r.std[1] == pytest.approx(sd, rel=0.05)


@settings(max_examples=15, deadline=None)
@given(st.floats(0.5, 4), st.floats(0.1, 1), st.integers(1, 3), st.integers(0, 2**32))
def test_mean_follows_the_deterministic_model_while_reach_is_small(k, retell, seeds, seed):
    """Large N: spreaders form a Galton–Watson process T_s | T_{s−1} ~ Poisson(m·T_{s−1}),
    m = k·retell (binomial thinning of a Poisson count). Hence
    E[new_s] = k·seeds·m^(s−1) and Var(new_s) = k·E[T_{s−1}] + k²·Var(T_{s−1}) with
    Var(T_n) = seeds·mⁿ(mⁿ − 1)/(m − 1) (n·seeds for m = 1)."""
    big_n, runs, n = 10**9, 4000, 5
    sim = simulate_reach(k, n, big_n, runs, seed=seed, seeds=seeds, retell=retell)
    det = saturating_reach(k, n, big_n, seeds, retell)
    m = k * retell
    for s in range(1, n + 1):
        e_t = seeds * m ** (s - 1)
        var_t = seeds * (s - 1) if m == 1 else seeds * m ** (s - 1) * (m ** (s - 1) - 1) / (m - 1)
        sd_new = math.sqrt(k * e_t + k * k * var_t)
        assert abs(sim.new_mean[s] - det.new[s]) <= 5 * sd_new / math.sqrt(runs) + 1e-6 * det.new[s]


def test_died_out_is_the_branching_probability():
    """P(no spreader after n Stufen) = (Gⁿ(0))^seeds, G(s) = e^(m(s−1)) the Poisson pgf."""
    k, retell, seeds, n, runs = 3.0, 0.5, 2, 8, 20000
    sim = simulate_reach(k, n, 10**9, runs, seed=3, seeds=seeds, retell=retell)
    q = 0.0
    for _ in range(n):
        q = math.exp(k * retell * (q - 1))
    p = q**seeds
    assert abs(sim.died_out - p) <= 5 * math.sqrt(p * (1 - p) / runs)


def test_final_size_of_large_outbreaks():
    """Chains that take off end near N·z (z the SIR final size, fluctuations O(√N)); with
    P(take-off) = 1 − q ≈ 94 % for k = 3 the 10–90 % band lies among them and brackets N·z."""
    big_n, k = 10**5, 3.0
    sim = simulate_reach(k, 40, big_n, 2000, seed=11)
    target = big_n * final_size(k)
    assert sim.q10[-1] < target < sim.q90[-1]
    assert abs(sim.q50[-1] - target) < sim.q90[-1] - sim.q10[-1]


@settings(max_examples=25, deadline=None)
@given(st.floats(0.2, 30), st.integers(0, 8), st.integers(1, 10**10), st.integers(1, 4),
       st.floats(0, 1), st.integers(0, 2**32))
def test_simulation_invariants(k, n, big_n, seeds, retell, seed):
    if big_n < seeds:
        big_n = seeds
    sim = simulate_reach(k, n, big_n, 300, seed=seed, seeds=seeds, retell=retell)
    assert len(sim.mean) == n + 1 and sim.mean[0] == 0
    for s in range(n + 1):
        assert 0 <= sim.q10[s] <= sim.q50[s] <= sim.q90[s] <= big_n - seeds
        assert 0 <= sim.mean[s] <= big_n - seeds
        if s:
            assert sim.mean[s] >= sim.mean[s - 1]
    assert 0 <= sim.died_out <= 1


@pytest.mark.parametrize(("kwargs", "key"), [
    (dict(k="4-5"), "k"), (dict(k=-1), "k"), (dict(runs=0), "laeufe"),
    (dict(zielgruppe=0), "zielgruppe"), (dict(seed=-1), "seed"), (dict(stufen=51), "stufen"),
])
def test_errors(kwargs, key):
    args = dict(k=4, stufen=3, zielgruppe=1000, runs=10) | kwargs
    with pytest.raises(InputError) as info:
        simulate_reach(**args)
    assert info.value.key == key
