"""Every input rule and its German message – shared by the Python API, the CLI and the views.

Each checker takes what a person typed (a string, e.g. "4,5" or "50 %") or a Python number and
returns a clean value or raises `InputError`, whose `.key` names the offending input with its
German key (the name used in directives and on the command line). The parameter table
(`smm_calc.params`) uses these checkers as the parsers at the edge; the models call them again
on numbers (never on text – see `numbers_only`) for the Python API.

Layering: this module builds on `errors`, `numtext` (number syntax and formatting) and `ranges`;
it imports nothing from `render`, the models or the reports.
"""

import math
import re
from numbers import Real

from .errors import InputError
from .numtext import fmt_decimal, fmt_number, range_bounds, shown, to_float  # noqa: F401
from .ranges import Range

MAX_STUFEN = 50
MAX_ZIELGRUPPE = 10**10
MAX_K = 1e9
MAX_RESULT = 1e300
MAX_RUNS = 10**7
MAX_R = 1000.0
MAX_JAHRE = 200
MAX_GENERATIONEN = 50


# --- numbers ------------------------------------------------------------------------------------

def to_int(value, key: str, lo: int, hi: int, *, hint: str = "") -> int:
    """A whole number in [lo, hi]."""
    x = to_float(value, key, grouped=True)
    if not x.is_integer():
        raise InputError(f"{key} muss eine ganze Zahl sein, nicht „{shown(value)}“.", key)
    if x < lo:
        raise InputError(f"{key} muss mindestens {fmt_number(lo)} sein, nicht „{shown(value)}“.", key)
    if x > hi:
        raise InputError(
            f"{key} darf höchstens {fmt_number(hi)} sein{hint}, nicht „{shown(value)}“.", key)
    return int(x)


def to_share(value, key: str) -> float:
    """A share 0…1, also as percent text ("50 %")."""
    if isinstance(value, str) and value.strip().endswith("%"):
        x = to_float(value.strip()[:-1], key) / 100.0
    else:
        x = to_float(value, key)
    if not 0.0 <= x <= 1.0:
        raise InputError(
            f"{key} muss zwischen 0 und 1 liegen (oder zwischen 0 % und 100 %), "
            f"nicht „{shown(value)}“.", key)
    return x


def in_interval(value, key: str, lo: float, hi: float, *, lo_open: bool = False) -> float:
    """A real number in [lo, hi] (or (lo, hi] with `lo_open`)."""
    x = to_float(value, key)
    if (x <= lo if lo_open else x < lo) or x > hi:
        left = f"größer als {fmt_decimal(lo)}" if lo_open else f"mindestens {fmt_decimal(lo)}"
        raise InputError(
            f"{key} muss {left} und höchstens {fmt_decimal(hi)} sein, "
            f"nicht „{shown(value)}“.", key)
    return x


# --- the model inputs ---------------------------------------------------------------------------

def positive_range(value, key: str):
    """A Range (or a number kept as float) whose ends are positive and at most MAX_K."""
    if isinstance(value, Range):
        rng, text = value, str(value)
    elif isinstance(value, Real) and not isinstance(value, bool):
        x = to_float(value, key)
        _check_positive(x, x, key, shown(value))
        return x
    else:
        rng, text = Range.parse(value, key=key), shown(value)
    _check_positive(rng.low, rng.high, key, text)
    return rng


def _check_positive(low: float, high: float, key: str, text: str) -> None:
    if math.isnan(low) or math.isnan(high):
        raise InputError(f"{key} muss eine Zahl sein, nicht „{text}“.", key)
    if low <= 0:
        raise InputError(f"{key} muss eine positive Zahl sein, nicht „{text}“.", key)
    if low > MAX_K or (high > MAX_K and not math.isinf(high)):
        raise InputError(
            f"{key} darf höchstens {fmt_number(MAX_K)} sein, nicht „{text}“.", key)


def k_value(value, key: str = "k"):
    """k: contacts (people told) per person – a number or a Range."""
    return positive_range(value, key)


