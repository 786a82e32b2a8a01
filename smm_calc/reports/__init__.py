"""Reports: what each view / CLI command shows, as data (tables, figure specs, notes).

The views render them as Markdown and SVG, the CLI as text, Markdown, CSV or JSON. Every report
function takes raw user values (text such as "4–5" or "50 %", or Python numbers) and validates
them through `smm_calc.validate`.
"""

from .base import Report
from .bass import bass_report
from .branching import branching_report
from .reach import reach_report, scenarios_report, simulation_report
from .rumor import rumor_report
from .usage import usage_report
from .viral import k_factor_report

__all__ = ["Report", "bass_report", "branching_report", "k_factor_report", "reach_report",
           "rumor_report", "scenarios_report", "simulation_report", "usage_report"]
