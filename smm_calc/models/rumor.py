"""Rumour models: Daley–Kendall (1964/65) and Maki–Thompson (1973), deterministic mean-field.

Shares of the target group N: x ignorants (never heard), y spreaders, z stiflers (know it but no
longer tell). Time unit: one contact per spreader. Transitions (rate, Δx, Δy):

- Daley–Kendall, pairs meet:  I+S → 2S (x·y);  S+S → 2R (y²/2, both stop);  S+R → 2R (y·z)
- Maki–Thompson, spreaders call: S→I: I becomes S (x·y);  S→S and S→R: the caller stops (y², y·z)

Both give dy/dt = y·(2x − 1), dx/dt = −x·y, so in the mean-field limit they coincide; they differ
only in their stochastic behaviour for small N. Dividing gives y = C − 2x + ln x, so the share
that never hears the rumour solves 2x − ln x = C; for N → ∞ (C = 2) that is x·e^(2(1−x)) = 1,
x ≈ 0,203 (Sudbury 1985).
"""

import math
from dataclasses import dataclass

from .. import validate
from ..solvers import bisect

# (rate(x, y, z), Δx, Δy) per model
_TRANSITIONS = {
    "daley-kendall": (
        (lambda x, y, z: x * y, -1.0, 1.0),
        (lambda x, y, z: y * y / 2.0, 0.0, -2.0),
        (lambda x, y, z: y * z, 0.0, -1.0),
    ),
    "maki-thompson": (
        (lambda x, y, z: x * y, -1.0, 1.0),
        (lambda x, y, z: y * y, 0.0, -1.0),
        (lambda x, y, z: y * z, 0.0, -1.0),
    ),
}

MODEL_LABELS = {"daley-kendall": "Daley–Kendall", "maki-thompson": "Maki–Thompson"}


@dataclass(frozen=True)
class RumorTrajectory:
    """Shares over time; `never_heard` is the exact limit for this N (not read off the curve)."""

    model: str
    zielgruppe: int
    t: tuple[float, ...]
    ignorant: tuple[float, ...]
    spreader: tuple[float, ...]
    stifler: tuple[float, ...]
    never_heard: float


def rumor_never_heard(zielgruppe: int | None = None) -> float:
    """Share that never hears the rumour: root of x·e^(2(1−x)) = 1 (N → ∞) or, for one first
    spreader among N, of 2x − ln x = C with C = y₀ + 2x₀ − ln x₀, x₀ = 1 − 1/N, y₀ = 1/N."""
    if zielgruppe is None:
        c = 2.0
    else:
        validate.numbers_only(zielgruppe=zielgruppe)
        n = validate.rumor_zielgruppe(zielgruppe)
        x0, y0 = 1.0 - 1.0 / n, 1.0 / n
        c = y0 + 2.0 * x0 - math.log(x0)
    return bisect(lambda x: 2.0 * x - math.log(x) - c, math.exp(-c), 0.5)


def _drift(model: str):
    transitions = _TRANSITIONS[model]

    def f(x: float, y: float) -> tuple[float, float]:
        z = 1.0 - x - y
        dx = dy = 0.0
        for rate, step_x, step_y in transitions:
            r = rate(x, y, z)
            dx += r * step_x
            dy += r * step_y
        return dx, dy

    return f


def rumor_trajectory(modell: str = "daley-kendall", zielgruppe: int = 10000,
                     t_max: float | None = None, points: int = 201) -> RumorTrajectory:
    """Mean-field trajectory from one spreader among N (RK4, step 0,01).

    Without `t_max` it runs until the spreaders have fallen below 0,1 % after their peak
    (rounded up to a whole time unit).
    """
    validate.numbers_only(zielgruppe=zielgruppe, t_max=t_max, punkte=points)
    model = validate.rumor_model(modell)
    n = validate.rumor_zielgruppe(zielgruppe)
    t_max = validate.t_max(t_max)
    points = validate.points(points)
    f = _drift(model)
    dt = 0.01
    x, y = 1.0 - 1.0 / n, 1.0 / n
    xs, ys = [x], [y]
    peaked = False
    step_limit = round((t_max if t_max is not None else 1000.0) / dt)
    for _ in range(step_limit):
        k1 = f(x, y)
        k2 = f(x + dt / 2 * k1[0], y + dt / 2 * k1[1])
        k3 = f(x + dt / 2 * k2[0], y + dt / 2 * k2[1])
        k4 = f(x + dt * k3[0], y + dt * k3[1])
        x_new = x + dt / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0])
        y_new = y + dt / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1])
        peaked = peaked or y_new < y
        x, y = x_new, max(y_new, 0.0)
        xs.append(x)
        ys.append(y)
        if t_max is None and peaked and y < 1e-3 and len(xs) % round(1 / dt) == 1:
            break
    total_steps = len(xs) - 1
    ts, ignorant, spreader, stifler = [], [], [], []
    for i in range(points):
        j = round(i * total_steps / (points - 1))
        ts.append(j * dt)
        ignorant.append(xs[j])
        spreader.append(ys[j])
        stifler.append(max(1.0 - xs[j] - ys[j], 0.0))
    return RumorTrajectory(model, n, tuple(ts), tuple(ignorant), tuple(spreader), tuple(stifler),
                           rumor_never_heard(n))
