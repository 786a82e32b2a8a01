"""German number formatting for tables, figures and notes – kept here for existing imports
(`from smm_calc.render.numbers import fmt_count`); the functions live in `smm_calc.numtext`,
the bottom layer that `validate` and `ranges` use too."""

from ..numtext import (  # noqa: F401 – re-exported
    EN_DASH,
    NBSP,
    SUPERSCRIPTS,
    UNITS,
    fmt_count,
    fmt_count_band,
    fmt_decimal,
    fmt_decimal_band,
    fmt_number,
    fmt_percent,
    fmt_power_of_ten,
    fmt_range,
    fmt_raw,
)

__all__ = ["EN_DASH", "NBSP", "SUPERSCRIPTS", "UNITS", "fmt_count", "fmt_count_band",
           "fmt_decimal", "fmt_decimal_band", "fmt_number", "fmt_percent", "fmt_power_of_ten",
           "fmt_range", "fmt_raw"]
