"""Input rules: numbers as people type them, and German messages that name the key."""

import math

import pytest

from smm_calc import validate
from smm_calc.validate import InputError


@pytest.mark.parametrize(("text", "value"), [
    ("4,5", 4.5), ("4.5", 4.5), ("-2", -2.0), ("1e6", 1e6), ("1.000,5", 1000.5), (" 7 ", 7.0),
    ("−3", -3.0), (3, 3.0), (2.5, 2.5),
])
def test_to_float(text, value):
    assert validate.to_float(text, "x") == value


@pytest.mark.parametrize("text", ["", "abc", "nan", "NaN", "inf", "-inf", "1,2,3", "4-5", "1e999",
                                  float("nan"), float("inf"), True, None])
def test_to_float_rejects(text):
    with pytest.raises(InputError) as info:
        validate.to_float(text, "x")
    assert info.value.key == "x"
    assert "„" in str(info.value) or "endliche" in str(info.value)


@pytest.mark.parametrize(("text", "value"), [
    ("100000", 100000), ("100.000", 100000), ("100 000", 100000), ("1e6", 1000000), (5, 5),
    ("10.000.000.000", 10**10),
])
def test_whole_numbers_accept_grouping(text, value):
    assert validate.zielgruppe(text) == value


@pytest.mark.parametrize(("text", "value"), [("0,5", 0.5), ("50 %", 0.5), ("50%", 0.5), (1, 1.0),
                                             ("0", 0.0), ("100 %", 1.0)])
def test_share(text, value):
    assert validate.retell(text) == value


@pytest.mark.parametrize(("call", "key", "fragment"), [
    (lambda: validate.k_value("-3"), "k", "k muss eine positive Zahl sein, nicht „-3“."),
    (lambda: validate.k_value(0), "k", "positive Zahl"),
    (lambda: validate.k_value("2e9"), "k", "höchstens 1.000.000.000"),
    (lambda: validate.stufen("51"), "stufen", "höchstens 50"),
    (lambda: validate.stufen("-1"), "stufen", "mindestens 0"),
    (lambda: validate.stufen("2,5"), "stufen", "ganze Zahl"),
    (lambda: validate.zielgruppe("3", 5), "zielgruppe", "Startpersonen"),
    (lambda: validate.zielgruppe(10**10 + 1), "zielgruppe", "höchstens 10.000.000.000"),
    (lambda: validate.retell("1,5"), "weitererzaehlquote", "zwischen 0 und 1"),
    (lambda: validate.retell("-10 %"), "weitererzaehlquote", "zwischen 0 und 1"),
    (lambda: validate.seeds(0), "startpersonen", "mindestens 1"),
    (lambda: validate.runs(0), "laeufe", "mindestens 1"),
    (lambda: validate.offspring("normal"), "verteilung", "poisson"),
    (lambda: validate.rumor_model("sir"), "modell", "daley-kendall"),
    (lambda: validate.bass_p(0), "p", "größer als 0"),
    (lambda: validate.single_k("4-5"), "k", "einzelne Zahl"),
])
def test_messages(call, key, fragment):
    with pytest.raises(InputError) as info:
        call()
    assert info.value.key == key
    assert fragment in str(info.value)


def test_k_value_keeps_kind():
    assert validate.k_value(4) == 4.0
    assert validate.k_value("4-5").high == 5
    assert math.isinf(validate.k_value("≥10").high)
