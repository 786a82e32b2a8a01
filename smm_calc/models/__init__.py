"""The deterministic models; every function validates its inputs (InputError, German message)."""

from .bass import bass_adoption, bass_peak, bass_rate
from .branching import expected_total, extinction_probability, offspring_pgf
from .epidemic import final_size
from .rumor import RumorTrajectory, rumor_never_heard, rumor_trajectory
from .snowball import Band, Reach, expected_reach, naive_reach, saturating_reach
from .viral import viral_coefficient

__all__ = [
    "Band", "Reach", "RumorTrajectory", "bass_adoption", "bass_peak", "bass_rate",
    "expected_reach", "expected_total", "extinction_probability", "final_size", "naive_reach",
    "offspring_pgf", "rumor_never_heard", "rumor_trajectory", "saturating_reach",
    "viral_coefficient",
]
