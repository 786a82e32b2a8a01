"""The calculator's Python twin (smm_calc.calculator) against what follows from the models by hand.

The JavaScript is checked against the twin (tests/js/); here the twin is checked against
analytical results – never against a copy of its own output.
"""

import html
import json
import math
import re

import pytest
from hypothesis import given, settings, strategies as st

from hookmodules import load
from smm_calc import validate
from smm_calc.calculator import FIELDS, calculate, js_constants

DEFAULTS = {name: spec["default"] for name, spec in FIELDS.items()}


def result(**values) -> dict:
    outcome = calculate({**DEFAULTS, **values})
    assert outcome["errors"] == {}, outcome["errors"]
    return outcome["result"]


def errors(**values) -> dict:
    outcome = calculate({**DEFAULTS, **values})
    assert "result" not in outcome
    return outcome["errors"]


@pytest.mark.parametrize("n", [1, 2, 7, 50])
def test_k_1_reaches_one_new_person_per_stufe(n):
    res = result(k="1", stufen=str(n), zielgruppe="1e10")
    assert [row["stufe"] for row in res["rows"]] == list(range(1, n + 1))
    for row in res["rows"]:
        s = row["stufe"]
        assert row["naiv"] == [s, s] and row["naivNeu"] == [1, 1]
        # in ten billion people, one contact per Stufe almost never meets an informed person
        assert row["saettigung"][0] == pytest.approx(s, rel=1e-6)
    assert res["rows"][-1]["text"]["naiv"] == f"{n}"


def test_naive_snowball_is_a_geometric_series():
    res = result(k="2", stufen="10", zielgruppe="1000")
    for row in res["rows"]:
        s = row["stufe"]
        assert row["naivNeu"][0] == 2 ** s
        assert row["naiv"][0] == 2 ** (s + 1) - 2
    assert res["rows"][-1]["text"]["naiv"] == "2.046"


def test_factor_multiplies_k():
    """k = 4 with faktor 3 is k = 12: the same numbers, a caption that names both."""
    with_factor, plain = result(k="4", faktor="3"), result(k="12")
    assert [r["naiv"] for r in with_factor["rows"]] == [r["naiv"] for r in plain["rows"]]
    assert [r["saettigung"] for r in with_factor["rows"]] == [r["saettigung"] for r in plain["rows"]]
    assert "k = 4, Faktor = 3, zusammen k = 12" in with_factor["caption"]
    assert "k = 12," in plain["caption"] and "Faktor" not in plain["caption"]


def test_ways_of_writing_a_range_give_the_same_result():
    first = result(k="4-5")
    for text in ("4–5", "4 bis 5", " 4 – 5 "):
        assert result(k=text) == first


def test_without_retelling_only_the_first_stufe_is_reached():
    """quote 0: only the originator tells; k contacts drawn at random from N people reach
    (N − 1)·(1 − (1 − 1/N)^k) of the others, and nobody after that."""
    big_n, k = 50, 10
    res = result(k=str(k), stufen="8", zielgruppe=str(big_n), quote="0")
    first = (big_n - 1) * (1 - (1 - 1 / big_n) ** k)
    for row in res["rows"]:
        assert row["saettigung"][0] == pytest.approx(first, rel=1e-12)
    assert res["r"]["low"] == 0 and res["r"]["high"] == 0 and res["r"]["label"] == "R = 0"
    assert res["verdict"]["diesOut"] == "sicher"
    assert "nur 10 Personen" in res["verdict"]["text"]  # expected reach k/(1 − R) with R = 0


def test_below_one_the_chain_dies_out_and_reaches_k_over_one_minus_r():
    res = result(k="4", quote="0,1")  # R = 0,4: 4 / 0,6 = 6,67 people
    assert res["r"]["label"] == "R = 0,4"
    assert res["verdict"]["diesOut"] == "sicher"
    assert res["verdict"]["probabilityLow"] == res["verdict"]["probabilityHigh"] == 1
    assert "im Mittel insgesamt nur 6,7 Personen" in res["verdict"]["text"]


def test_above_one_extinction_is_the_fixed_point_of_the_poisson_pgf():
    res = result(k="2", quote="1")
    q = res["verdict"]["probabilityHigh"]
    assert 0 < q < 1 and q == pytest.approx(math.exp(2 * (q - 1)), abs=1e-12)
    assert res["verdict"]["diesOut"] == "moeglich"
    assert "Wahrscheinlichkeit von 20,3\u00a0%" in res["verdict"]["text"]  # q(2) = 0,2032


def test_a_band_across_one_is_undecided():
    res = result(k="0,5–2", quote="1")
    assert res["verdict"]["diesOut"] == "unklar"
    assert res["verdict"]["probabilityHigh"] == 1
    q = res["verdict"]["probabilityLow"]  # at the upper end, R = 2
    assert q == pytest.approx(math.exp(2 * (q - 1)), abs=1e-12)


