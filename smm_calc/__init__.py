"""smm_calc – how far a message travels by word of mouth (Mundpropaganda) and social media.

The package knows nothing of MkDocs; the site's build hook (via `smm_calc.views`) and the CLI
`smm-calc` both call it. Every user mistake raises `InputError` (a ValueError) with a German
message and the German name of the offending input in `.key`.
"""

from .models import (
    Band,
    Reach,
    RumorTrajectory,
    bass_adoption,
    bass_peak,
    bass_rate,
    expected_reach,
    expected_total,
    extinction_probability,
    final_size,
    naive_reach,
    rumor_never_heard,
    rumor_trajectory,
    saturating_reach,
    viral_coefficient,
)
from .ranges import Range
from .scenarios import SCENARIOS, Scenario
from .simulation import SimulationResult, simulate_reach
from .validate import InputError

__version__ = "0.1.0"

__all__ = [
    "SCENARIOS", "Band", "InputError", "Range", "Reach", "RumorTrajectory", "Scenario",
    "SimulationResult", "bass_adoption", "bass_peak", "bass_rate", "expected_reach",
    "expected_total", "extinction_probability", "final_size", "naive_reach", "rumor_never_heard",
    "rumor_trajectory", "saturating_reach", "simulate_reach", "viral_coefficient",
]
