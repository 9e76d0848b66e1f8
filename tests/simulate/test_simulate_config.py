"""Bad input is refused with a French message before any work starts (no referentials needed)."""

from __future__ import annotations

import math
from datetime import date

import pytest

from tremplin.errors import InvalidInput
from tremplin.simulate import SimulationConfig
from tremplin.simulate.bias import load_scenario, parse_scenario


@pytest.mark.parametrize(
    "kwargs, field, words",
    [
        (dict(departements=["99"]), "--departement", "département inconnu"),
        (dict(departements=["7A"]), "--departement", "département inconnu"),
        (dict(departements=[]), "--departement", "au moins un département"),
        (dict(jobseekers=10), "--jobseekers", "entre 50"),
        (dict(jobseekers=10_000_000), "--jobseekers", "entre 50"),
        (dict(months=0), "--months", "entre 1"),
        (dict(months=61), "--months", "entre 1"),
        (dict(seed=-1), "--seed", "entier"),
        (dict(offers=5), "--offers", "entre 10"),
        (dict(jobseekers=100, offers=100_000), "--offers", "20 fois"),
        (dict(start=date(2010, 1, 1)), "--start", "2019"),
        (dict(cv_sample=-3), "--cv-sample", "entre 0"),
    ],
)
def test_impossible_parameters_are_refused(kwargs, field, words):
    with pytest.raises(InvalidInput) as err:
        SimulationConfig(**kwargs).validate()
    assert err.value.field == field
    assert words in str(err.value)


def test_valid_config_resolves_defaults():
    cfg = SimulationConfig(departements=["74", "73", "74"], jobseekers=2000, months=12).validate()
    assert cfg.departements == ("73", "74")
    assert cfg.offers == round(2000 * 0.30 * 12 / 24)
    assert cfg.weeks == 52
    assert cfg.scenario.name == "Biais de démonstration"
    # the id depends on what determines the output, not on where it is written
    other = SimulationConfig(departements=["73", "74"], jobseekers=2000, months=12, out="/tmp/elsewhere").validate()
    assert cfg.territory_id == other.territory_id
    assert SimulationConfig(departements=["74"], jobseekers=2000, months=12).validate().territory_id != cfg.territory_id


def test_builtin_scenarios_load():
    demo = load_scenario("demo")
    assert {b.attribute for b in demo.biases} == {"sex", "age", "qpv"}
    women = next(b for b in demo.biases if b.attribute == "sex")
    assert math.isclose(women.log_odds, math.log(0.55))
    assert load_scenario("neutre").biases == ()


@pytest.mark.parametrize(
    "text, words",
    [
        ("biases: [ {attribute: sex, group: F", "YAML mal formé (ligne 1"),
        ("- a\n- b\n", "dictionnaire YAML"),
        ("biais: []\n", "clé(s) inconnue(s) : biais"),
        ("biases:\n  - attribute: couleur\n    group: x\n    odds_ratio: 0.5\n", "« attribute » doit être"),
        ("biases:\n  - attribute: sex\n    group: X\n    odds_ratio: 0.5\n", "F ou M"),
        ("biases:\n  - attribute: sex\n    group: F\n    odds_ratio: 0\n", "strictement positif"),
        ("biases:\n  - attribute: sex\n    group: F\n    odds_ratio: 0.5\n    occupations: [Z12]\n", "préfixes ROME"),
        ("biases:\n  - attribute: age\n    group: {min: 60, max: 30}\n    odds_ratio: 0.5\n", "« min »"),
        ("biases:\n  - attribute: qpv\n    odds_ratio: 0.5\n", "« group » est obligatoire"),
        ("biases:\n  - {id: a, attribute: qpv, group: true, odds_ratio: 0.5}\n  - {id: a, attribute: rqth, group: true, odds_ratio: 0.5}\n", "en double"),
        ("offers:\n  below_smic_share: 0.9\n", "entre 0 et 0.5"),
    ],
)
def test_malformed_scenarios_are_refused(tmp_path, text, words):
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        load_scenario(path)
    assert words in str(err.value)


def test_missing_and_non_utf8_scenarios(tmp_path):
    with pytest.raises(InvalidInput, match="introuvable"):
        load_scenario(tmp_path / "absent.yaml")
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("name: é\n".encode("latin-1"))
    with pytest.raises(InvalidInput, match="UTF-8"):
        load_scenario(bad)


def test_scenario_round_trip():
    s = parse_scenario({"name": "x", "biases": [{"attribute": "age", "group": {"min": 50}, "odds_ratio": 2}],
                        "offers": {"below_smic_share": 0.1}})
    d = s.to_dict()
    assert d["biases"][0]["group"] == [50, None]
    assert d["offers"]["below_smic_share"] == 0.1