def single_k(value, key: str = "k") -> float:
    """k for models that need one number (the simulation)."""
    k = positive_range(value, key)
    if isinstance(k, Range):
        if not k.is_point:
            raise InputError(
                f"{key} muss hier eine einzelne Zahl sein (kein Bereich), nicht „{shown(value)}“; "
                "für einen Bereich bitte beide Enden einzeln rechnen.", key)
        return k.low
    return k


def stufen(value, key: str = "stufen") -> int:
    return to_int(value, key, 0, MAX_STUFEN, hint=" (mehr Weitererzähl-Stufen sind nicht sinnvoll)")


def seeds(value, key: str = "startpersonen") -> int:
    return to_int(value, key, 1, MAX_ZIELGRUPPE)


def zielgruppe(value, n_seeds: int = 1, key: str = "zielgruppe") -> int:
    n = to_int(value, key, 1, MAX_ZIELGRUPPE)
    if n < n_seeds:
        raise InputError(
            f"{key} muss mindestens so groß sein wie die Zahl der Startpersonen "
            f"({fmt_number(n_seeds)}), nicht „{shown(value)}“.", key)
    return n


def retell(value, key: str = "weitererzaehlquote") -> float:
    return to_share(value, key)


def runs(value, key: str = "laeufe") -> int:
    return to_int(value, key, 1, MAX_RUNS)


def rng_seed(value, key: str = "seed") -> int | None:
    """A seed for the random numbers, or None („zufall“): different numbers on every call."""
    if value is None or (isinstance(value, str) and value.strip().lower() == "zufall"):
        return None
    return to_int(value, key, 0, 2**63 - 1)


def rate(value, key: str = "r") -> float:
    """A mean number of offspring (reproduction number) R ≥ 0."""
    return in_interval(value, key, 0.0, MAX_R)


def dispersion(value, key: str = "dispersion") -> float:
    return in_interval(value, key, 0.0, 1e6, lo_open=True)


OFFSPRING = {
    "poisson": "poisson",
    "geometric": "geometric", "geometrisch": "geometric",
    "negbin": "negbin", "negativ-binomial": "negbin",
}


def offspring_choice(value, key: str = "verteilung") -> str:
    """An offspring distribution or „alle“ (the views show all three side by side)."""
    name = str(value).strip().lower()
    if name == "alle":
        return name
    if name not in OFFSPRING:
        raise InputError(
            "verteilung muss „poisson“, „geometrisch“, „negbin“ oder „alle“ sein, "
            f"nicht „{shown(value)}“.", key)
    return OFFSPRING[name]


def negbin_dispersion(value, key: str = "dispersion") -> float:
    """The dispersion the negative binomial needs (None: missing)."""
    if value is None:
        raise InputError(
            "Für die negative Binomialverteilung fehlt die Dispersion (z. B. 0,2).", key)
    return dispersion(value, key)


def r_max(value, key: str = "r_max") -> float:
    """The largest R on the axis of the branching view."""
    return in_interval(value, key, 0.0, 20.0, lo_open=True)


def subcritical(r: float, key: str, what: str, name: str | None = None) -> float:
    """A rate below 1 – expected totals are finite only then. `what` is the German subject
    („Die erwartete Reichweite“), `name` the rate in the message (default: the key)."""
    if r >= 1:
        raise InputError(f"{what} ist nur endlich, wenn {name or key} kleiner als 1 ist, "
                         f"nicht „{shown(r)}“.", key)
    return r


def offspring(value, key: str = "verteilung") -> str:
    name = str(value).strip().lower()
    if name not in OFFSPRING:
        raise InputError(
            f"{key} muss „poisson“, „geometrisch“ oder „negbin“ sein, nicht „{shown(value)}“.", key)
    return OFFSPRING[name]


RUMOR_MODELS = ("daley-kendall", "maki-thompson")


def rumor_model(value, key: str = "modell") -> str:
    name = str(value).strip().lower().replace("–", "-").replace(" ", "-")
    if name not in RUMOR_MODELS:
        raise InputError(
            f"{key} muss „daley-kendall“ oder „maki-thompson“ sein, nicht „{shown(value)}“.", key)
    return name


def rumor_zielgruppe(value, key: str = "zielgruppe") -> int:
    """The rumour models need at least one more person than the first spreader."""
    return to_int(value, key, 2, MAX_ZIELGRUPPE)


