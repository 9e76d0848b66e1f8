"""Usage priors (France Travail hires) and the employer's NAF code; the model without the usage tables."""

import os

import pytest

from tremplin.errors import InvalidInput


def test_test_model_is_trained_with_the_usage_priors(rome_home):
    from tremplin.services.rome_coding.service import load_model

    model, meta = load_model()
    assert meta["usage_priors"] is True and meta["usage_version"]
    assert model.uses_priors_ and model.doc_hires_.max() > 0


def test_hires_shares_are_distributions_over_fiches(rome_home):
    from tremplin.services.rome_coding.service import load_model

    model, _ = load_model()
    [ranking] = model.rank(["Vendeur"])
    by_fiche = {}
    for c in ranking.candidates:
        by_fiche.setdefault(model.parents_[c.code], c.features)
    shares = {f: feats["support_hires_share"] for f, feats in by_fiche.items()}
    assert 0.9 <= sum(shares.values()) <= 1.0 + 1e-6
    # most « vendeur / vendeuse … » hires are in D1214 (clothes, shoes, accessories)
    assert max(shares, key=shares.get) == "D1214"
    assert by_fiche["D1214"]["head_hires_share"] > 0.3


def test_naf_code_is_accepted_and_checked(rome_home):
    from tremplin.services.rome_coding import code_occupation, code_occupations

    with_naf = code_occupation("Aide-soignant de nuit", naf="8710A")
    assert with_naf.candidates[0].parent.code == "J1501"
    [one, two] = code_occupations([{"text": "Cariste", "secteurActivite": "52"}, ("Cariste", None, "52.10B")])
    assert one.candidates[0].code == two.candidates[0].code
    for bad in ("abc", "8", 86):
        with pytest.raises(InvalidInput) as err:
            code_occupation("Cariste", naf=bad)
        assert err.value.field == "naf" and "code NAF attendu" in err.value.message


def test_without_usage_tables_the_model_trains_and_codes_without_priors(referentials, home, tmp_path, monkeypatch):
    from tremplin.referentials import usage
    from tremplin.services.rome_coding import code_occupation
    from tremplin.services.rome_coding.service import load_model, train
    from tremplin.settings import reset_settings

    only_rome = tmp_path / "refs"
    only_rome.mkdir()
    os.symlink(os.path.realpath(referentials / "rome"), only_rome / "rome")
    monkeypatch.setenv("TREMPLIN_REFERENTIALS_PATH", str(only_rome))
    reset_settings()
    assert not usage.installed()
    meta = train(n_synthetic=800, usage_priors=True)  # asked for, but the tables are missing
    assert meta["usage_priors"] is False
    model, _ = load_model()
    assert not model.uses_priors_ and float(model.doc_hires_.sum()) == 0.0
    result = code_occupation("Boulanger (H/F)", naf="1071C")
    assert result.candidates[0].parent.code == "D1102"
    [ranking] = model.rank(["Boulanger"], None, ["1071C"])
    assert all(c.features["has_naf"] == 0.0 and c.features["naf_share"] == 0.0 for c in ranking.candidates)