@pytest.mark.parametrize("values", [{"k": "≥10"}, {"faktor": "mindestens 10"}, {"k": "4+"}])
def test_an_open_range_gives_lower_bounds_only(values):
    res = result(stufen="6", **values)
    for row in res["rows"]:
        assert row["naiv"][1] is None and row["saettigung"][1] is None
        for text in row["text"].values():
            assert text.startswith("mindestens "), text
    assert res["r"]["high"] is None and res["r"]["label"].startswith("R ≥ ")
    assert res["openNote"] and "mindestens" in res["openNote"]
    assert res["summary"].count("mindestens") == 2


def test_stufen_0_has_one_row_and_no_reach():
    res = result(stufen="0")
    assert [row["stufe"] for row in res["rows"]] == [0]
    assert res["rows"][0]["naiv"] == [0, 0] and res["rows"][0]["saettigung"] == [0, 0]
    assert res["summary"] == "Mit 0 Stufen gibt es noch keine Reichweite."


def test_every_bad_field_gets_its_own_message_naming_it():
    found = errors(k="abc", faktor="0", stufen="99", zielgruppe="-5", quote="2")
    assert set(found) == set(FIELDS)
    for name, message in found.items():
        assert message.startswith(FIELDS[name]["key"] + " "), message
    assert "höchstens 50" in found["stufen"]


def test_an_empty_or_missing_field_asks_for_a_value():
    assert errors(k="  ") == {"k": FIELDS["k"]["empty"]}
    outcome = calculate({"k": "4–5"})
    assert set(outcome["errors"]) == {"faktor", "stufen", "zielgruppe", "quote"}
    assert f"0 bis {validate.MAX_STUFEN}" in FIELDS["stufen"]["empty"]


def test_limits_of_k_times_faktor_and_of_the_numbers():
    assert errors(k="1e5", faktor="1e5") == {
        "faktor": "k × Faktor darf höchstens 1.000.000.000 sein, nicht „10.000.000.000“."}
    assert "1e5" not in errors(k="1e5", faktor="1e5")["faktor"]
    # 10⁹ people per Stufe for 50 Stufen is far beyond 10³⁰⁰: the overflow message, on k
    overflow = errors(k="1e9", stufen="50")
    assert list(overflow) == ["k"] and overflow["k"].startswith("Die Zahlen werden zu groß")


texts = st.builds(lambda lo, width: (lo, round(lo + width, 2)),
                  st.floats(min_value=0.1, max_value=60).map(lambda x: round(x, 2)),
                  st.floats(min_value=0, max_value=30))


@settings(max_examples=150, deadline=None)
@given(k=texts, open_k=st.booleans(), factor=st.sampled_from(["1", "2", "10", "≥10", "1–3"]),
       n=st.integers(0, 30), big_n=st.integers(1, 10**10), quota=st.integers(0, 100))
def test_saturation_stays_below_the_target_group_and_the_naive_reach(k, open_k, factor, n, big_n,
                                                                      quota):
    lo, hi = k
    k_text = f"≥{lo}" if open_k else f"{lo}–{hi}"
    res = result(k=k_text, faktor=factor, stufen=str(n), zielgruppe=str(big_n), quote=f"{quota} %")
    assert len(res["rows"]) == max(n, 1)
    json.dumps(res["rows"], allow_nan=False)  # every number finite
    before = [0.0, 0.0]
    for row in res["rows"]:
        for end in (0, 1):
            sat, naive = row["saettigung"][end], row["naiv"][end]
            if sat is None:
                assert end == 1 and naive is None
                continue
            assert 0 <= sat <= (big_n - 1) * (1 + 1e-12)  # the originator is not counted
            assert sat <= naive * (1 + 1e-12)
            assert sat >= before[end] * (1 - 1e-12)  # reach never shrinks
            before[end] = sat
        assert row["saettigung"][0] <= (row["saettigung"][1] or math.inf) * (1 + 1e-12)


def test_the_page_gets_the_limits_and_fields_from_the_build_hook():
    hook = load("rechner")
    page = '<p>x</p>\n<div class="smm-rechner" data-smm-rechner hidden>\n<form></form></div>'
    out = hook.on_page_content(page, None, None, None)
    value = re.search(r'data-smm-werte="([^"]*)"', out)[1]
    assert json.loads(html.unescape(value)) == json.loads(json.dumps(js_constants()))
    assert js_constants()["limits"]["MAX_STUFEN"] == validate.MAX_STUFEN
    assert js_constants()["limits"]["MAX_K"] == validate.MAX_K
    assert out.replace(f' data-smm-werte="{value}"', "") == page
    assert hook.on_page_content("<p>kein Rechner</p>", None, None, None) == "<p>kein Rechner</p>"