def t_max(value, key: str = "t_max") -> float | None:
    return None if value is None else in_interval(value, key, 0.0, 1000.0, lo_open=True)


def points(value, key: str = "punkte") -> int:
    return to_int(value, key, 2, 100_001)


def bass_p(value, key: str = "p") -> float:
    return in_interval(value, key, 0.0, 1.0, lo_open=True)


def bass_q(value, key: str = "q") -> float:
    return in_interval(value, key, 0.0, 10.0)


def jahre(value, key: str = "jahre") -> int:
    return to_int(value, key, 1, MAX_JAHRE)


def times(t, key: str = "t"):
    """Points in time ≥ 0 for the Bass curves: a number or an array (as a numpy array)."""
    import numpy as np

    if isinstance(t, str):
        numbers_only(**{key: t})
    arr = np.asarray(t, dtype=float)
    if not np.all(np.isfinite(arr)) or np.any(arr < 0):
        raise InputError("Die Zeit t muss eine endliche Zahl ≥ 0 sein.", key)
    return arr


def invites(value, key: str = "einladungen") -> float:
    return in_interval(value, key, 0.0, 1e9)


def conversion(value, key: str = "konversion") -> float:
    return to_share(value, key)


def generationen(value, key: str = "generationen") -> int:
    return to_int(value, key, 1, MAX_GENERATIONEN)


def k_times_factor(k, faktor, key: str = "faktor") -> Range:
    """k × faktor (both positive ranges) as one Range, at most MAX_K at either finite end."""
    k_range = Range.of(k_value(k))
    factor = Range.of(positive_range(faktor, key))
    product = k_range * factor
    if product.low > MAX_K or (not product.is_open and product.high > MAX_K):
        raise InputError(
            f"k × faktor darf höchstens {fmt_number(MAX_K)} sein, nicht „{product}“.", key)
    return product


DARSTELLUNGEN = ("tabelle", "abbildung", "beides")


def darstellung(value, key: str = "darstellung") -> str:
    """How a view appears on a page: tables, figures or both."""
    mode = str(value).strip().lower()
    if mode not in DARSTELLUNGEN:
        raise InputError(
            f"darstellung muss „tabelle“, „abbildung“ oder „beides“ sein, nicht „{shown(value)}“.",
            key)
    return mode


def numbers_only(**values) -> None:
    """Models compute with numbers and Range, never with text: text is read at the edge (the
    parameter table, `Range.parse`, the checkers here). Raises for the first text value."""
    for key, value in values.items():
        if isinstance(value, str):
            raise InputError(
                f"{key} muss eine Zahl (oder ein Range) sein, kein Text wie „{shown(value)}“; "
                "Text liest Range.parse oder smm_calc.validate.", key)


def check_finite(values, key: str, what: str) -> None:
    """Guard against results too large to compute (instead of printing inf or nan)."""
    for v in values:
        if not math.isfinite(v) or abs(v) > MAX_RESULT:
            raise InputError(
                f"Die Zahlen werden zu groß ({what}: mehr als 10³⁰⁰); "
                f"bitte {key} oder stufen verkleinern.", key)


# --- usage data (rows of the data file with survey figures) ------------------------------------

