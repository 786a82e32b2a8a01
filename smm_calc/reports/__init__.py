"""Reports: what each view / CLI command shows, as data (tables, figure specs, notes).

The views render them as Markdown and SVG, the CLI as text, Markdown, CSV or JSON. Every report
function takes values already parsed by its view's parameter table (`smm_calc.params`: numbers,
Range, names – never text such as "4–5"), one keyword argument per key, and no defaults: those
live in the table. Rules that join two inputs (k × faktor, zielgruppe ≥ startpersonen) are
checkers of `smm_calc.validate`, called here.
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