USAGE_PLATFORMS = {
    "soziale-medien": "Soziale Medien insgesamt",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "youtube": "YouTube",
    "x": "X (ehemals Twitter)",
    "linkedin": "LinkedIn",
    "xing": "Xing",
    "snapchat": "Snapchat",
    "pinterest": "Pinterest",
    "whatsapp": "WhatsApp",
    "threads": "Threads",
}
USAGE_MEASURES = {
    "woechentlich": "mindestens wöchentlich genutzt",
    "taeglich": "täglich genutzt (Tagesreichweite)",
    "ueberhaupt": "genutzt, ohne Angabe der Häufigkeit",
}
USAGE_MEASURE_VERBS = {  # for sentences: „Anteil, der das Angebot … nutzt“
    "woechentlich": "mindestens wöchentlich nutzt",
    "taeglich": "täglich nutzt",
    "ueberhaupt": "überhaupt nutzt (ohne Angabe der Häufigkeit)",
}
MIN_USAGE_YEAR = 1995  # before the first surveys of social network use
_SOURCE_KEY = re.compile(r"q-[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SERIES = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _choice(value, key: str, allowed: dict[str, str], what: str) -> str:
    name = str(value).strip().lower()
    if name not in allowed:
        raise InputError(
            f"Unbekannte {what} „{shown(value)}“; erlaubt sind: {', '.join(allowed)}.", key)
    return name


def usage_platform(value, key: str = "plattform") -> str:
    return _choice(value, key, USAGE_PLATFORMS, "Plattform")


def usage_measure(value, key: str = "messung") -> str:
    return _choice(value, key, USAGE_MEASURES, "Messung")


def usage_series(value, key: str = "reihe") -> str:
    name = str(value).strip().lower()
    if not _SERIES.fullmatch(name):
        raise InputError(
            f"{key} muss eine Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen sein "
            f"(z. B. „ard-zdf“), nicht „{shown(value)}“.", key)
    return name


def usage_platform_list(value, available: list[str], key: str = "plattformen") -> list[str]:
    """„alle“ (every platform in `available`) or a comma-separated list of platforms."""
    text = str(value).strip().lower()
    if text in ("", "alle"):
        return list(available)
    chosen: list[str] = []
    for part in text.replace(";", ",").split(","):
        if not part.strip():
            continue
        name = usage_platform(part, key)
        if name not in available:
            raise InputError(
                f"Für „{name}“ gibt es in dieser Reihe und Messung keine Werte; vorhanden sind: "
                f"{', '.join(available)}.", key)
        if name not in chosen:
            chosen.append(name)
    if not chosen:
        raise InputError("plattformen ist leer; „alle“ oder eine Liste wie "
                         "„instagram, facebook“ angeben.", key)
    return chosen


def usage_value(value, key: str = "wert") -> float:
    """A percentage 0…100 as written in the source (40 or 40,5)."""
    if isinstance(value, str) and not value.strip():
        raise InputError(f"Es fehlt der Wert ({key}).", key)
    x = to_float(value, key)
    if not 0.0 <= x <= 100.0:
        raise InputError(f"{key} ist ein Prozentwert und muss zwischen 0 und 100 liegen, "
                         f"nicht „{shown(value)}“.", key)
    return x


def iso_date(value, key: str = "abgerufen"):
    """A date written as YYYY-MM-DD (e.g. 2026-12-04)."""
    import datetime

    text = str(value).strip()
    m = _ISO_DATE.fullmatch(text)
    try:
        if m is None:
            raise ValueError
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise InputError(
            f"{key} muss ein Datum der Form JJJJ-MM-TT sein (z. B. 2026-12-04), "
            f"nicht „{shown(value)}“.", key) from None


def usage_year(value, latest: int, key: str = "jahr") -> int:
    """The survey year: not before MIN_USAGE_YEAR and not after the year it was retrieved."""
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}", text):
        raise InputError(f"{key} muss eine Jahreszahl wie 2025 sein, nicht „{shown(value)}“.", key)
    year = int(text)
    if not MIN_USAGE_YEAR <= year <= latest:
        raise InputError(
            f"Das Jahr {year} ist unplausibel: erlaubt sind {MIN_USAGE_YEAR} bis {latest} "
            "(nicht nach dem Abrufdatum).", key)
    return year


def source_key(value, known: "set[str] | frozenset[str] | None" = None, key: str = "quelle") -> str:
    """A bibliography anchor such as q-tippelt-2025 (and, if `known` is given, one that exists)."""
    text = str(value).strip()
    if not text:
        raise InputError("Es fehlt die Quelle (Anker im Quellenverzeichnis, z. B. q-tippelt-2025).",
                         key)
    if not _SOURCE_KEY.fullmatch(text):
        raise InputError(
            f"Die Quelle muss ein Anker des Quellenverzeichnisses wie „q-tippelt-2025“ sein, "
            f"nicht „{shown(value)}“.", key)
    if known is not None and text not in known:
        raise InputError(
            f"Die Quelle „{text}“ fehlt im Quellenverzeichnis (docs/quellen.md); "
            "Eintrag mit diesem Anker anlegen.", key)
    return text
